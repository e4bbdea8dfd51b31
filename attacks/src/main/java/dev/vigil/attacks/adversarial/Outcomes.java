package dev.vigil.attacks.adversarial;

import ai.djl.ndarray.NDArray;
import dev.vigil.core.eval.Predictions;

/**
 * Turns adversarial images and their logits into per-image {@link AttackSample}s: predictions and
 * probabilities in Java, the size of each perturbation in both norms on the NDArrays.
 */
final class Outcomes {
    private Outcomes() {
    }

    /**
     * @param original   the clean images [n, C, H, W]
     * @param adversarial the attacked images, same shape
     * @param logits     the model's logits for {@code adversarial}, as a float array [n × classes]
     * @param labels     true classes, one per row
     * @param keepPixels which rows to keep the adversarial image of (evidence for the report)
     */
    static AttackSample[] of(NDArray original, NDArray adversarial, float[] logits, int classes, int[] labels, boolean[] keepPixels) {
        int n = labels.length;
        NDArray delta = adversarial.sub(original);
        float[] linf = Norm.LINF.sizes(delta).toFloatArray();
        float[] l2 = Norm.L2.sizes(delta).toFloatArray();
        Predictions p = Predictions.of(logits, n, classes);
        AttackSample[] out = new AttackSample[n];
        for (int i = 0; i < n; i++) {
            float[] pixels = keepPixels[i] ? adversarial.get(i).toFloatArray() : null;
            out[i] = new AttackSample(p.predicted(i), p.confidence(i), p.probability(i, labels[i]), linf[i], l2[i], pixels);
        }
        return out;
    }
}
