package dev.vigil.attacks.drift;

import java.util.List;

/**
 * Worst of k over the rotation angles (the spatial attack of Engstrom et al. 2019): a sample counts
 * as right only if it is right at every angle, and as changed if its prediction changes at any. Its
 * worst angle is the one with the lowest probability of the true class.
 */
final class WorstOfK {
    private WorstOfK() {
    }

    /** The index of the sample's worst rotation setting, or -1 when it was not evaluated at every angle. */
    static int worstSetting(List<Integer> rotationSettings, DriftOutcomes outcomes, int sample) {
        int worst = -1;
        float lowest = Float.POSITIVE_INFINITY;
        for (int s : rotationSettings) {
            if (!outcomes.evaluated(s, sample)) {
                return -1;
            }
            if (outcomes.trueClassProbability[s][sample] < lowest) {
                lowest = outcomes.trueClassProbability[s][sample];
                worst = s;
            }
        }
        return worst;
    }
}
