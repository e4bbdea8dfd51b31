package dev.vigil.attacks.drift;

import java.util.Arrays;

/**
 * Predictions of every setting by sample index (-1 where a sample was not evaluated), and, for the
 * corruption settings, a baseline model's predictions when there is one. A sample whose logits under a
 * setting were NaN or infinite has no prediction there: it is marked in {@link #nonFinite} and left out of
 * that setting's metrics like a sample not evaluated (accuracy, flip rate and McNemar compare a class with
 * the clean one, and it has none), but its row says so and the count is a metric and an error finding.
 */
final class DriftOutcomes {
    final int[][] predictions;
    final float[][] confidence;
    final float[][] trueClassProbability;
    /** A baseline prediction where the baseline's logits were NaN or infinite. */
    static final int BASELINE_NONFINITE = -2;

    /**
     * Null when there is no baseline; a row is null for settings the baseline does not run, and holds -1
     * where the baseline did not run and {@link #BASELINE_NONFINITE} where its logits were not finite.
     */
    final int[][] baselinePredictions;
    final boolean[][] nonFinite;

    DriftOutcomes(int settings, int samples, boolean baseline) {
        predictions = new int[settings][samples];
        confidence = new float[settings][samples];
        trueClassProbability = new float[settings][samples];
        nonFinite = new boolean[settings][samples];
        baselinePredictions = baseline ? new int[settings][] : null;
        for (int[] row : predictions) {
            Arrays.fill(row, -1);
        }
    }

    boolean evaluated(int setting, int sample) {
        return predictions[setting][sample] >= 0;
    }

    /** Samples of a setting whose logits were not finite. */
    int nonFiniteCount(int setting) {
        int count = 0;
        for (boolean b : nonFinite[setting]) {
            count += b ? 1 : 0;
        }
        return count;
    }

    /** Samples of a setting whose logits were finite under the audited model but not under the baseline. */
    int baselineNonFiniteCount(int setting) {
        int count = 0;
        if (hasBaseline(setting)) {
            for (int i = 0; i < baselinePredictions[setting].length; i++) {
                count += evaluated(setting, i) && baselinePredictions[setting][i] == BASELINE_NONFINITE ? 1 : 0;
            }
        }
        return count;
    }

    int[] baselineRow(int setting, int samples) {
        if (baselinePredictions[setting] == null) {
            baselinePredictions[setting] = new int[samples];
            Arrays.fill(baselinePredictions[setting], -1);
        }
        return baselinePredictions[setting];
    }

    boolean hasBaseline(int setting) {
        return baselinePredictions != null && baselinePredictions[setting] != null;
    }
}
