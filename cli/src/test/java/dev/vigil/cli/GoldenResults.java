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
     * The first place where the two trees differ, or null. libtorch's float results differ between CPUs (AVX-512
     * or not), and an attack amplifies that: FGSM's sign of a near-zero gradient element can flip, PGD's ten
     * steps diverge in the last bits. Decisions do not move (every accuracy and count of the fixtures was equal
     * between two such machines), continuous attack sizes do (seen: 2e-4 relative on FGSM's mean confidence
     * drop, 1.1% on the largest L∞ size of a PGD L2 perturbation). So integers must be equal; an attack's
     * perturbation sizes and confidence drops agree within 2% relative; every other number within 1e-4 relative
     * (one image in 200 is 25 times that); decimals written in text within 2% relative or one unit of their
     * last printed digit, since tables print the loose numbers too and every number in them is also a metric.
     */
    static String firstDifference(String path, JsonNode a, JsonNode b) {
        return firstDifference(path, a, b, STRICT);
    }

    private static final double STRICT = 1e-4;
    private static final double ATTACK_SIZES = 2e-2;

    private static String firstDifference(String path, JsonNode a, JsonNode b, double tolerance) {
        if (a.isNumber() && b.isNumber()) {
            double x = a.asDouble();
            double y = b.asDouble();
            boolean close = a.isIntegralNumber() && b.isIntegralNumber() ? a.equals(b)
                    : Math.abs(x - y) <= tolerance * Math.max(Math.abs(x), Math.abs(y)) + 1e-12;
            return close ? null : path + ": expected " + a + ", got " + b;
        }
        if (a.isTextual() && b.isTextual()) {
            return sameText(a.asText(), b.asText()) ? null : path + ": expected " + a + ", got " + b;
        }
        if (a.isObject() && b.isObject()) {
            String name = a.path("name").asText("");
            double inner = name.contains(".perturbation_") || name.endsWith(".true_class_confidence_drop") ? ATTACK_SIZES : tolerance;
            for (Iterator<Map.Entry<String, JsonNode>> it = a.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!b.has(e.getKey())) {
                    return path + "." + e.getKey() + " (missing)";
                }
                String d = firstDifference(path + "." + e.getKey(), e.getValue(), b.get(e.getKey()), inner);
                if (d != null) {
                    return d;
                }
            }
            for (Iterator<String> it = b.fieldNames(); it.hasNext(); ) {
                String field = it.next();
                if (!a.has(field)) {
                    return path + "." + field + " (new)";
                }
            }
            return null;
        }
        if (a.isArray() && b.isArray()) {
            for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
                String d = firstDifference(path + "[" + i + "]", a.get(i), b.get(i), tolerance);
                if (d != null) {
                    return d;
                }
            }
            return a.size() == b.size() ? null : path + " (" + a.size() + " elements, now " + b.size() + ")";
        }
        return a.equals(b) ? null : path + ": expected " + a + ", got " + b;
    }

    private static final Pattern DECIMAL = Pattern.compile("-?\\d+\\.(\\d+)");

    /** Equal text, except that decimals written in it may differ by 2% or one unit in their last printed digit. */
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
            double u = Double.parseDouble(x.group());
            double v = Double.parseDouble(y.group());
            if (Math.abs(u - v) > Math.max(1.5 * unit, ATTACK_SIZES * Math.max(Math.abs(u), Math.abs(v)))) {
                return false;
            }
            ax = x.end();
            by = y.end();
        }
        return !y.find() && a.substring(ax).equals(b.substring(by));
    }
}
