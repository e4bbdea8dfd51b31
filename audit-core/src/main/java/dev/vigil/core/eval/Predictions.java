package dev.vigil.core.eval;

import ai.djl.ndarray.NDArray;

/**
 * Arg-max classes and softmax probabilities of a batch of logits, computed in double precision in Java.
 * Ties go to the lowest class index, as torch.argmax does.
 */
public record Predictions(int[] classes, float[][] probabilities) {
    public static Predictions of(NDArray logits) {
        int n = (int) logits.getShape().get(0);
        int k = (int) logits.getShape().get(1);
        return of(logits.toFloatArray(), n, k);
    }

    public static Predictions of(float[] logits, int n, int k) {
        int[] classes = new int[n];
        float[][] probabilities = new float[n][k];
        for (int i = 0; i < n; i++) {
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

    public int size() {
        return classes.length;
    }

    public int predicted(int i) {
        return classes[i];
    }

    /** Probability of the predicted class. */
    public float confidence(int i) {
        return probabilities[i][classes[i]];
    }

    public float probability(int i, int c) {
        return probabilities[i][c];
    }
}
