package dev.vigil.attacks.drift;

import java.util.Arrays;

/**
 * Predictions of every setting by sample index (-1 where a sample was not evaluated), and, for the
 * corruption settings, a baseline model's predictions when there is one.
 */
final class DriftOutcomes {
    final int[][] predictions;
    final float[][] confidence;
    final float[][] trueClassProbability;
    /** Null when there is no baseline; a row is null for settings the baseline does not run. */
    final int[][] baselinePredictions;

    DriftOutcomes(int settings, int samples, boolean baseline) {
        predictions = new int[settings][samples];
        confidence = new float[settings][samples];
        trueClassProbability = new float[settings][samples];
        baselinePredictions = baseline ? new int[settings][] : null;
        for (int[] row : predictions) {
            Arrays.fill(row, -1);
        }
    }

    boolean evaluated(int setting, int sample) {
        return predictions[setting][sample] >= 0;
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
