package dev.vigil.attacks.drift;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.core.eval.CleanOutcome;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorstOfKTest {
    @Test
    void aSampleIsRightOnlyIfRightAtEveryAngle() {
        int[] labels = {0, 1, 1, 0};
        int[] clean = {0, 1, 0, -1};
        DriftOutcomes outcomes = new DriftOutcomes(3, 4, false);
        int[][] predictions = {{0, 1, 0, -1}, {0, 0, 1, -1}, {0, 1, 1, -1}};
        float[][] trueProbability = {{0.9f, 0.8f, 0.2f, 0}, {0.7f, 0.3f, 0.6f, 0}, {0.8f, 0.9f, 0.7f, 0}};
        for (int s = 0; s < 3; s++) {
            outcomes.predictions[s] = predictions[s];
            outcomes.trueClassProbability[s] = trueProbability[s];
        }
        PairedCounts worst = WorstOfKRows.counts(List.of(0, 1, 2), outcomes, new CleanOutcome(labels, clean, new float[4], new float[4]), 2);
        assertEquals(3, worst.samples(), "sample 3 was not read");
        assertEquals(1, worst.correct(), "only sample 0 is right at all three angles");
        assertEquals(1, worst.turnedWrong(), "sample 1: right when clean, wrong at the second angle");
        assertEquals(0, worst.turnedRight(), "sample 2 is wrong at the first angle");
        assertEquals(2, worst.flipped());
        int[] settings = new int[4];
        for (int i = 0; i < 4; i++) {
            settings[i] = WorstOfK.worstSetting(List.of(0, 1, 2), outcomes, i);
        }
        assertArrayEquals(new int[] {1, 1, 0, -1}, settings, "the angle with the lowest true-class probability");
    }

    @Test
    void worstOfKIsAtMostTheWorstSingleAngle() {
        int n = 50;
        int[] labels = new int[n];
        int[] clean = new int[n];
        DriftOutcomes outcomes = new DriftOutcomes(4, n, false);
        java.util.Random r = new java.util.Random(1);
        for (int i = 0; i < n; i++) {
            labels[i] = r.nextInt(3);
            clean[i] = r.nextInt(4) == 0 ? (labels[i] + 1) % 3 : labels[i];
            for (int s = 0; s < 4; s++) {
                outcomes.predictions[s][i] = r.nextInt(5) == 0 ? (labels[i] + 1) % 3 : labels[i];
                outcomes.trueClassProbability[s][i] = r.nextFloat();
            }
        }
        CleanOutcome outcome = new CleanOutcome(labels, clean, new float[n], new float[n]);
        int worstSingle = Integer.MAX_VALUE;
        for (int s = 0; s < 4; s++) {
            worstSingle = Math.min(worstSingle, PairedCounts.of(outcomes.predictions[s], outcome, 3).correct());
        }
        int all = 0;
        for (int i = 0; i < n; i++) {
            boolean right = true;
            for (int s = 0; s < 4; s++) {
                right &= outcomes.predictions[s][i] == labels[i];
            }
            all += right ? 1 : 0;
        }
        assertEquals(all, WorstOfKRows.counts(List.of(0, 1, 2, 3), outcomes, outcome, 3).correct());
        org.junit.jupiter.api.Assertions.assertTrue(all <= worstSingle);
    }
}
