package dev.vigil.core.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.core.audit.AuditRecorder;
import dev.vigil.core.result.Metric;
import dev.vigil.core.stats.Interval;
import dev.vigil.core.stats.Proportions;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ClassificationReportTest {
    @Test
    void perClassPrecisionRecallF1AndConfidencesFollowTheirDefinitions() {
        // labels:      0 0 0 1 1 2, and one unreadable sample
        // predictions: 0 0 1 1 0 2
        int[] labels = {0, 0, 0, 1, 1, 2, 1};
        int[] predictions = {0, 0, 1, 1, 0, 2, -1};
        float[] confidence = {0.9f, 0.8f, 0.6f, 0.7f, 0.5f, 1.0f, 0};
        CleanOutcome outcome = new CleanOutcome(labels, predictions, confidence, new float[7]);
        AuditRecorder recorder = new AuditRecorder();
        ClassificationReport.record(outcome, List.of("a", "b", "c"), recorder);
        Map<String, Metric> m = recorder.metrics().stream().collect(Collectors.toMap(Metric::name, Function.identity()));
        assertEquals(4 / 6.0, m.get("clean.accuracy").value(), 1e-12);
        assertEquals(6, m.get("clean.accuracy").count());
        assertEquals(2 / 3.0, m.get("clean.class.a.recall").value(), 1e-12);
        assertEquals(2 / 3.0, m.get("clean.class.a.precision").value(), 1e-12);
        assertEquals(0.5, m.get("clean.class.b.recall").value(), 1e-12);
        assertEquals(0.5, m.get("clean.class.b.precision").value(), 1e-12);
        assertEquals(1.0, m.get("clean.class.c.f1").value(), 1e-12);
        assertEquals((2 / 3.0 + 0.5 + 1.0) / 3, m.get("clean.macro_f1").value(), 1e-12);
        assertEquals((0.9 + 0.8 + 0.7 + 1.0) / 4, m.get("clean.mean_confidence_correct").value(), 1e-6);
        assertEquals((0.6 + 0.5) / 2, m.get("clean.mean_confidence_wrong").value(), 1e-6);
    }

    @Test
    void wilsonIntervalsMatchPublishedValues() {
        // Wilson score interval, z = 1.959964: 8 of 10 -> [0.4902, 0.9433]; 0 of 10 -> [0, 0.2775] (Newcombe 1998, Table I style).
        Interval eight = Proportions.wilson(8, 10);
        assertEquals(0.4902, eight.lower(), 1e-4);
        assertEquals(0.9433, eight.upper(), 1e-4);
        Interval none = Proportions.wilson(0, 10);
        assertEquals(0.0, none.lower(), 1e-12);
        assertEquals(0.2775, none.upper(), 1e-4);
        Interval empty = Proportions.wilson(0, 0);
        assertEquals(0.0, empty.lower());
        assertEquals(1.0, empty.upper());
    }
}
