package dev.vigil.attacks.adversarial;

import dev.vigil.core.data.Sample;
import dev.vigil.core.eval.CleanOutcome;
import dev.vigil.core.perturb.Epsilon;
import dev.vigil.core.result.Metric;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One attack's sweep in numbers: per epsilon the robustness metrics, per image the smallest epsilon
 * of the sweep at which its prediction changes from the clean one ("none" if it never does).
 */
record SweepSummary(AttackSpec spec, List<EpsilonResult> results, Map<Integer, Integer> firstFlip) {
    static final String NONE = "none";

    static SweepSummary of(Sweep sweep, CleanOutcome clean, List<Sample> samples, List<String> classNames) {
        AttackSpec spec = sweep.spec();
        List<EpsilonResult> results = new ArrayList<>();
        for (int e = 0; e < spec.epsilons().size(); e++) {
            results.add(atEpsilon(sweep, e, clean, samples, classNames));
        }
        Map<Integer, Integer> firstFlip = new LinkedHashMap<>();
        for (Sample s : samples) {
            int first = -1;
            for (int e = 0; e < spec.epsilons().size() && first < 0; e++) {
                if (sweep.at(e, s.index()).prediction() != clean.predictions()[s.index()]) {
                    first = e;
                }
            }
            firstFlip.put(s.index(), first);
        }
        return new SweepSummary(spec, List.copyOf(results), firstFlip);
    }

    /** Images attacked: right when unchanged and, for a targeted attack, not already of the target class. */
    static boolean attacked(Sweep sweep, CleanOutcome clean, int index) {
        return clean.correct(index) && sweep.target(index) != clean.labels()[index];
    }

    private static EpsilonResult atEpsilon(Sweep sweep, int e, CleanOutcome clean, List<Sample> samples, List<String> classNames) {
        AttackSpec spec = sweep.spec();
        Epsilon eps = spec.epsilons().get(e);
        String prefix = spec.id() + "." + eps.parameter() + ".";
        String what = spec.title() + " at ε=" + eps.text();
        int k = classNames.size();
        int[] classRead = new int[k];
        int[] classRobust = new int[k];
        int robust = 0;
        int nonFinite = 0;
        int attacked = 0;
        int succeeded = 0;
        int hits = 0;
        double drop = 0;
        double linfSum = 0;
        double l2Sum = 0;
        double linfMax = 0;
        double l2Max = 0;
        for (Sample s : samples) {
            int i = s.index();
            AttackSample a = sweep.at(e, i);
            boolean isRobust = clean.correct(i) && a.prediction() == s.label();
            nonFinite += a.prediction() == dev.vigil.core.eval.Predictions.NONE ? 1 : 0;
            classRead[s.label()]++;
            if (isRobust) {
                robust++;
                classRobust[s.label()]++;
            }
            if (attacked(sweep, clean, i)) {
                attacked++;
                succeeded += a.prediction() != s.label() ? 1 : 0;
                hits += a.prediction() == sweep.target(i) ? 1 : 0;
                drop += clean.trueClassProbability()[i] - a.trueClassProbability();
                linfSum += a.linf();
                l2Sum += a.l2();
                linfMax = Math.max(linfMax, a.linf());
                l2Max = Math.max(l2Max, a.l2());
            }
        }
        int read = samples.size();
        double mean = attacked == 0 ? Double.NaN : 1.0 / attacked;
        String over = " over the " + attacked + " attacked images (those classified correctly unchanged)";
        Metric robustAccuracy = Metric.proportion(prefix + "robust_accuracy", robust, read,
                "share of all images still classified correctly after " + what + "; images misclassified unchanged count as not robust");
        Metric success = Metric.proportion(prefix + "attack_success_rate", succeeded, attacked,
                "among images classified correctly unchanged, the share " + what + " moves to a wrong class");
        Metric hitRate = spec.targeting().targeted() ? Metric.proportion(prefix + "target_hit_rate", hits, attacked,
                "among attacked images, the share " + what + " moves to the target class") : null;
        Metric confidenceDrop = Metric.of(prefix + "true_class_confidence_drop", drop * mean, attacked,
                "mean fall of the true-class probability under " + what + over);
        List<Metric> perClass = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            if (classRead[c] > 0) {
                perClass.add(Metric.proportion(prefix + "class." + classNames.get(c) + ".robust_accuracy", classRobust[c], classRead[c],
                        "share of class " + classNames.get(c) + " still classified correctly after " + what));
            }
        }
        return new EpsilonResult(eps, robust, read, robustAccuracy, success, hitRate, confidenceDrop,
                Metric.of(prefix + "perturbation_linf_mean", linfSum * mean, attacked, "mean L∞ size of the perturbations " + what + " used" + over),
                Metric.of(prefix + "perturbation_linf_max", attacked == 0 ? Double.NaN : linfMax, attacked, "largest L∞ size of a perturbation " + what + " used"),
                Metric.of(prefix + "perturbation_l2_mean", l2Sum * mean, attacked, "mean L2 size of the perturbations " + what + " used" + over),
                Metric.of(prefix + "perturbation_l2_max", attacked == 0 ? Double.NaN : l2Max, attacked, "largest L2 size of a perturbation " + what + " used"),
                List.copyOf(perClass), nonFinite, nonFinite == 0 ? null : Metric.of(prefix + "samples_nonfinite", nonFinite, null,
                        "images whose logits under " + what + " were NaN or infinite: no prediction, counted as not robust"));
    }

    List<Metric> metrics() {
        List<Metric> out = new ArrayList<>();
        results.forEach(r -> out.addAll(r.metrics()));
        return out;
    }

    /** The sweep's smallest flipping epsilon of an image as written in samples.csv, or "none". */
    String minimalFlip(int sampleIndex) {
        int e = firstFlip.get(sampleIndex);
        return e < 0 ? NONE : spec.epsilons().get(e).text();
    }
}
