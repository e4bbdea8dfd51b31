package dev.vigil.explain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import dev.vigil.core.audit.AuditContext;
import dev.vigil.core.audit.AuditRecorder;
import dev.vigil.core.model.TorchScriptClassifier;
import dev.vigil.core.perturb.Epsilon;
import dev.vigil.core.result.Figure;
import dev.vigil.core.result.Metric;
import dev.vigil.core.result.SampleRow;
import dev.vigil.core.result.Section;
import dev.vigil.explain.method.Baseline;
import dev.vigil.explain.method.ChannelAggregation;
import dev.vigil.explain.method.QuadratureRule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExplainProbeTest {
    private static final List<String> METHODS = List.of("saliency", "gradxinput", "ig", "smoothgrad", "occlusion");

    static ExplainSettings small(List<String> drift) {
        return new ExplainSettings(new MethodSettings(METHODS, 16, QuadratureRule.GAUSS_LEGENDRE, Baseline.BLACK, 4, 0.15, 8, 8),
                1, Target.PREDICTED, 8, 0.5, 2, 8, drift, 15, Epsilon.parse("8/255", "eps"), ChannelAggregation.SUM_ABS,
                new FaithfulnessSettings(8, 1, dev.vigil.explain.quality.Imputation.NOISY_LINEAR, 0.1));
    }

    private static AuditRecorder run(Path out) throws Exception {
        AuditRecorder recorder = new AuditRecorder();
        try (TorchScriptClassifier model = DemoAudit.model()) {
            AuditContext ctx = DemoAudit.context(model, 24, out, recorder);
            float[] before = logits(ctx);
            new ExplainProbe(small(ExplainSettings.DRIFT)).run(ctx);
            assertArrayEquals(before, logits(ctx), "explaining, randomization included, leaves the audited model as it was");
        }
        return recorder;
    }

    @Test
    void anAuditRecordsEveryMetricRowSectionAndHeatmapAndTheSameSeedGivesTheSameBytes(@TempDir Path dir) throws Exception {
        AuditRecorder first = run(dir.resolve("a"));
        Map<String, Double> metrics = first.metrics().stream().filter(m -> m.name().startsWith("explain."))
                .collect(Collectors.toMap(Metric::name, Metric::value));
        for (String m : METHODS) {
            for (String suffix : List.of(".deletion_auc", ".insertion_auc", ".randomization.spearman", ".randomization.output_layer.spearman")) {
                boolean expected = !(m.equals("occlusion") && suffix.startsWith(".randomization"));
                assertEquals(expected, metrics.containsKey("explain." + m + suffix), "explain." + m + suffix);
            }
        }
        assertTrue(metrics.get("explain.ig.completeness_gap") < 0.05, "16 Gauss-Legendre steps resolve the demo model's path integral");
        assertTrue(metrics.containsKey("explain.random_order.deletion_auc"));
        for (String m : METHODS) {
            for (String change : List.of("rotation.15", "grayscale", "fgsm.eps=8/255")) {
                double rho = metrics.get("explain." + m + ".drift." + change + ".spearman");
                assertTrue(rho > -1 && rho < 1, m + " " + change + ": " + rho);
            }
        }
        assertTrue(metrics.get("explain.saliency.deletion_auc") < metrics.get("explain.random_order.deletion_auc"),
                "saliency beats a random order on the trained demo model");
        for (String m : METHODS) {
            for (String suffix : List.of(".faithfulness.gain", ".faithfulness.morf_auc", ".faithfulness.lerf_auc",
                    ".faithfulness.gain_over_random", ".faithfulness.gain_over_edges")) {
                assertTrue(metrics.containsKey("explain." + m + suffix), "explain." + m + suffix);
            }
            boolean gradient = !m.equals("occlusion");
            assertEquals(gradient, metrics.containsKey("explain." + m + ".randomization.ssim"), m);
            assertEquals(gradient, metrics.containsKey("explain." + m + ".randomization.independent.max_spearman"), m);
        }
        assertTrue(metrics.containsKey("explain.control.random.faithfulness.gain") && metrics.containsKey("explain.control.edges.faithfulness.gain"));
        assertTrue(metrics.get("explain.occlusion.faithfulness.gain") > metrics.get("explain.control.random.faithfulness.gain"),
                "occlusion is more faithful than a random map on the trained demo model");
        assertFalse(first.findings().stream().anyMatch(f -> f.id().startsWith("explain-faithfulness-")),
                "six images give no evidence that a method is no better than random");

        List<SampleRow> rows = first.rows().stream().filter(r -> r.probe().startsWith("explain.")).toList();
        assertEquals(6 * METHODS.size(), rows.size(), "one row per image (one per class) and method");
        SampleRow ig = rows.stream().filter(r -> r.probe().equals("explain.ig")).findFirst().orElseThrow();
        assertTrue(ig.extra().containsKey("completeness_gap") && ig.extra().containsKey("deletion_auc"));
        assertEquals("target=" + ig.prediction(), ig.parameter(), "the predicted class is explained by default");

        Section section = first.sections().stream().filter(s -> s.id().equals("explain")).findFirst().orElseThrow();
        assertEquals(6 * METHODS.size(), section.figures().size());
        assertTrue(section.tables().stream().anyMatch(t -> t.title().startsWith("Model randomization")));
        assertTrue(section.charts().size() >= 3);
        for (Figure f : section.figures()) {
            assertTrue(Files.size(dir.resolve("a").resolve(f.file())) > 0, f.file());
            assertTrue(f.caption().matches(".+ of class .+; colour scale 0 to [0-9.e+-]+"), "the caption states the row's scale once: " + f.caption());
            assertTrue(f.legend().contains("the 99th percentile of that value over every image of this row"), f.legend());
            assertTrue(f.legend().contains("original | rotated 15° | in grayscale | FGSM ε=8/255"), f.legend());
            java.awt.image.BufferedImage png = javax.imageio.ImageIO.read(dir.resolve("a").resolve(f.file()).toFile());
            assertEquals(4 * (128 + 4) + 10, png.getWidth(), "four tiles and a colour bar");
        }

        AuditRecorder second = run(dir.resolve("b"));
        assertEquals(first.metrics(), second.metrics(), "the same seed gives the same numbers");
        assertEquals(first.sections(), second.sections(), "and the same report section");
        for (Figure f : section.figures()) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("a").resolve(f.file())), Files.readAllBytes(dir.resolve("b").resolve(f.file())),
                    "byte-identical heatmaps " + f.file());
        }
    }

    @Test
    void explainingNothingRecordsNothing(@TempDir Path dir) throws Exception {
        AuditRecorder recorder = new AuditRecorder();
        ExplainSettings none = new ExplainSettings(new MethodSettings(List.of(), 16, QuadratureRule.GAUSS_LEGENDRE, Baseline.BLACK, 4, 0.15, 0, 0),
                1, Target.PREDICTED, 8, 0.5, 2, 8, List.of(), 15, Epsilon.parse("8/255", "eps"), ChannelAggregation.SUM_ABS,
                new FaithfulnessSettings(8, 1, dev.vigil.explain.quality.Imputation.NOISY_LINEAR, 0.1));
        try (TorchScriptClassifier model = DemoAudit.model()) {
            AuditContext ctx = DemoAudit.context(model, 12, dir, recorder);
            int before = recorder.metrics().size();
            new ExplainProbe(none).run(ctx);
            assertEquals(before, recorder.metrics().size());
            assertFalse(recorder.sections().stream().anyMatch(s -> s.id().equals("explain")));
        }
    }

    private static float[] logits(AuditContext ctx) throws Exception {
        float[] pixels;
        try (var stream = new dev.vigil.core.data.BatchStream(ctx.dataset().samples().subList(0, 4), ctx.classifier().inputSpec(), 4)) {
            pixels = stream.iterator().next().pixels();
        }
        try (NDManager scope = ctx.classifier().newBatchScope()) {
            return ctx.classifier().logits(ctx.classifier().pixels(scope, pixels, 4)).toFloatArray();
        }
    }
}
