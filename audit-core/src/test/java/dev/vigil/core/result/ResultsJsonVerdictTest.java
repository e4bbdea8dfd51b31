package dev.vigil.core.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.core.policy.Gate;
import dev.vigil.core.policy.Policy;
import dev.vigil.core.policy.PolicyFile;
import dev.vigil.core.policy.Status;
import dev.vigil.core.testing.SyntheticResults;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsJsonVerdictTest {
    @TempDir
    Path dir;

    @Test
    void theVerdictRoundTripsThroughResultsJsonWithReadableFieldNames() throws IOException {
        AuditResults plain = SyntheticResults.build(dir, List.of("a", "b", "c"));
        Policy policy = PolicyFile.parse("""
                rules:
                  - clean.accuracy >= 0.99
                  - {rule: fgsm.linf.eps=8/255.robust_accuracy >= 0.1, bound: lower, severity: warning, min_count: 10}
                  - {rule: clean.mean_confidence_wrong <= 1, min_count: 1000}
                """, "p.yaml", "ff", false, "p");
        AuditResults results = plain.withVerdict(Gate.evaluate(policy, plain));
        Path file = dir.resolve("results.json");
        ResultsJson.write(results, file);
        AuditResults back = ResultsJson.read(file);
        assertEquals(results.verdict(), back.verdict());
        assertEquals(results.metrics(), back.metrics());
        JsonNode json = ResultsJson.mapper().readTree(file.toFile());
        assertEquals(1, json.get("schemaVersion").asInt());
        JsonNode verdict = json.get("verdict");
        assertEquals("fail", verdict.get("status").asText());
        JsonNode first = verdict.get("rules").get(0);
        assertEquals(">=", first.get("rule").get("op").asText());
        assertEquals("value", first.get("rule").get("bound").asText());
        assertEquals("error", first.get("rule").get("severity").asText());
        assertEquals("fail", first.get("status").asText());
        assertEquals("warning", verdict.get("rules").get(1).get("rule").get("severity").asText());
        assertEquals(10, verdict.get("rules").get(1).get("rule").get("minCount").asInt());
        assertEquals("inconclusive", verdict.get("rules").get(2).get("status").asText());
        assertEquals(Status.FAIL, back.verdict().status());
    }

    @Test
    void resultsWithoutAVerdictStillReadAndWriteNoVerdictField() throws IOException {
        AuditResults plain = SyntheticResults.build(dir, List.of("a", "b"));
        Path file = dir.resolve("results.json");
        ResultsJson.write(plain, file);
        assertFalse(Files.readString(file).contains("\"verdict\""));
        ObjectNode json = (ObjectNode) ResultsJson.mapper().readTree(file.toFile());
        json.remove("verdict");
        Files.writeString(file, json.toString());
        AuditResults back = ResultsJson.read(file);
        assertNull(back.verdict());
        assertEquals(plain.metrics().size(), back.metrics().size());
    }

    @Test
    void undefinedMetricValuesSurviveTheRoundTrip() throws IOException {
        AuditResults plain = SyntheticResults.build(dir, List.of("a", "b"));
        AuditResults withNaN = new AuditResults(1, plain.provenance(), plain.model(), plain.dataset(),
                List.of(Metric.of("clean.mean_confidence_wrong", Double.NaN, 0, "none wrong")), List.of(), List.of());
        Path file = dir.resolve("results.json");
        ResultsJson.write(withNaN, file);
        assertTrue(Double.isNaN(ResultsJson.read(file).metrics().get(0).value()));
    }
}
