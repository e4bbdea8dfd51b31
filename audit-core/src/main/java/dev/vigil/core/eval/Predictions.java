package dev.vigil.core.eval;

import ai.djl.ndarray.NDArray;

/**
 * Arg-max classes and softmax probabilities of a batch of logits, computed in double precision in Java.
 * Ties go to the lowest class index, as torch.argmax does. A row with a NaN or infinite logit has no
 * prediction ({@link #NONE}) and probability 0 for every class: arg-max of NaN would silently "predict"
 * class 0, so the attack and drift passes, which meet such rows only on changed images, can tell them apart.
 */
public record Predictions(int[] classes, float[][] probabilities) {
    /** The class of a row whose logits are not all finite. */
    public static final int NONE = -1;

    public static Predictions of(NDArray logits) {
        int n = (int) logits.getShape().get(0);
        int k = (int) logits.getShape().get(1);
        return of(logits.toFloatArray(), n, k);
    }

    public static Predictions of(float[] logits, int n, int k) {
        int[] classes = new int[n];
        float[][] probabilities = new float[n][k];
        for (int i = 0; i < n; i++) {
            if (!finiteRow(logits, i, k)) {
                classes[i] = NONE;
                continue;
            }
            int best = 0;
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                float v = logits[i * k + c];
                if (v > max) {
                    max = v;
                    best = c;
                }
            }
            double total = 0;
            for (int c = 0; c < k; c++) {
                total += Math.exp(logits[i * k + c] - max);
            }
            for (int c = 0; c < k; c++) {
                probabilities[i][c] = (float) (Math.exp(logits[i * k + c] - max) / total);
            }
            classes[i] = best;
        }
        return new Predictions(classes, probabilities);
    }

    /** Whether every logit of row {@code row} (of {@code k}) is finite. */
    public static boolean finiteRow(float[] logits, int row, int k) {
        for (int c = 0; c < k; c++) {
            if (!Float.isFinite(logits[row * k + c])) {
                return false;
            }
        }
        return true;
    }

    /** Whether row {@code i} had finite logits (and so a prediction). */
    public boolean finite(int i) {
        return classes[i] != NONE;
    }

    public int size() {
        return classes.length;
    }

    public int predicted(int i) {
        return classes[i];
    }

    /** Probability of the predicted class. */
    public float confidence(int i) {
        return classes[i] == NONE ? 0 : probabilities[i][classes[i]];
    }

    public float probability(int i, int c) {
        return probabilities[i][c];
    }
}
