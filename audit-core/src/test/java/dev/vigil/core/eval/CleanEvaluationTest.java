package dev.vigil.core.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.core.audit.AuditRecorder;
import dev.vigil.core.audit.Progress;
import dev.vigil.core.data.Dataset;
import dev.vigil.core.data.Sample;
import dev.vigil.core.model.TorchScriptClassifier;
import dev.vigil.core.result.Metric;
import dev.vigil.core.result.SampleRow;
import dev.vigil.core.testing.CifarFixture;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CleanEvaluationTest {
    @Test
    void cleanPredictionsAndAccuracyEqualPlainPyTorchOnTheSameFiles() throws Exception {
        JsonNode expected = CifarFixture.expected();
        Dataset dataset = CifarFixture.dataset();
        AuditRecorder recorder = new AuditRecorder();
        dev.vigil.core.eval.CleanProbe.Readout result;
        // A batch size unlike the peer's (128) shows that the predictions do not depend on batching.
        try (TorchScriptClassifier model = CifarFixture.model()) {
            result = CleanEvaluation.run(model, dataset, 37, Progress.SILENT, recorder);
        }
        Map<String, JsonNode> bySample = new HashMap<>();
        expected.get("per_sample").forEach(s -> bySample.put(s.get("path").asText().replaceFirst("^images/", ""), s));
        assertEquals(200, dataset.samples().size());
        for (Sample s : dataset.samples()) {
            JsonNode peer = bySample.get(s.id());
            assertEquals(peer.get("label").asInt(), s.label(), s.id());
            assertEquals(peer.get("pred").asInt(), result.outcome().predictions()[s.index()], s.id());
        }
        Metric accuracy = recorder.metrics().stream().filter(m -> m.name().equals("clean.accuracy")).findFirst().orElseThrow();
        assertEquals(expected.get("clean_accuracy").asDouble(), accuracy.value(), 0.0);
        assertEquals(expected.get("clean_correct").asInt(), result.outcome().correctCount());
        assertEquals(200, accuracy.count());
        assertTrue(accuracy.lower() < accuracy.value() && accuracy.value() < accuracy.upper());
        assertEquals(200, result.fileHashes().size());
        assertTrue(result.skipped().isEmpty());
        List<SampleRow> rows = recorder.rows();
        assertEquals(200, rows.size());
        assertEquals(expected.get("clean_correct").asInt(), rows.stream().filter(SampleRow::correct).count());
    }
}
