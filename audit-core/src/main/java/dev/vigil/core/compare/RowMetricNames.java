package dev.vigil.core.compare;

import dev.vigil.core.InputError;
import dev.vigil.core.result.AuditResults;
import dev.vigil.core.result.Metric;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which metrics of results.json are shares of which per-sample rows. The probes name a setting's
 * metrics after its row probe and parameter in one of three ways: with the parameter
 * ({@code fgsm.linf} at {@code eps=8/255} → {@code fgsm.linf.eps=8/255.robust_accuracy}), with the
 * parameter's value ({@code drift.rotation} at {@code angle=15} → {@code drift.rotation.15.accuracy}),
 * or with the probe alone ({@code clean} → {@code clean.accuracy},
 * {@code drift.rotation.worst_of_k} → {@code drift.rotation.worst_of_k.accuracy}). The first name of
 * that order that the results hold is taken, and every metric found is then checked against the rows
 * (same count, same value): a samples.csv that does not match its results.json is refused, never paired.
 */
final class RowMetricNames {
    static final List<String> ACCURACY_SUFFIXES = List.of("accuracy", "robust_accuracy");
    static final String FLIP_SUFFIX = "flip_rate";
    static final String CLASS_RECALL = "recall";

    private RowMetricNames() {
    }

    /** The name of the setting's share of correct rows in these results, if it has one. */
    static Optional<String> accuracyName(RowSetting s, Set<String> names) {
        for (String prefix : prefixes(s)) {
            for (String suffix : ACCURACY_SUFFIXES) {
                if (names.contains(prefix + "." + suffix)) {
                    return Optional.of(prefix + "." + suffix);
                }
            }
        }
        return Optional.empty();
    }

    static List<String> prefixes(RowSetting s) {
        Set<String> out = new LinkedHashSet<>();
        if (!s.parameter().isEmpty()) {
            out.add(s.probe() + "." + s.parameter());
            int eq = s.parameter().indexOf('=');
            if (eq >= 0 && eq < s.parameter().length() - 1) {
                out.add(s.probe() + "." + s.parameter().substring(eq + 1));
            }
        }
        out.add(s.probe());
        return new ArrayList<>(out);
    }

    /**
     * Every row-backed metric of one run, by name, each checked against the rows.
     *
     * @throws InputError when a metric's count or value differs from what its rows give
     */
    static Map<String, RowMetric> link(AuditResults results, RunRows rows, SampleIndex index, Path source) {
        Map<String, Metric> byName = new LinkedHashMap<>();
        results.metrics().forEach(m -> byName.put(m.name(), m));
        Map<String, RowMetric> linked = new LinkedHashMap<>();
        rows.settings().forEach((setting, r) -> {
            String accuracy = accuracyName(setting, byName.keySet()).orElseThrow();
            String suffix = accuracy.substring(accuracy.lastIndexOf('.') + 1);
            String prefix = accuracy.substring(0, accuracy.length() - suffix.length() - 1);
            Counts correct = Counts.of(r, rows, index, Outcome.CORRECT);
            add(linked, new RowMetric(accuracy, setting, Outcome.CORRECT, null, correct.yes, correct.trials), byName, source);
            if (r.hasFlipColumn() && byName.containsKey(prefix + "." + FLIP_SUFFIX)) {
                Counts flipped = Counts.of(r, rows, index, Outcome.FLIPPED);
                add(linked, new RowMetric(prefix + "." + FLIP_SUFFIX, setting, Outcome.FLIPPED, null, flipped.yes, flipped.trials),
                        byName, source);
            }
            for (String className : results.dataset().classNames()) {
                int label = index.classNumber(className);
                for (String classSuffix : List.of(suffix, CLASS_RECALL)) {
                    String name = prefix + ".class." + className + "." + classSuffix;
                    if (byName.containsKey(name)) {
                        add(linked, new RowMetric(name, setting, Outcome.CORRECT, className, correct.yes(label), correct.trials(label)),
                                byName, source);
                        break;
                    }
                }
            }
        });
        return linked;
    }

    /** Rows with the outcome, and all rows, of one setting: overall and per class number. */
    private record Counts(int yes, int trials, int[] yesByClass, int[] trialsByClass) {
        static Counts of(SettingRows r, RunRows rows, SampleIndex index, Outcome outcome) {
            int classes = index.classCount();
            int[] yesBy = new int[classes];
            int[] trialsBy = new int[classes];
            int yes = 0;
            int trials = 0;
            for (int i = 0; i < r.span(); i++) {
                if (!r.has(i)) {
                    continue;
                }
                boolean y = outcome == Outcome.CORRECT ? r.correct(i) : r.flipped(i);
                trials++;
                trialsBy[rows.label(i)]++;
                if (y) {
                    yes++;
                    yesBy[rows.label(i)]++;
                }
            }
            return new Counts(yes, trials, yesBy, trialsBy);
        }

        int yes(int label) {
            return label < 0 ? 0 : yesByClass[label];
        }

        int trials(int label) {
            return label < 0 ? 0 : trialsByClass[label];
        }
    }

    private static void add(Map<String, RowMetric> linked, RowMetric m, Map<String, Metric> byName, Path source) {
        Metric saved = byName.get(m.name());
        double fromRows = m.trials() == 0 ? Double.NaN : (double) m.yes() / m.trials();
        boolean sameValue = Double.isNaN(saved.value()) ? Double.isNaN(fromRows) : Math.abs(saved.value() - fromRows) <= 1e-9;
        if (saved.count() == null || saved.count() != m.trials() || !sameValue) {
            throw new InputError("The samples.csv beside " + source + " does not match its results.json: " + m.name() + " is "
                    + saved.value() + " over " + saved.count() + " samples there, but its rows (" + m.setting().label() + ") give "
                    + fromRows + " over " + m.trials() + "; compare the two files one audit wrote together.");
        }
        linked.put(m.name(), m);
    }
}
