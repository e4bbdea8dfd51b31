package dev.vigil.attacks.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vigil.core.audit.AuditRecorder;
import dev.vigil.core.audit.Progress;
import dev.vigil.core.data.Dataset;
import dev.vigil.core.model.Classifier;
import dev.vigil.core.result.Chart;
import dev.vigil.core.result.Figure;
import dev.vigil.core.result.Metric;
import dev.vigil.core.result.SampleRow;
import dev.vigil.core.result.Section;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole probe, every family and every corruption (two angles and two severities to stay fast),
 * on a class-balanced subset of the demo: every metric, row, section and figure is there; the
 * results do not depend on the batch size; and with the audited model as its own baseline, the
 * normalized corruption errors are exactly 1.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DriftProbeTest {
    private static final int SAMPLES = 12;
    private static final List<Double> ANGLES = List.of(-15.0, 90.0);
    private static final List<Integer> SEVERITIES = List.of(1, 5);
    private static final List<String> PROGRESS = new ArrayList<>();

    @TempDir
    static Path out;
    @TempDir
    static Path otherOut;

    private Dataset dataset;
    private AuditRecorder withBaseline;
    private AuditRecorder otherBatchSize;
    private List<DriftSetting> settings;

    @BeforeAll
    void runTwice() throws Exception {
        assumeTrue(DemoModel.present(), "demo/ is not in this checkout");
        dataset = DemoModel.dataset().limit(SAMPLES, 3);
        DriftConfig config = new DriftConfig(DriftConfig.defaults().families(), ANGLES, DriftConfig.defaults().fill(),
                DriftConfig.defaults().corruptions(), SEVERITIES, null);
        DriftConfig withBaselineConfig = new DriftConfig(config.families(), ANGLES, config.fill(), config.corruptions(), SEVERITIES,
                dev.vigil.core.testing.Fixtures.demo("model.pt"));
        Progress progress = (name, total) -> new Progress.Task() {
            @Override
            public void advance(long units) {
            }

            @Override
            public void finish(String summary) {
                PROGRESS.add(summary);
            }
        };
        try (Classifier model = DemoModel.load()) {
            settings = DriftPlan.settings(config, model.inputSpec(), 0);
            withBaseline = DriftAudit.run(model, DemoModel.request(), dataset, new DriftProbe(withBaselineConfig), out, 5, 11, progress);
            otherBatchSize = DriftAudit.run(model, dataset, new DriftProbe(config), otherOut, 64, 11, Progress.SILENT);
        }
    }

    @Test
    void everySettingHasItsPairedMetricsAndPerClassAccuracy() {
        Map<String, Metric> metrics = byName(withBaseline);
        for (DriftSetting s : settings) {
            for (String suffix : List.of(".accuracy", ".accuracy_drop", ".flip_rate", ".mcnemar_p")) {
                assertTrue(metrics.containsKey(s.metricPrefix() + suffix), s.metricPrefix() + suffix);
            }
            for (String c : dataset.classNames()) {
                assertTrue(metrics.containsKey(s.metricPrefix() + ".class." + c + ".accuracy"), s.metricPrefix() + " " + c);
            }
            Metric accuracy = metrics.get(s.metricPrefix() + ".accuracy");
            assertEquals(SAMPLES, accuracy.count());
            assertTrue(accuracy.lower() <= accuracy.value() && accuracy.value() <= accuracy.upper());
            double clean = metrics.get("clean.accuracy").value();
            assertEquals(clean - accuracy.value(), metrics.get(s.metricPrefix() + ".accuracy_drop").value(), 1e-12);
        }
        for (String name : List.of("drift.rotation.worst_of_k.accuracy", "drift.rotation.worst_of_k.mcnemar_p",
                "drift.corruption.mce", "drift.corruption.gaussian_noise.mce", "drift.corruption.translation.mce")) {
            assertTrue(metrics.containsKey(name), name);
        }
        assertFalse(metrics.containsKey("drift.corruption.horizontal_flip.mce"), "the flip has no severities to average");
        double worst = metrics.get("drift.rotation.worst_of_k.accuracy").value();
        for (double angle : ANGLES) {
            assertTrue(worst <= metrics.get("drift.rotation." + Angles.format(angle) + ".accuracy").value());
        }
    }

    @Test
    void theAuditedModelAsItsOwnBaselineHasNormalizedErrorsOfOne() {
        Map<String, Metric> metrics = byName(withBaseline);
        List<String> normalized = metrics.keySet().stream().filter(n -> n.endsWith(".mce_normalized")).toList();
        assertEquals(9 + 1, normalized.size(), "nine graded corruptions and the mean");
        for (String name : normalized) {
            double value = metrics.get(name).value();
            assertTrue(value == 1.0 || Double.isNaN(value), name + " = " + value + " (NaN only where the model never errs)");
        }
        assertEquals(metrics.get("drift.corruption.mce").value(), metrics.get("drift.corruption.baseline_mce").value(), 1e-12);
        assertTrue(withBaseline.rows().stream().filter(r -> r.probe().startsWith("drift.corruption."))
                .allMatch(r -> r.prediction().equals(r.extra().get("baseline_prediction"))));
    }

    @Test
    void sectionsAreTheSameForTheSameInputsWhateverTheBatchSize() {
        List<Section> a = withBaseline.sections().stream().filter(s -> s.id().equals("drift-rotation")).toList();
        List<Section> b = otherBatchSize.sections().stream().filter(s -> s.id().equals("drift-rotation")).toList();
        assertEquals(b.get(0).settings(), a.get(0).settings(), "no run-dependent numbers such as timings");
        assertEquals(b.get(0).tables(), a.get(0).tables());
    }

    @Test
    void resultsDoNotDependOnTheBatchSize() {
        Map<String, Metric> a = byName(withBaseline);
        Map<String, Metric> b = byName(otherBatchSize);
        assertFalse(b.isEmpty());
        for (Map.Entry<String, Metric> e : b.entrySet()) {
            assertEquals(e.getValue(), a.get(e.getKey()), e.getKey());
        }
        // Rows are written batch by batch, so their order follows the batch size; compare them by sample and setting.
        Map<String, SampleRow> rowsA = withBaseline.rows().stream().collect(Collectors.toMap(DriftProbeTest::key, r -> r));
        List<SampleRow> rowsB = otherBatchSize.rows();
        assertEquals(rowsB.size(), rowsA.size());
        for (SampleRow y : rowsB) {
            SampleRow x = withoutBaseline(rowsA.get(key(y)));
            // The transformed pixels are the same (noise is seeded per sample); libtorch's float results
            // depend on the batch size in the last digits, so confidences agree to 1e-5, not bit for bit.
            assertEquals(y.confidence(), x.confidence(), 1e-5, y.toString());
            assertEquals(new SampleRow(y.sampleId(), y.probe(), y.parameter(), y.label(), y.prediction(), 0, y.correct(), y.extra()),
                    new SampleRow(x.sampleId(), x.probe(), x.parameter(), x.label(), x.prediction(), 0, x.correct(), x.extra()));
        }
    }

    private static String key(SampleRow r) {
        return r.sampleId() + "|" + r.probe() + "|" + r.parameter();
    }

    @Test
    void oneRowPerSampleAndSettingPlusWorstOfK() {
        List<SampleRow> drift = otherBatchSize.rows().stream().filter(r -> r.probe().startsWith("drift.")).toList();
        assertEquals(SAMPLES * (settings.size() + 1), drift.size());
        Map<String, String> clean = otherBatchSize.rows().stream().filter(r -> r.probe().equals("clean"))
                .collect(Collectors.toMap(SampleRow::sampleId, SampleRow::prediction));
        for (SampleRow r : drift) {
            if (r.probe().equals("drift.rotation.worst_of_k")) {
                assertTrue(!r.correct() || r.prediction().equals(r.label()), "right at every angle, so right at the worst one");
            } else {
                assertEquals(Boolean.toString(!r.prediction().equals(clean.get(r.sampleId()))), r.extra().get("flipped"), r.toString());
                assertEquals(r.correct(), r.prediction().equals(r.label()));
            }
        }
        assertEquals(22, settings.size(), "2 angles, grayscale, 9 corruptions at 2 severities and the flip");
        assertTrue(drift.stream().anyMatch(r -> r.probe().equals("drift.rotation") && r.parameter().equals("angle=-15")));
        assertTrue(drift.stream().anyMatch(r -> r.probe().equals("drift.corruption.jpeg_compression") && r.parameter().equals("severity=5")));
    }

    @Test
    void threeSectionsWithChartsTablesAndFiguresThatExist() throws Exception {
        List<Section> sections = withBaseline.sections().stream().filter(s -> s.id().startsWith("drift-")).toList();
        assertEquals(List.of("drift-rotation", "drift-grayscale", "drift-corruptions"), sections.stream().map(Section::id).toList());
        for (Section s : sections) {
            assertFalse(s.tables().isEmpty(), s.id());
            assertFalse(s.charts().isEmpty(), s.id());
            for (Chart c : s.charts()) {
                c.series().forEach(series -> assertEquals(c.x().size(), series.y().size(), c.title()));
            }
            for (var t : s.tables()) {
                t.rows().forEach(row -> assertEquals(t.columns().size(), row.size(), t.title()));
            }
            for (Figure f : s.figures()) {
                Path file = out.resolve(f.file());
                assertTrue(Files.isRegularFile(file), f.file());
                byte[] head = Files.readAllBytes(file);
                assertEquals((byte) 0x89, head[0], "a PNG");
            }
        }
        Section rotation = sections.get(0);
        assertEquals(1 + ANGLES.size(), rotation.figures().stream().filter(f -> f.group().startsWith("Example")).count(), "the original and each angle");
        assertTrue(rotation.charts().get(0).series().get(0).lower() != null, "accuracy vs angle has an interval band");
        assertTrue(rotation.charts().get(0).x().contains("0 (clean)"));
        Section corruptions = sections.get(2);
        assertEquals(1 + 9 * SEVERITIES.size() + 1, corruptions.figures().stream().filter(f -> f.group().startsWith("Example")).count());
        assertTrue(corruptions.summary().contains("Relative to the baseline"));
        assertTrue(PROGRESS.stream().anyMatch(p -> p.matches("drift: 22 settings on 12 images, \\d+ images/s with the baseline \\(transforms .* which waited \\d+% of the time for them\\)")), PROGRESS.toString());
    }

    private static SampleRow withoutBaseline(SampleRow r) {
        Map<String, String> extra = new java.util.HashMap<>(r.extra());
        extra.remove("baseline_prediction");
        return new SampleRow(r.sampleId(), r.probe(), r.parameter(), r.label(), r.prediction(), r.confidence(), r.correct(), extra);
    }

    private static Map<String, Metric> byName(AuditRecorder recorder) {
        return recorder.metrics().stream().collect(Collectors.toMap(Metric::name, Function.identity()));
    }
}
