package dev.vigil.attacks.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.attacks.drift.corruptions.Corruptions;
import dev.vigil.core.audit.AuditRecorder;
import dev.vigil.core.audit.Progress;
import dev.vigil.core.data.Dataset;
import dev.vigil.core.model.Classifier;
import dev.vigil.core.perturb.Fill;
import dev.vigil.core.result.Metric;
import dev.vigil.core.result.SampleRow;
import dev.vigil.core.testing.CifarFixture;
import dev.vigil.core.testing.Fixtures;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Vigil's rotation and grayscale results equal what plain PyTorch computes with the same definitions
 * (affine_grid + grid_sample, BT.601 luma) on the same files: testdata/drift_peer.py wrote
 * testdata/drift_expected.json. Accuracies, paired counts and McNemar p-values match, and so does
 * every single prediction.
 */
class DriftPeerAgreementTest {
    @TempDir
    Path out;

    @Test
    void cifarModelAgreesWithPlainPyTorchOnEverySample() throws Exception {
        try (Classifier model = CifarFixture.model()) {
            check("cifar", model, CifarFixture.dataset());
        }
    }

    @Test
    void demoModelAgreesWithPlainPyTorchOnEverySample() throws Exception {
        assumeTrue(DemoModel.present(), "demo/ is not in this checkout");
        try (Classifier model = DemoModel.load()) {
            check("demo", model, DemoModel.dataset());
        }
    }

    private void check(String name, Classifier model, Dataset dataset) throws Exception {
        JsonNode all = new ObjectMapper().readTree(Fixtures.testdata("drift_expected.json").toFile());
        JsonNode expected = all.get(name);
        assumeTrue(expected != null, name + " is not in drift_expected.json");
        List<Double> angles = new ArrayList<>();
        all.get("angles").forEach(a -> angles.add(a.asDouble()));
        DriftConfig config = new DriftConfig(EnumSet.of(DriftFamily.ROTATION, DriftFamily.GRAYSCALE), angles, Fill.ZERO,
                Corruptions.all(), DriftConfig.ALL_SEVERITIES, null);
        AuditRecorder recorder = DriftAudit.run(model, dataset, new DriftProbe(config), out, 64, 0, Progress.SILENT);

        int n = expected.get("images").asInt();
        List<String> ids = new ArrayList<>();
        expected.get("ids").forEach(id -> ids.add(id.asText()));
        assertEquals(ids, dataset.samples().stream().map(s -> s.id()).toList(), "same files in the same order");
        assertEquals(expected.get("clean_correct").asInt() / (double) n, metric(recorder, "clean.accuracy").value(), 1e-12);

        compare(recorder, "drift.grayscale", "drift.grayscale", "", expected.get("grayscale"), ids, dataset.classNames(), n);
        for (double angle : angles) {
            String a = Angles.format(angle);
            compare(recorder, "drift.rotation." + a, "drift.rotation", "angle=" + a, expected.get("rotation").get(a), ids,
                    dataset.classNames(), n);
        }
    }

    private static void compare(AuditRecorder recorder, String prefix, String probe, String parameter, JsonNode expected,
                                List<String> ids, List<String> classes, int n) {
        Map<String, String> predicted = new HashMap<>();
        for (SampleRow row : recorder.rows()) {
            if (row.probe().equals(probe) && row.parameter().equals(parameter)) {
                predicted.put(row.sampleId(), row.prediction());
            }
        }
        assertEquals(n, predicted.size(), prefix + ": one row per image");
        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String want = classes.get(expected.get("predictions").get(i).asInt());
            if (!want.equals(predicted.get(ids.get(i)))) {
                mismatches.add(ids.get(i) + ": PyTorch " + want + ", Vigil " + predicted.get(ids.get(i)));
            }
        }
        assertEquals(List.of(), mismatches, prefix + ": per-sample predictions");
        assertEquals(expected.get("correct").asInt() / (double) n, metric(recorder, prefix + ".accuracy").value(), 1e-12, prefix);
        assertEquals(expected.get("flipped").asInt() / (double) n, metric(recorder, prefix + ".flip_rate").value(), 1e-12, prefix);
        double p = expected.get("mcnemar_p").asDouble();
        assertEquals(p, metric(recorder, prefix + ".mcnemar_p").value(), Math.max(1e-300, 1e-9 * p), prefix + " McNemar p");
    }

    private static Metric metric(AuditRecorder recorder, String name) {
        return recorder.metrics().stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow(() -> new AssertionError(name));
    }
}
