package dev.vigil.attacks.adversarial;

import dev.vigil.core.perturb.Epsilon;
import dev.vigil.core.result.Metric;
import java.util.ArrayList;
import java.util.List;

/**
 * The robustness numbers of one attack at one epsilon.
 *
 * @param robustAccuracy  share of all read images still right after the attack (clean errors count as not robust)
 * @param successRate     among attacked images (right when unchanged), the share moved to a wrong class
 * @param targetHitRate   among attacked images, the share moved to the target class; null when untargeted
 * @param confidenceDrop  mean fall of the true-class probability over attacked images
 * @param perClass        robust accuracy per class, in class order (classes without images left out)
 * @param nonFinite       images whose logits under the attack were NaN or infinite (no prediction, so not robust)
 * @param nonFiniteCount  their number as a metric, or null when there are none
 */
record EpsilonResult(Epsilon epsilon, int robust, int read, Metric robustAccuracy, Metric successRate, Metric targetHitRate,
                     Metric confidenceDrop, Metric linfMean, Metric linfMax, Metric l2Mean, Metric l2Max,
                     List<Metric> perClass, int nonFinite, Metric nonFiniteCount) {
    List<Metric> metrics() {
        List<Metric> out = new ArrayList<>(List.of(robustAccuracy, successRate));
        if (targetHitRate != null) {
            out.add(targetHitRate);
        }
        out.addAll(List.of(confidenceDrop, linfMean, linfMax, l2Mean, l2Max));
        out.addAll(perClass);
        if (nonFiniteCount != null) {
            out.add(nonFiniteCount);
        }
        return out;
    }
}
