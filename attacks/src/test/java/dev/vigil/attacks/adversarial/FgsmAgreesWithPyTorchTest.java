package dev.vigil.attacks.adversarial;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.core.data.Dataset;
import dev.vigil.core.eval.CleanOutcome;
import dev.vigil.core.model.TorchScriptClassifier;
import dev.vigil.core.perturb.Epsilon;
import dev.vigil.core.perturb.Norm;
import dev.vigil.core.result.SampleRow;
import dev.vigil.core.testing.CifarFixture;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * FGSM on the CIFAR-style fixture equals plain PyTorch on the same files, image by image: the peer
 * (testdata/make_fixtures.py, ../shared/peers/pytorch_peer.py) used batches of 128 and the mean
 * cross-entropy, as Vigil does with --batch-size 128.
 */
class FgsmAgreesWithPyTorchTest {
    @TempDir
    Path out;

    @Test
    void robustAccuracyAndEveryPredictionEqualPlainPyTorch() throws Exception {
        JsonNode expected = CifarFixture.expected();
        int batchSize = expected.get("batch_size").asInt();
        Dataset dataset = CifarFixture.dataset();
        AdversarialPlan plan = TestPlans.plan(true, false, List.of(Norm.LINF), AdversarialPlan.DEFAULT_LINF,
                AdversarialPlan.DEFAULT_L2, PgdSettings.DEFAULT, "none");
        ProbeRun run;
        try (TorchScriptClassifier model = CifarFixture.model()) {
            CleanOutcome clean = ProbeRun.clean(model, dataset, batchSize);
            run = ProbeRun.of(model, dataset, clean, plan, batchSize, 0, out);
        }
        Map<String, JsonNode> peer = new HashMap<>();
        expected.get("per_sample").forEach(s -> peer.put(s.get("path").asText().replaceFirst("^images/", ""), s));
        List<String> classes = dataset.classNames();
        for (Epsilon eps : AdversarialPlan.DEFAULT_LINF) {
            JsonNode want = expected.get("fgsm").get(eps.text());
            assertEquals(want.get("correct").asInt(), run.metric("fgsm.linf.eps=" + eps.text() + ".robust_accuracy").value() * 200, 1e-9,
                    "robust images at " + eps.text());
            assertEquals(want.get("accuracy").asDouble(), run.metric("fgsm.linf.eps=" + eps.text() + ".robust_accuracy").value(), 0.0);
            List<SampleRow> rows = run.rows("fgsm.linf", eps.parameter());
            assertEquals(200, rows.size());
            for (SampleRow row : rows) {
                int want2 = peer.get(row.sampleId()).get("fgsm_pred").get(eps.text()).asInt();
                assertEquals(classes.get(want2), row.prediction(), row.sampleId() + " at " + eps.text());
            }
        }
    }
}
