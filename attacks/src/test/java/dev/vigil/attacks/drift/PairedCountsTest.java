package dev.vigil.attacks.drift;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.vigil.core.audit.AuditRecorder;
import dev.vigil.core.eval.CleanOutcome;
import dev.vigil.core.result.Metric;
import dev.vigil.core.stats.McNemar;
import java.util.List;
import org.junit.jupiter.api.Test;

class PairedCountsTest {
    /**
     * Eight samples, labels 0,0,0,1,1,1,2,2 (class 2 is absent from the clean read set for sample 7).
     * clean: right, right, wrong(→1), right, right, wrong(→0), right, unread.
     * after: right, wrong(→2), right, right, wrong(→0), wrong(→2), right, (unread).
     */
    private static final int[] LABELS = {0, 0, 0, 1, 1, 1, 2, 2};
    private static final int[] CLEAN = {0, 0, 1, 1, 1, 0, 2, -1};
    private static final int[] AFTER = {0, 2, 0, 1, 0, 2, 2, -1};

    static CleanOutcome clean() {
        return new CleanOutcome(LABELS.clone(), CLEAN.clone(), new float[8], new float[8]);
    }

    @Test
    void countsThePairedOutcomesByHand() {
        PairedCounts c = PairedCounts.of(AFTER, clean(), 3);
        assertEquals(7, c.samples());
        assertEquals(5, c.cleanCorrect());
        assertEquals(4, c.correct());
        assertEquals(2, c.turnedWrong(), "samples 1 and 4");
        assertEquals(1, c.turnedRight(), "sample 2");
        assertEquals(4, c.flipped(), "samples 1, 2, 4 and 5 change their prediction (5 changes from 0 to 2 while wrong)");
        assertArrayEquals(new int[] {3, 3, 1}, c.classSamples());
        assertArrayEquals(new int[] {2, 1, 1}, c.classCorrect());
        assertArrayEquals(new int[] {2, 2, 1}, c.classCleanCorrect());
        assertEquals(1.0 / 7, c.accuracyDrop(), 1e-12);
        assertEquals(1.0, c.mcnemarP(), 0, "b = 2, c = 1: 2·(1 + 3)/8 = 1");
    }

    @Test
    void recordsTheMetricsUnderTheSettingsPrefix() {
        AuditRecorder recorder = new AuditRecorder();
        SettingResult r = DriftMetrics.record("drift.rotation.15", "15°", "rotation by 15°", PairedCounts.of(AFTER, clean(), 3),
                List.of("a", "b", "c"), recorder);
        Metric accuracy = metric(recorder, "drift.rotation.15.accuracy");
        assertEquals(4.0 / 7, accuracy.value(), 1e-12);
        assertEquals(7, accuracy.count());
        assertEquals(1.0 / 7, metric(recorder, "drift.rotation.15.accuracy_drop").value(), 1e-12);
        assertEquals(4.0 / 7, metric(recorder, "drift.rotation.15.flip_rate").value(), 1e-12);
        assertEquals(1.0, metric(recorder, "drift.rotation.15.mcnemar_p").value(), 0);
        assertEquals(2.0 / 3, metric(recorder, "drift.rotation.15.class.a.accuracy").value(), 1e-12);
        assertEquals(1.0, metric(recorder, "drift.rotation.15.class.c.accuracy").value(), 0);
        assertEquals(4 + 3, recorder.metrics().size());
        assertEquals(r.accuracy(), accuracy);
    }

    /** Newcombe (1998), Statistics in Medicine 17:857–872, Table I, method 3 (Wilson score without continuity correction). */
    @Test
    void accuracyIntervalsAreWilsonIntervalsWithTheirPublishedValues() {
        int[][] cases = {{81, 263}, {15, 148}, {0, 20}, {1, 29}};
        double[][] published = {{0.2553, 0.3662}, {0.0624, 0.1605}, {0.0, 0.1611}, {0.0061, 0.1718}};
        for (int k = 0; k < cases.length; k++) {
            int right = cases[k][0];
            int n = cases[k][1];
            int[] labels = new int[n];
            int[] clean = new int[n];
            int[] after = new int[n];
            for (int i = 0; i < n; i++) {
                after[i] = i < right ? 0 : 1;
            }
            AuditRecorder recorder = new AuditRecorder();
            SettingResult r = DriftMetrics.record("drift.grayscale", "grayscale", "grayscale",
                    PairedCounts.of(after, new CleanOutcome(labels, clean, new float[n], new float[n]), 2), List.of("x", "y"), recorder);
            assertEquals(published[k][0], r.accuracy().lower(), 5e-5, right + "/" + n + " lower");
            assertEquals(published[k][1], r.accuracy().upper(), 5e-5, right + "/" + n + " upper");
            assertEquals(McNemar.exactP(n - right, 0), r.mcnemarP(), 0);
        }
    }

    @Test
    void classesWithoutSamplesGetNoMetric() {
        AuditRecorder recorder = new AuditRecorder();
        SettingResult r = DriftMetrics.record("drift.grayscale", "grayscale", "grayscale", PairedCounts.of(AFTER, clean(), 4),
                List.of("a", "b", "c", "d"), recorder);
        assertNull(r.classAccuracy().get(3));
        assertEquals(0, recorder.metrics().stream().filter(m -> m.name().contains(".class.d.")).count());
    }

    private static Metric metric(AuditRecorder recorder, String name) {
        return recorder.metrics().stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow(() -> new AssertionError(name));
    }
}
