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
        if (!expected.equals(actual)) {
            fail("results.json differs from " + file + " at " + firstDifference("", expected, actual)
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

    private static String firstDifference(String path, JsonNode a, JsonNode b) {
        if (a.isObject() && b.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = a.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().equals(b.get(e.getKey()))) {
                    return b.has(e.getKey()) ? firstDifference(path + "." + e.getKey(), e.getValue(), b.get(e.getKey()))
                            : path + "." + e.getKey() + " (missing)";
                }
            }
            for (Iterator<String> it = b.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (!a.has(name)) {
                    return path + "." + name + " (new)";
                }
            }
        }
        if (a.isArray() && b.isArray()) {
            for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
                if (!a.get(i).equals(b.get(i))) {
                    return firstDifference(path + "[" + i + "]", a.get(i), b.get(i));
                }
            }
            return path + " (" + a.size() + " elements, now " + b.size() + ")";
        }
        return path + ": expected " + a + ", got " + b;
    }
}
