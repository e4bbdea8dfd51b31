package dev.vigil.attacks.adversarial;

import ai.djl.ndarray.NDArray;
import dev.vigil.core.eval.Predictions;
import dev.vigil.core.perturb.Norm;

/**
 * Turns adversarial images and their logits into per-image {@link AttackSample}s: predictions and
 * probabilities in Java, the size of each perturbation in both norms on the NDArrays.
 */
public final class Outcomes {
    private Outcomes() {
    }

    /**
     * @param original    the clean images [n, C, H, W]
     * @param adversarial the attacked images, same shape
     * @param logits      the model's logits for {@code adversarial}, as a float array [n × classes]
     * @param labels      true classes, one per row
     * @param progress    the attacker's objective per row (see {@link AttackSample#progress()})
     * @param keepPixels  which rows to keep the adversarial image of (evidence for the report)
     */
    public static AttackSample[] of(NDArray original, NDArray adversarial, float[] logits, int classes, int[] labels,
                                    double[] progress, boolean[] keepPixels) {
        int n = labels.length;
        NDArray delta = adversarial.sub(original);
        float[] linf = Norm.LINF.sizes(delta).toFloatArray();
        float[] l2 = Norm.L2.sizes(delta).toFloatArray();
        Predictions p = Predictions.of(logits, n, classes);
        AttackSample[] out = new AttackSample[n];
        for (int i = 0; i < n; i++) {
            float[] pixels = keepPixels[i] ? adversarial.get(i).toFloatArray() : null;
            out[i] = new AttackSample(p.predicted(i), p.confidence(i), p.probability(i, labels[i]), linf[i], l2[i], progress[i], pixels);
        }
        return out;
    }

    /** Every row of {@code logits} scored by {@code criterion}, row k standing for batch position {@code positions[k]}. */
    static double[] progress(Criterion criterion, float[] logits, int classes, int[] positions) {
        double[] out = new double[positions.length];
        for (int k = 0; k < positions.length; k++) {
            out[k] = criterion.progress(logits, k, classes, positions[k]);
        }
        return out;
    }
}
