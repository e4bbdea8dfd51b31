package dev.vigil.attacks.drift;

import dev.vigil.core.eval.CleanOutcome;
import java.util.List;

/**
 * Worst of k over the rotation angles (the spatial attack of Engstrom et al. 2019): a sample counts
 * as right only if it is right at every angle, and as changed if its prediction changes at any. Its
 * worst angle is the one with the lowest probability of the true class.
 *
 * @param worstSetting per sample, the index of its worst setting, or -1 when not evaluated at every angle
 */
record WorstOfK(PairedCounts counts, int[] worstSetting) {

    static WorstOfK of(List<Integer> rotationSettings, DriftOutcomes outcomes, CleanOutcome clean, int classes) {
        int n = clean.labels().length;
        boolean[] evaluated = new boolean[n];
        boolean[] right = new boolean[n];
        boolean[] changed = new boolean[n];
        int[] worst = new int[n];
        for (int i = 0; i < n; i++) {
            worst[i] = -1;
            if (!clean.read(i)) {
                continue;
            }
            boolean all = true;
            boolean allRight = true;
            boolean anyChange = false;
            float lowest = Float.POSITIVE_INFINITY;
            for (int s : rotationSettings) {
                if (!outcomes.evaluated(s, i)) {
                    all = false;
                    break;
                }
                int p = outcomes.predictions[s][i];
                allRight &= p == clean.labels()[i];
                anyChange |= p != clean.predictions()[i];
                if (outcomes.trueClassProbability[s][i] < lowest) {
                    lowest = outcomes.trueClassProbability[s][i];
                    worst[i] = s;
                }
            }
            if (!all) {
                worst[i] = -1;
                continue;
            }
            evaluated[i] = true;
            right[i] = allRight;
            changed[i] = anyChange;
        }
        return new WorstOfK(PairedCounts.of(evaluated, right, changed, clean, classes), worst);
    }
}
