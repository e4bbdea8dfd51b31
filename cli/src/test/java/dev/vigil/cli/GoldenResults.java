package dev.vigil.cli;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.core.result.ResultsJson;
import dev.vigil.core.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares an audit's results.json with a committed golden copy (testdata/golden/), leaving out what
 * legitimately differs between runs: the provenance (times, paths, versions), the probe settings and the
 * day the verdict was gated on.
 * Run with {@code -Dvigil.updateGolden=true} to write the current output as the new golden copy, after
 * a change that is meant to change results; the diff of the golden file then shows what changed.
 */
final class GoldenResults {
    private GoldenResults() {
    }

    static void assertMatches(String golden, Path resultsJson) throws IOException {
        ObjectNode actual = strip(ResultsJson.mapper().readTree(resultsJson.toFile()));
        Path file = Fixtures.testdata("golden").resolve(golden);
        if (Boolean.getBoolean("vigil.updateGolden")) {
            Files.writeString(file, ResultsJson.mapper().writeValueAsString(actual) + "\n");
            return;
        }
        JsonNode expected = strip(ResultsJson.mapper().readTree(file.toFile()));
        String difference = firstDifference("", expected, actual);
        if (difference != null) {
            fail("results.json differs from " + file + " at " + difference
                    + " (rerun with -Dvigil.updateGolden=true only if the change is intended)");
        }
    }

    private static ObjectNode strip(JsonNode results) {
        ObjectNode copy = results.deepCopy();
        copy.remove("provenance");
        copy.remove("settings");
        if (copy.get("verdict") instanceof ObjectNode verdict) {
            verdict.remove("gatedOn");
        }
        return copy;
    }

    /**
     * The first place where the two trees differ, or null. Numbers agree within a relative 2e-4 and numbers
     * written inside text within one unit of their last printed digit: libtorch's float results differ between
     * CPUs (AVX-512 or not), most in maxima of gradients (seen: 2.5e-10 relative on a mean L2 perturbation,
     * 5.7e-5 on the mean L∞ size of an L2 FGSM step), while any change in behaviour moves a count on these
     * fixtures by at least one image (1/200 of an accuracy, 25 times the tolerance).
     */
    static String firstDifference(String path, JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            double x = a.asDouble();
            double y = b.asDouble();
            boolean close = a.isIntegralNumber() && b.isIntegralNumber() ? a.equals(b)
                    : Math.abs(x - y) <= 2e-4 * Math.max(Math.abs(x), Math.abs(y)) + 1e-12;
            return close ? null : path + ": expected " + a + ", got " + b;
        }
        if (a.isTextual() && b.isTextual()) {
            return sameText(a.asText(), b.asText()) ? null : path + ": expected " + a + ", got " + b;
        }
        if (a.isObject() && b.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = a.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!b.has(e.getKey())) {
                    return path + "." + e.getKey() + " (missing)";
                }
                String d = firstDifference(path + "." + e.getKey(), e.getValue(), b.get(e.getKey()));
                if (d != null) {
                    return d;
                }
            }
            for (Iterator<String> it = b.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (!a.has(name)) {
                    return path + "." + name + " (new)";
                }
            }
            return null;
        }
        if (a.isArray() && b.isArray()) {
            for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
                String d = firstDifference(path + "[" + i + "]", a.get(i), b.get(i));
                if (d != null) {
                    return d;
                }
            }
            return a.size() == b.size() ? null : path + " (" + a.size() + " elements, now " + b.size() + ")";
        }
        return a.equals(b) ? null : path + ": expected " + a + ", got " + b;
    }

    private static final Pattern DECIMAL = Pattern.compile("-?\\d+\\.(\\d+)");

    /** Equal text, except that decimals written in it may differ by one unit in their last printed digit. */
    static boolean sameText(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        Matcher x = DECIMAL.matcher(a);
        Matcher y = DECIMAL.matcher(b);
        int ax = 0;
        int by = 0;
        while (x.find()) {
            if (!y.find() || !a.substring(ax, x.start()).equals(b.substring(by, y.start()))
                    || x.group(1).length() != y.group(1).length()) {
                return false;
            }
            double unit = Math.pow(10, -x.group(1).length());
            if (Math.abs(Double.parseDouble(x.group()) - Double.parseDouble(y.group())) > 1.5 * unit) {
                return false;
            }
            ax = x.end();
            by = y.end();
        }
        return !y.find() && a.substring(ax).equals(b.substring(by));
    }
}
