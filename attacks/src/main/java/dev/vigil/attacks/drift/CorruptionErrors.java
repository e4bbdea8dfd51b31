package dev.vigil.attacks.drift;

import dev.vigil.core.audit.AuditRecorder;
import dev.vigil.core.result.Metric;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Mean corruption error (Hendrycks &amp; Dietterich 2019). Per corruption, the error rate (1 −
 * accuracy) averaged over the severities run; overall, the mean of those over the graded
 * corruptions. With a baseline model, each corruption's error summed over severities is divided by
 * the baseline's sum on the same corrupted images (ImageNet-C's normalization), and those ratios
 * are averaged. A corruption without severities (the mirror image) has no corruption error.
 */
final class CorruptionErrors {
    /**
     * One corruption's errors.
     *
     * @param baselineError the baseline's mean error over the severities, or NaN without a baseline
     * @param normalized    this model's summed error over the baseline's, or NaN without a baseline
     */
    record Entry(String corruption, List<Integer> severities, double error, double baselineError, double normalized,
                 int samples) {
    }

    /** Per graded corruption, and the means over them (NaN where undefined). */
    record Summary(List<Entry> entries, double meanError, double meanBaselineError, double meanNormalized,
                   boolean hasBaseline) {
    }

    private CorruptionErrors() {
    }

    /** {@code results} and {@code baselineErrors} are aligned with {@code settings}; baseline entries may be NaN. */
    static Summary compute(List<DriftSetting> settings, List<SettingResult> results, double[] baselineErrors,
                           boolean hasBaseline) {
        Map<String, List<Integer>> byCorruption = new LinkedHashMap<>();
        for (int s = 0; s < settings.size(); s++) {
            DriftSetting setting = settings.get(s);
            if (setting.family() == DriftFamily.CORRUPTIONS && setting.severity() > 0) {
                byCorruption.computeIfAbsent(setting.group(), k -> new ArrayList<>()).add(s);
            }
        }
        List<Entry> entries = new ArrayList<>();
        for (var e : byCorruption.entrySet()) {
            double error = 0;
            double baseline = 0;
            List<Integer> severities = new ArrayList<>();
            int samples = Integer.MAX_VALUE;
            for (int s : e.getValue()) {
                PairedCounts counts = results.get(s).counts();
                // Computed as the baseline's is (wrong / n), so a model that is its own baseline gets exactly 1.
                error += (double) (counts.samples() - counts.correct()) / counts.samples();
                baseline += baselineErrors[s];
                severities.add(settings.get(s).severity());
                samples = Math.min(samples, results.get(s).counts().samples());
            }
            int k = e.getValue().size();
            double normalized = hasBaseline ? error / baseline : Double.NaN;
            entries.add(new Entry(e.getKey(), severities, error / k, hasBaseline ? baseline / k : Double.NaN,
                    Double.isInfinite(normalized) ? Double.NaN : normalized, samples));
        }
        return new Summary(entries, mean(entries, Entry::error), mean(entries, Entry::baselineError),
                mean(entries, Entry::normalized), hasBaseline);
    }

    private static double mean(List<Entry> entries, java.util.function.ToDoubleFunction<Entry> value) {
        if (entries.isEmpty()) {
            return Double.NaN;
        }
        double sum = 0;
        for (Entry e : entries) {
            sum += value.applyAsDouble(e);
        }
        return sum / entries.size();
    }

    static void record(Summary summary, AuditRecorder recorder) {
        if (summary.entries().isEmpty()) {
            return;
        }
        int samples = summary.entries().stream().mapToInt(Entry::samples).min().orElse(0);
        for (Entry e : summary.entries()) {
            String prefix = "drift.corruption." + e.corruption();
            recorder.metric(Metric.of(prefix + ".mce", e.error(), e.samples(),
                    "error rate (1 - accuracy) under " + e.corruption() + ", averaged over severities " + DriftText.list(e.severities())
                            + "; unnormalised"));
            if (summary.hasBaseline()) {
                recorder.metric(Metric.of(prefix + ".baseline_mce", e.baselineError(), e.samples(),
                        "the baseline model's error rate under " + e.corruption() + ", averaged over severities " + DriftText.list(e.severities())));
                recorder.metric(Metric.of(prefix + ".mce_normalized", e.normalized(), e.samples(),
                        "error under " + e.corruption() + " summed over severities, divided by the baseline model's sum"
                                + " (ImageNet-C's corruption error; below 1 means more robust than the baseline)"));
            }
        }
        recorder.metric(Metric.of("drift.corruption.mce", summary.meanError(), samples,
                "mean corruption error: the per-corruption mean errors averaged over " + summary.entries().size()
                        + " graded corruptions; unnormalised"));
        if (summary.hasBaseline()) {
            recorder.metric(Metric.of("drift.corruption.baseline_mce", summary.meanBaselineError(), samples,
                    "the baseline model's mean corruption error, unnormalised"));
            recorder.metric(Metric.of("drift.corruption.mce_normalized", summary.meanNormalized(), samples,
                    "mean over corruptions of the error normalized by the baseline model's (ImageNet-C's mCE)"));
        }
    }
}
