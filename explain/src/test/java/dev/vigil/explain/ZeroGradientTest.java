package dev.vigil.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.core.audit.AuditContext;
import dev.vigil.core.audit.AuditRecorder;
import dev.vigil.core.audit.Progress;
import dev.vigil.core.data.Dataset;
import dev.vigil.core.eval.CleanEvaluation;
import dev.vigil.core.model.TorchScriptClassifier;
import dev.vigil.core.perturb.Epsilon;
import dev.vigil.core.result.Finding;
import dev.vigil.core.result.Metric;
import dev.vigil.core.result.ResultsJson;
import dev.vigil.core.testing.Fixtures;
import dev.vigil.core.testing.LinearFixture;
import dev.vigil.core.testing.TestContexts;
import dev.vigil.core.testing.TestImages;
import dev.vigil.explain.method.Baseline;
import dev.vigil.explain.method.ChannelAggregation;
import dev.vigil.explain.method.QuadratureRule;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** testdata/zero_grad.pt predicts from its input but has an all-zero input gradient: explanations must say they could not work. */
class ZeroGradientTest {
    @Test
    void gradientMethodsReportThatTheyFoundNothingAndOcclusionStillWorks(@TempDir Path dir) throws Exception {
        Dataset data = Dataset.open(TestImages.folder(dir.resolve("data"), 3, 4, "a", "b", "c"));
        AuditRecorder recorder = new AuditRecorder();
        ExplainSettings settings = new ExplainSettings(new MethodSettings(List.of("saliency", "ig", "occlusion"), 8,
                QuadratureRule.GAUSS_LEGENDRE, Baseline.BLACK, 4, 0.15, 2, 2), 2, Target.PREDICTED, 4, 0.5, 2, 8,
                ExplainSettings.DRIFT, 90, Epsilon.parse("8/255", "eps"), ChannelAggregation.SUM_ABS, FaithfulnessSettings.defaults());
        try (TorchScriptClassifier model = Fixtures.load("zero_grad.pt", LinearFixture.SPEC, 3)) {
            dev.vigil.core.eval.CleanProbe.Readout clean = CleanEvaluation.run(model, data, 16, Progress.SILENT, recorder);
            AuditContext ctx = TestContexts.of(model, data, clean.outcome(), 16, 0, dir.resolve("out"), Progress.SILENT, recorder);
            new ExplainProbe(settings).run(ctx);
        }
        Finding zero = recorder.findings().stream().filter(f -> f.id().equals("explain-zero-attributions")).findFirst().orElseThrow();
        assertEquals("Saliency, Integrated Gradients found nothing to attribute", zero.title());
        assertTrue(recorder.findings().stream().anyMatch(f -> f.id().equals("explain-ig-completeness")),
                "zero attributions cannot add up to the logit change");
        Metric saliencyRandomization = recorder.metrics().stream().filter(m -> m.name().equals("explain.saliency.randomization.spearman"))
                .findFirst().orElseThrow();
        assertTrue(Double.isNaN(saliencyRandomization.value()), "no correlation of constant maps");
        assertEquals(0, saliencyRandomization.count());
        Metric occlusion = recorder.metrics().stream().filter(m -> m.name().equals("explain.occlusion.deletion_auc"))
                .findFirst().orElseThrow();
        assertTrue(!Double.isNaN(occlusion.value()), "occlusion needs no gradient");
        assertTrue(recorder.findings().stream().noneMatch(f -> f.title().contains("Occlusion found nothing")));
        String json = ResultsJson.mapper().writeValueAsString(recorder.metrics());
        assertTrue(json.contains("\"NaN\""), "undefined values are written as the string NaN, which the gate reads as undefined");
    }
}
