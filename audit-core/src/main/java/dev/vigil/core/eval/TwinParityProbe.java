package dev.vigil.core.eval;

import dev.vigil.core.audit.AuditContext;
import dev.vigil.core.audit.BatchRunner;
import dev.vigil.core.audit.Probe;
import dev.vigil.core.audit.Progress;
import dev.vigil.core.data.Sample;
import dev.vigil.core.model.Classifier;
import dev.vigil.core.model.TwinClassifier;
import dev.vigil.core.result.DataTable;
import dev.vigil.core.result.Finding;
import dev.vigil.core.result.Format;
import dev.vigil.core.result.Metric;
import dev.vigil.core.result.SampleRow;
import dev.vigil.core.result.Section;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Export parity: the audited model and its gradient twin on every read sample, one row each with the
 * twin's prediction, whether the audited model agrees, and the largest |Δ logit| over the classes. Its
 * conclusion gives the agreement (with its 95% interval) and the largest difference, a report section,
 * and an error-severity finding when the two disagree beyond the settings' limits: the transfer attacks
 * and attributions that follow are then not about the audited model.
 */
public final class TwinParityProbe implements Probe<TwinParityProbe.Shard> {
    public static final String ID = "twin-parity";
    static final String MAX_DIFF = "max_abs_logit_diff";

    /**
     * @param gradientModel  the twin's file, as given to --gradient-model
     * @param minAgreement   the least share of samples on which both predict the same class
     * @param maxLogitDiff   the largest |Δ logit| allowed on any sample and class
     */
    public record Settings(String gradientModel, double minAgreement, double maxLogitDiff) {
    }

    /** Nothing beyond the rows. */
    public record Shard() implements Serializable {
    }

    private final TwinClassifier models;
    private final Settings settings;

    public TwinParityProbe(TwinClassifier models, Settings settings) {
        this.models = models;
        this.settings = settings;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Settings settings() {
        return settings;
    }

    @Override
    public Shard pass(AuditContext context, List<Sample> samples) throws Exception {
        Classifier audited = models.audited();
        Classifier twin = models.twin();
        List<String> classes = context.dataset().classNames();
        int k = classes.size();
        Progress.Task task = context.progress().start("export parity", samples.size());
        BatchRunner.Throughput pass = BatchRunner.run(audited, samples, context.batchSize(), task, (batch, pixels, scope) -> {
            float[] a = audited.logits(pixels).toFloatArray();
            float[] t = twin.logits(pixels).toFloatArray();
            Predictions fromTwin = Predictions.of(t, batch.size(), k);
            List<SampleRow> rows = new ArrayList<>(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                double worst = 0;
                int auditedPrediction = 0;
                for (int c = 0; c < k; c++) {
                    worst = Math.max(worst, Math.abs((double) a[i * k + c] - t[i * k + c]));
                    auditedPrediction = a[i * k + c] > a[i * k + auditedPrediction] ? c : auditedPrediction;
                }
                Sample s = batch.samples().get(i);
                int source = fromTwin.predicted(i);
                rows.add(new SampleRow(s.id(), ID, "", classes.get(s.label()), classes.get(source), fromTwin.confidence(i),
                        auditedPrediction == source, Map.of(MAX_DIFF, Format.exact(worst))));
            }
            context.recorder().rows(ID, rows);
        });
        task.finish(String.format(Locale.ROOT, "export parity: %d images, %.1f images/s", pass.images(), pass.imagesPerSecond()));
        return new Shard();
    }

    @Override
    public void conclude(AuditContext context, List<Shard> shards) {
        int[] counts = new int[2];
        double[] worst = {0};
        List<String> disagreeing = new ArrayList<>();
        Map<String, Integer> order = context.dataset().indexById();
        List<SampleRow> rows = new ArrayList<>();
        context.recorder().rowsOf(ID).forEach(rows::add);
        rows.sort(java.util.Comparator.comparingInt(r -> order.get(r.sampleId())));
        for (SampleRow row : rows) {
            counts[0] += row.correct() ? 1 : 0;
            counts[1]++;
            worst[0] = Math.max(worst[0], Double.parseDouble(row.extra().get(MAX_DIFF)));
            if (!row.correct() && disagreeing.size() < 10) {
                disagreeing.add(row.sampleId());
            }
        }
        if (counts[1] == 0) {
            return;
        }
        Metric agreement = Metric.proportion("twin.prediction_agreement", counts[0], counts[1],
                "share of images on which the audited model and its gradient twin predict the same class");
        Metric maxDiff = Metric.of("twin.max_abs_logit_diff", worst[0], counts[1],
                "largest |logit difference| between the audited model and its gradient twin over images and classes");
        context.recorder().metric(agreement);
        context.recorder().metric(maxDiff);
        boolean faithful = agreement.value() >= settings.minAgreement() && worst[0] <= settings.maxLogitDiff();
        String measured = String.format(Locale.ROOT, "they predict the same class on %d of %d images (%s) and their logits differ"
                + " by up to %s", counts[0], counts[1], Format.percent(agreement.value()), Format.number(worst[0], 6));
        if (!faithful) {
            context.recorder().finding(new Finding("twin-parity", "error", "The exported model does not behave like its source",
                    "Against its gradient twin " + settings.gradientModel() + ", " + measured + " (limits: agreement at least "
                            + Format.percent(settings.minAgreement()) + ", |Δ logit| at most " + Format.number(settings.maxLogitDiff(), 6)
                            + "). Check the export (normalisation applied twice or not at all, opset, fp16, dynamic shapes)"
                            + " before deploying it; the transfer attacks and attributions below are computed on the twin and say"
                            + " little about this model."));
        }
        Map<String, String> shown = new LinkedHashMap<>();
        shown.put("gradient twin", settings.gradientModel());
        shown.put("limits", "agreement ≥ " + Format.percent(settings.minAgreement()) + ", |Δ logit| ≤ "
                + Format.number(settings.maxLogitDiff(), 6));
        List<List<String>> table = new ArrayList<>();
        table.add(List.of("prediction agreement", Format.withInterval(agreement), Integer.toString(counts[1])));
        table.add(List.of("max |Δ logit|", Format.number(worst[0], 6), Integer.toString(counts[1])));
        table.add(List.of("first disagreeing images", disagreeing.isEmpty() ? "none" : String.join(", ", disagreeing), ""));
        context.recorder().section(new Section(ID, "Export parity: the audited model against its gradient twin",
                "Every image went through the audited model and through the TorchScript twin given with --gradient-model, which"
                        + " supplies the gradients for the gradient attacks and attribution methods (a transfer setting: the attacks"
                        + " are computed on the twin and evaluated on the audited model). " + capitalized(measured) + "; "
                        + (faithful ? "within the limits, so the twin stands in for the audited model." : "outside the limits."),
                shown, List.of(new DataTable("Parity on the audit's data", List.of("measure", "value", "images"), table)),
                List.of(), List.of()));
    }

    private static String capitalized(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
