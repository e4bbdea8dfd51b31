package dev.vigil.core.eval;

import dev.vigil.core.audit.AuditRecorder;
import dev.vigil.core.result.Chart;
import dev.vigil.core.result.ChartSeries;
import dev.vigil.core.result.DataTable;
import dev.vigil.core.result.Format;
import dev.vigil.core.result.Metric;
import dev.vigil.core.result.Section;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Clean-performance metrics from the clean predictions: accuracy with its Wilson interval, per-class
 * precision, recall and F1, the confusion matrix and the mean confidence of right and wrong answers.
 */
public final class ClassificationReport {
    private ClassificationReport() {
    }

    public static void record(CleanOutcome outcome, List<String> classes, AuditRecorder recorder) {
        int k = classes.size();
        int[][] confusion = new int[k][k];
        double confCorrect = 0;
        double confWrong = 0;
        int read = 0;
        int correct = 0;
        for (int i = 0; i < outcome.predictions().length; i++) {
            if (!outcome.read(i)) {
                continue;
            }
            read++;
            confusion[outcome.labels()[i]][outcome.predictions()[i]]++;
            if (outcome.correct(i)) {
                correct++;
                confCorrect += outcome.confidence()[i];
            } else {
                confWrong += outcome.confidence()[i];
            }
        }
        int wrong = read - correct;
        Metric accuracy = Metric.proportion("clean.accuracy", correct, read, "share of samples whose top-1 prediction is the true label");
        recorder.metric(accuracy);
        recorder.metric(Metric.of("clean.mean_confidence_correct", correct == 0 ? Double.NaN : confCorrect / correct, correct,
                "mean softmax probability of the predicted class over correctly classified samples"));
        recorder.metric(Metric.of("clean.mean_confidence_wrong", wrong == 0 ? Double.NaN : confWrong / wrong, wrong,
                "mean softmax probability of the predicted class over misclassified samples"));

        int[] support = outcome.classSupport(k);
        List<Integer> present = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            if (support[c] > 0) {
                present.add(c);
            }
        }
        List<List<String>> perClassRows = new ArrayList<>();
        List<String> presentNames = new ArrayList<>();
        List<Double> recallY = new ArrayList<>();
        List<Double> recallLo = new ArrayList<>();
        List<Double> recallHi = new ArrayList<>();
        double f1Sum = 0;
        for (int c : present) {
            int predicted = 0;
            for (int j = 0; j < k; j++) {
                predicted += confusion[j][c];
            }
            int tp = confusion[c][c];
            String prefix = "clean.class." + classes.get(c) + ".";
            Metric recall = Metric.proportion(prefix + "recall", tp, support[c], "share of this class's samples predicted as this class");
            Metric precision = Metric.proportion(prefix + "precision", tp, predicted, "share of predictions of this class that are right");
            double f1 = tp == 0 ? 0 : 2 * precision.value() * recall.value() / (precision.value() + recall.value());
            recorder.metric(recall);
            if (predicted > 0) {
                recorder.metric(precision);
            }
            recorder.metric(Metric.of(prefix + "f1", f1, support[c], "harmonic mean of precision and recall"));
            f1Sum += f1;
            perClassRows.add(List.of(classes.get(c), Integer.toString(support[c]), Format.share(precision.value()),
                    Format.withInterval(recall), Format.share(f1)));
            presentNames.add(classes.get(c));
            recallY.add(recall.value());
            recallLo.add(recall.lower());
            recallHi.add(recall.upper());
        }
        recorder.metric(Metric.of("clean.macro_f1", present.isEmpty() ? Double.NaN : f1Sum / present.size(), read,
                "unweighted mean of the per-class F1 scores over the " + present.size() + " classes present in the data"
                        + (present.size() < k ? " (of the model's " + k + ")" : "")));

        // Rows are the classes present; columns add any absent class the model predicted, so no prediction is lost.
        List<Integer> columns = new ArrayList<>(present);
        int intoAbsent = 0;
        for (int j = 0; j < k; j++) {
            int predicted = 0;
            for (int c = 0; c < k; c++) {
                predicted += confusion[c][j];
            }
            if (support[j] == 0 && predicted > 0) {
                columns.add(j);
                intoAbsent += predicted;
            }
        }
        List<String> confusionColumns = new ArrayList<>();
        confusionColumns.add("true \\ predicted");
        columns.forEach(j -> confusionColumns.add(classes.get(j)));
        List<List<String>> confusionRows = new ArrayList<>();
        for (int c : present) {
            List<String> row = new ArrayList<>();
            row.add(classes.get(c));
            for (int j : columns) {
                row.add(Integer.toString(confusion[c][j]));
            }
            confusionRows.add(row);
        }
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("samples read", Integer.toString(read));
        recorder.section(new Section("clean", "Clean performance",
                "Every readable image went once through the model, unchanged. Accuracy is "
                        + Format.withInterval(accuracy) + " (95% Wilson interval) on " + read + " images."
                        + absentClasses(classes, support, intoAbsent),
                settings,
                List.of(new DataTable("Per-class precision, recall (95% interval) and F1",
                                List.of("class", "samples", "precision", "recall", "F1"), perClassRows),
                        new DataTable("Confusion matrix (rows: true class, columns: predicted class)", confusionColumns, confusionRows)),
                List.of(new Chart("Recall per class", "bar", "class", "recall", presentNames,
                        List.of(new ChartSeries("recall", recallY, recallLo, recallHi)))),
                List.of()));
    }

    /** The sentence naming the model's classes of which no image was read, or "" when every class was. */
    private static String absentClasses(List<String> classes, int[] support, int intoAbsent) {
        List<String> absent = new ArrayList<>();
        for (int c = 0; c < classes.size(); c++) {
            if (support[c] == 0) {
                absent.add(classes.get(c));
            }
        }
        if (absent.isEmpty()) {
            return "";
        }
        return " The data held no readable image of " + absent.size() + " of the model's " + classes.size() + " classes ("
                + String.join(", ", absent) + "); the per-class tables and macro-F1 cover the " + (classes.size() - absent.size())
                + " classes present" + (intoAbsent == 0 ? "." : ", and the " + intoAbsent + (intoAbsent == 1 ? " image" : " images")
                + " predicted as an absent class count as errors.");
    }
}
