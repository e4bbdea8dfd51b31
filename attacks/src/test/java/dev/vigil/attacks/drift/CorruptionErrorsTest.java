package dev.vigil.attacks.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.core.audit.AuditRecorder;
import dev.vigil.core.eval.CleanOutcome;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CorruptionErrorsTest {
    /** A corruption setting whose predictions make {@code wrong} of 10 samples wrong. */
    private static DriftSetting setting(String corruption, int severity) {
        return new DriftSetting(DriftFamily.CORRUPTIONS, "drift.corruption." + corruption + (severity > 0 ? "." + severity : ""),
                "drift.corruption." + corruption, "", corruption, corruption, corruption, severity, 0, "", (x, s) -> x);
    }

    private static SettingResult result(int wrong) {
        int[] labels = new int[10];
        int[] predictions = new int[10];
        for (int i = 0; i < wrong; i++) {
            predictions[i] = 1;
        }
        PairedCounts counts = PairedCounts.of(predictions, new CleanOutcome(labels, new int[10], new float[10], new float[10]), 2);
        return new SettingResult("p", "l", counts, null, null, counts.accuracyDrop(), counts.mcnemarP(), List.of());
    }

    @Test
    void meanErrorsAndTheirBaselineNormalizationByHand() {
        List<DriftSetting> settings = new ArrayList<>();
        List<SettingResult> results = new ArrayList<>();
        int[][] wrong = {{1, 2, 3}, {4, 6, 8}};
        double[][] baseline = {{0.2, 0.4, 0.6}, {0.4, 0.4, 0.4}};
        String[] names = {"gaussian_noise", "contrast"};
        List<Double> baselineErrors = new ArrayList<>();
        for (int c = 0; c < 2; c++) {
            for (int s = 0; s < 3; s++) {
                settings.add(setting(names[c], s + 1));
                results.add(result(wrong[c][s]));
                baselineErrors.add(baseline[c][s]);
            }
        }
        settings.add(setting("horizontal_flip", 0));
        results.add(result(5));
        baselineErrors.add(0.5);
        double[] base = baselineErrors.stream().mapToDouble(Double::doubleValue).toArray();

        CorruptionErrors.Summary summary = CorruptionErrors.compute(settings, results, base, true);
        assertEquals(2, summary.entries().size(), "the ungraded flip has no corruption error");
        assertEquals(0.2, summary.entries().get(0).error(), 1e-12, "(0.1 + 0.2 + 0.3)/3");
        assertEquals(0.6, summary.entries().get(1).error(), 1e-12, "(0.4 + 0.6 + 0.8)/3");
        assertEquals(0.4, summary.meanError(), 1e-12);
        assertEquals(0.6 / 1.2, summary.entries().get(0).normalized(), 1e-12, "summed errors over the baseline's sum");
        assertEquals(1.8 / 1.2, summary.entries().get(1).normalized(), 1e-12);
        assertEquals((0.5 + 1.5) / 2, summary.meanNormalized(), 1e-12);
        assertEquals((0.4 + 0.4) / 2, summary.meanBaselineError(), 1e-12);

        AuditRecorder recorder = new AuditRecorder();
        CorruptionErrors.record(summary, recorder);
        List<String> names2 = recorder.metrics().stream().map(m -> m.name()).toList();
        assertTrue(names2.containsAll(List.of("drift.corruption.gaussian_noise.mce", "drift.corruption.contrast.mce_normalized",
                "drift.corruption.mce", "drift.corruption.mce_normalized", "drift.corruption.baseline_mce")), names2.toString());
    }

    @Test
    void withoutABaselineOnlyTheUnnormalisedErrorIsRecorded() {
        List<DriftSetting> settings = List.of(setting("pixelate", 1), setting("pixelate", 5));
        List<SettingResult> results = List.of(result(0), result(5));
        CorruptionErrors.Summary summary = CorruptionErrors.compute(settings, results, new double[] {Double.NaN, Double.NaN}, false);
        assertEquals(0.25, summary.meanError(), 1e-12);
        assertTrue(Double.isNaN(summary.meanNormalized()));
        AuditRecorder recorder = new AuditRecorder();
        CorruptionErrors.record(summary, recorder);
        assertEquals(List.of("drift.corruption.pixelate.mce", "drift.corruption.mce"),
                recorder.metrics().stream().map(m -> m.name()).toList());
    }
}
