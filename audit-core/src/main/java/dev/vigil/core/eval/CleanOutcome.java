package dev.vigil.core.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The clean predictions by sample index, which later probes compare against (flip rates, attack
 * success among clean-correct samples). A sample that could not be read has prediction -1.
 */
public record CleanOutcome(int[] labels, int[] predictions, float[] confidence, float[] trueClassProbability) {
    public static CleanOutcome empty(int samples) {
        int[] none = new int[samples];
        Arrays.fill(none, -1);
        return new CleanOutcome(none.clone(), none, new float[samples], new float[samples]);
    }

    public boolean read(int index) {
        return predictions[index] >= 0;
    }

    public boolean correct(int index) {
        return read(index) && predictions[index] == labels[index];
    }

    public int readCount() {
        return (int) Arrays.stream(predictions).filter(p -> p >= 0).count();
    }

    /** The number of samples read of each label, for {@code classes} labels. */
    public int[] classSupport(int classes) {
        int[] support = new int[classes];
        for (int i = 0; i < predictions.length; i++) {
            if (read(i)) {
                support[labels[i]]++;
            }
        }
        return support;
    }

    /** The names of the classes of which no sample was read. */
    public List<String> classesAbsent(List<String> classNames) {
        int[] support = classSupport(classNames.size());
        List<String> absent = new ArrayList<>();
        for (int c = 0; c < support.length; c++) {
            if (support[c] == 0) {
                absent.add(classNames.get(c));
            }
        }
        return List.copyOf(absent);
    }

    public int correctCount() {
        int n = 0;
        for (int i = 0; i < predictions.length; i++) {
            if (correct(i)) {
                n++;
            }
        }
        return n;
    }
}
