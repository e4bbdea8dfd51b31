package dev.vigil.attacks.drift;

import dev.vigil.core.audit.AuditRecorder;
import dev.vigil.core.result.Metric;
import java.util.ArrayList;
import java.util.List;

/**
 * Records the metrics of one setting: accuracy and flip rate with 95% Wilson intervals, the
 * accuracy drop versus clean, McNemar's exact p-value versus clean, and per-class accuracy.
 */
final class DriftMetrics {
    private DriftMetrics() {
    }

    /** {@code what} completes "after ..." in the descriptions, e.g. "rotation by 15°". */
    static SettingResult record(String prefix, String label, String what, PairedCounts counts, List<String> classes,
                                AuditRecorder recorder) {
        Metric accuracy = Metric.proportion(prefix + ".accuracy", counts.correct(), counts.samples(),
                "share of samples whose top-1 prediction is the true label after " + what);
        Metric flipRate = Metric.proportion(prefix + ".flip_rate", counts.flipped(), counts.samples(),
                "share of samples whose predicted class changes after " + what + ", whatever the true label");
        double drop = counts.accuracyDrop();
        double p = counts.mcnemarP();
        recorder.metric(accuracy);
        recorder.metric(Metric.of(prefix + ".accuracy_drop", drop, counts.samples(),
                "clean accuracy minus the accuracy after " + what + ", on the same samples"));
        recorder.metric(flipRate);
        recorder.metric(Metric.of(prefix + ".mcnemar_p", p, counts.samples(),
                "two-sided exact McNemar p-value of the paired right/wrong outcomes, clean versus after " + what
                        + " (" + counts.turnedWrong() + " turned wrong, " + counts.turnedRight() + " turned right)"));
        List<Metric> perClass = new ArrayList<>();
        for (int c = 0; c < classes.size(); c++) {
            if (counts.classSamples()[c] == 0) {
                perClass.add(null);
                continue;
            }
            Metric m = Metric.proportion(prefix + ".class." + classes.get(c) + ".accuracy", counts.classCorrect()[c],
                    counts.classSamples()[c], "share of this class's samples predicted as this class after " + what);
            recorder.metric(m);
            perClass.add(m);
        }
        return new SettingResult(prefix, label, counts, accuracy, flipRate, drop, p, perClass);
    }
}
