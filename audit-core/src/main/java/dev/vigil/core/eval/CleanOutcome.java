package dev.vigil.core.eval;

import dev.vigil.core.audit.ProbeResults;
import dev.vigil.core.data.Dataset;
import dev.vigil.core.result.RowSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The clean predictions by sample index, which later probes compare against (flip rates, attack
 * success among clean-correct samples). A sample that could not be read has prediction -1.
 */
public record CleanOutcome(int[] labels, int[] predictions, float[] confidence, float[] trueClassProbability)
        implements java.io.Serializable {
    /** Where the clean probe publishes the outcome for the probes after it. */
    public static final ProbeResults.Key<CleanOutcome> KEY = new ProbeResults.Key<>("clean predictions", CleanOutcome.class);
    /** The clean rows' column holding the softmax probability of the true class. */
    public static final String TRUE_CLASS_CONFIDENCE = "true_class_confidence";

    public static CleanOutcome empty(int samples) {
        int[] none = new int[samples];
        Arrays.fill(none, -1);
        return new CleanOutcome(none.clone(), none, new float[samples], new float[samples]);
    }

    /**
     * The outcome the clean rows describe, in any order: each row gives its sample's prediction,
     * confidence and true-class probability. Samples without a row were not read.
     */
    public static CleanOutcome fromRows(RowSource cleanRows, Dataset dataset) {
        CleanOutcome out = empty(dataset.samples().size());
        dataset.samples().forEach(s -> out.labels()[s.index()] = s.label());
        Map<String, Integer> byId = dataset.indexById();
        Map<String, Integer> classes = new HashMap<>();
        for (int c = 0; c < dataset.classNames().size(); c++) {
            classes.put(dataset.classNames().get(c), c);
        }
        cleanRows.forEach(row -> {
            int i = byId.get(row.sampleId());
            out.predictions()[i] = classes.get(row.prediction());
            out.confidence()[i] = (float) row.confidence();
            out.trueClassProbability()[i] = Float.parseFloat(row.extra().get(TRUE_CLASS_CONFIDENCE));
        });
        return out;
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
