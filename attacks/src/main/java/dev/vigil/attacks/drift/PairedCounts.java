package dev.vigil.attacks.drift;

import dev.vigil.core.eval.CleanOutcome;
import dev.vigil.core.stats.McNemar;

/**
 * The paired comparison of one setting with the clean pass over the samples both evaluated.
 *
 * @param samples      samples evaluated in both
 * @param cleanCorrect right on the clean image
 * @param correct      right on the changed image
 * @param turnedWrong  right on the clean image, wrong on the changed one (McNemar's b)
 * @param turnedRight  wrong on the clean image, right on the changed one (McNemar's c)
 * @param flipped      predicted class differs from the clean prediction, whatever the label
 * @param classSamples per true class: samples evaluated
 * @param classCorrect per true class: right on the changed image
 * @param classCleanCorrect per true class: right on the clean image
 */
record PairedCounts(int samples, int cleanCorrect, int correct, int turnedWrong, int turnedRight, int flipped,
                    int[] classSamples, int[] classCorrect, int[] classCleanCorrect) {

    /** Counts for a setting's predictions (by sample index, -1 where not evaluated) against the clean pass. */
    static PairedCounts of(int[] predictions, CleanOutcome clean, int classes) {
        boolean[] right = new boolean[predictions.length];
        boolean[] evaluated = new boolean[predictions.length];
        boolean[] changed = new boolean[predictions.length];
        for (int i = 0; i < predictions.length; i++) {
            evaluated[i] = predictions[i] >= 0 && clean.read(i);
            right[i] = evaluated[i] && predictions[i] == clean.labels()[i];
            changed[i] = evaluated[i] && predictions[i] != clean.predictions()[i];
        }
        return of(evaluated, right, changed, clean, classes);
    }

    /** Counts from per-sample outcomes: which samples count, which are right, which changed prediction. */
    static PairedCounts of(boolean[] evaluated, boolean[] right, boolean[] changed, CleanOutcome clean, int classes) {
        int n = 0;
        int cleanCorrect = 0;
        int correct = 0;
        int b = 0;
        int c = 0;
        int flipped = 0;
        int[] classSamples = new int[classes];
        int[] classCorrect = new int[classes];
        int[] classCleanCorrect = new int[classes];
        for (int i = 0; i < evaluated.length; i++) {
            if (!evaluated[i]) {
                continue;
            }
            int label = clean.labels()[i];
            boolean before = clean.correct(i);
            boolean after = right[i];
            n++;
            classSamples[label]++;
            if (before) {
                cleanCorrect++;
                classCleanCorrect[label]++;
            }
            if (after) {
                correct++;
                classCorrect[label]++;
            }
            if (before && !after) {
                b++;
            }
            if (!before && after) {
                c++;
            }
            if (changed[i]) {
                flipped++;
            }
        }
        return new PairedCounts(n, cleanCorrect, correct, b, c, flipped, classSamples, classCorrect, classCleanCorrect);
    }

    double accuracy() {
        return samples == 0 ? Double.NaN : (double) correct / samples;
    }

    double cleanAccuracy() {
        return samples == 0 ? Double.NaN : (double) cleanCorrect / samples;
    }

    /** Clean accuracy minus this accuracy over the same samples: positive when the change hurts. */
    double accuracyDrop() {
        return samples == 0 ? Double.NaN : (double) (cleanCorrect - correct) / samples;
    }

    double mcnemarP() {
        return McNemar.exactP(turnedWrong, turnedRight);
    }
}
