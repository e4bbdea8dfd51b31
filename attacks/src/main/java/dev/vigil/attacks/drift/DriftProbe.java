package dev.vigil.attacks.drift;

import dev.vigil.core.audit.AuditContext;
import dev.vigil.core.audit.BatchRunner;
import dev.vigil.core.audit.Flips;
import dev.vigil.core.audit.Probe;
import dev.vigil.core.audit.Progress;
import dev.vigil.core.data.Sample;
import dev.vigil.core.model.Classifier;
import dev.vigil.core.model.InputSpec;
import dev.vigil.core.result.Figure;
import dev.vigil.core.result.Finding;
import dev.vigil.core.result.Metric;
import dev.vigil.core.result.RowSource;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Drift: how the model's answers change under rotation, grayscale and common corruptions, each
 * compared sample by sample with the clean pass (accuracy, drop, flip rate, McNemar's exact test,
 * per-class accuracy), worst-of-k over the angles, and the mean corruption error. The pass writes the
 * rows; the conclusion reads them back and computes every metric and figure from them.
 */
public final class DriftProbe implements Probe<DriftProbe.Shard> {
    public static final String ID = "drift";

    /** One shard's throughput, for the progress line. */
    public record Shard(long images, double seconds) implements Serializable {
    }

    private final DriftConfig config;

    public DriftProbe(DriftConfig config) {
        this.config = config;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public DriftConfig settings() {
        return config;
    }

    public DriftConfig config() {
        return config;
    }

    @Override
    public Shard pass(AuditContext context, List<Sample> samples) throws Exception {
        InputSpec spec = context.classifier().inputSpec();
        List<DriftSetting> settings = DriftPlan.settings(config, spec, context.seed());
        if (settings.isEmpty() || samples.isEmpty()) {
            return new Shard(0, 0);
        }
        int datasetSize = context.dataset().samples().size();
        List<Integer> rotations = DriftSections.indicesOf(settings, DriftFamily.ROTATION);
        String worstParameter = "angles=" + String.join(",", config.angles().stream().map(Angles::format).toList());
        try (Classifier baseline = openBaseline(context)) {
            DriftOutcomes outcomes = new DriftOutcomes(settings.size(), datasetSize, baseline != null);
            Progress.Task task = context.progress().start("drift", (long) samples.size() * settings.size());
            DriftPass.Timing timing = DriftPass.run(context.classifier(), baseline, samples, datasetSize, context.batchSize(), settings,
                    outcomes, task, batch -> {
                        context.recorder().rows(ID, DriftRows.of(context, batch.samples(), settings, outcomes));
                        if (!rotations.isEmpty()) {
                            context.recorder().rows(ID, DriftRows.worstOfK(context, batch.samples(), settings, rotations, outcomes,
                                    worstParameter));
                        }
                    });
            task.finish(String.format(Locale.ROOT,
                    "drift: %d settings on %d images, %s images/s%s (transforms %.1fs beside the model, which waited %.0f%% of the time for them)",
                    settings.size(), samples.size(), DriftText.rate(timing.imagesPerSecond()),
                    baseline == null ? "" : " with the baseline", timing.transformSeconds(), 100 * timing.waitShare()));
            return new Shard(timing.images(), timing.seconds());
        }
    }

    private static Finding nonFiniteFinding(DriftSetting setting, int count, int read) {
        return new Finding("nonfinite-logits-under-drift." + setting.metricPrefix().replaceFirst("^drift\\.", ""), Finding.ERROR,
                "NaN or infinite logits after " + describe(setting) + " on " + count + (count == 1 ? " image" : " images"),
                "The model's logits were NaN or infinite for " + count + " of " + read + " images after " + describe(setting)
                        + " (metric " + setting.metricPrefix() + ".samples_nonfinite; rows with nonfinite_logits=true and no"
                        + " prediction in samples.csv). They have no prediction there and are left out of that setting's accuracy,"
                        + " flip rate and McNemar test, which rest on the other images; a model whose output breaks down on such"
                        + " ordinary changes of an image is unfit for deployment as it is.");
    }

    @Override
    public void conclude(AuditContext context, List<Shard> shards) throws Exception {
        InputSpec spec = context.classifier().inputSpec();
        List<DriftSetting> settings = DriftPlan.settings(config, spec, context.seed());
        if (spec.channels() == 1 && (config.runs(DriftFamily.GRAYSCALE) || config.runs(DriftFamily.CORRUPTIONS))) {
            context.recorder().finding(new Finding("drift-one-channel", "info", "Grayscale and saturation were not tested",
                    "The model takes one-channel images, which are gray already, so the grayscale probe and the saturation"
                            + " corruption would leave them unchanged; they were skipped."));
        }
        List<Sample> read = BatchRunner.readSamples(context);
        if (settings.isEmpty() || read.isEmpty()) {
            return;
        }
        List<String> classes = context.dataset().classNames();
        RowSource rows = context.recorder().rowsOf(ID);
        DriftOutcomes outcomes = DriftRows.read(rows, settings, context.dataset(), hasBaseline());

        List<SettingResult> results = new ArrayList<>();
        double[] baselineErrors = new double[settings.size()];
        for (int s = 0; s < settings.size(); s++) {
            DriftSetting setting = settings.get(s);
            PairedCounts counts = PairedCounts.of(outcomes.predictions[s], context.clean(), classes.size());
            results.add(DriftMetrics.record(setting.metricPrefix(), setting.label(), describe(setting), counts, classes,
                    context.recorder()));
            int nonFinite = outcomes.nonFiniteCount(s);
            if (nonFinite > 0) {
                context.recorder().metric(Metric.of(setting.metricPrefix() + ".samples_nonfinite", nonFinite, null,
                        "images whose logits after " + describe(setting) + " were NaN or infinite, left out of this setting's metrics"));
                context.recorder().finding(nonFiniteFinding(setting, nonFinite, read.size()));
            }
            baselineErrors[s] = outcomes.hasBaseline(s) ? baselineError(outcomes, s, context) : Double.NaN;
            int baselineNonFinite = outcomes.baselineNonFiniteCount(s);
            if (baselineNonFinite > 0) {
                context.recorder().metric(Metric.of(setting.metricPrefix() + ".baseline_samples_nonfinite", baselineNonFinite, null,
                        "images whose logits under the baseline model after " + describe(setting)
                                + " were NaN or infinite, left out of the baseline's error"));
                context.recorder().finding(baselineNonFiniteFinding(setting, baselineNonFinite, read.size()));
            }
        }
        offerFlips(context, read, settings, outcomes);

        DriftSections sections = new DriftSections(classes, settings, results, config, spec, context.seed());
        DriftEvidence evidence = new DriftEvidence(context, settings, outcomes);
        Sample example = DriftEvidence.exampleSample(context, read);

        List<Integer> rotation = DriftSections.indicesOf(settings, DriftFamily.ROTATION);
        if (!rotation.isEmpty()) {
            String angles = String.join(",", config.angles().stream().map(Angles::format).toList());
            SettingResult worstResult = DriftMetrics.record(DriftRows.WORST_OF_K, "worst of " + rotation.size(),
                    "the worst of the rotations by " + angles + " degrees (right only if right at every angle)",
                    DriftRows.worstOfKCounts(rows, context.dataset(), context.clean()), classes, context.recorder());
            context.recorder().section(sections.rotation(rotation, worstResult, figures(evidence, DriftFamily.ROTATION, rotation, example, read)));
            List<SettingResult> familyResults = new ArrayList<>(rotation.stream().map(results::get).toList());
            DriftFindings.of(DriftFamily.ROTATION, familyResults, classes).ifPresent(context.recorder()::finding);
        }
        List<Integer> gray = DriftSections.indicesOf(settings, DriftFamily.GRAYSCALE);
        if (!gray.isEmpty()) {
            context.recorder().section(sections.grayscale(gray.get(0), figures(evidence, DriftFamily.GRAYSCALE, gray, example, read)));
            DriftFindings.of(DriftFamily.GRAYSCALE, List.of(results.get(gray.get(0))), classes).ifPresent(context.recorder()::finding);
        }
        List<Integer> corruptions = DriftSections.indicesOf(settings, DriftFamily.CORRUPTIONS);
        if (!corruptions.isEmpty()) {
            CorruptionErrors.Summary errors = CorruptionErrors.compute(settings, results, baselineErrors,
                    outcomes.baselinePredictions != null);
            CorruptionErrors.record(errors, context.recorder());
            context.recorder().section(sections.corruptions(corruptions, errors,
                    figures(evidence, DriftFamily.CORRUPTIONS, corruptions, example, read)));
            DriftFindings.of(DriftFamily.CORRUPTIONS, corruptions.stream().map(results::get).toList(), classes)
                    .ifPresent(context.recorder()::finding);
        }
    }

    private static List<Figure> figures(DriftEvidence evidence, DriftFamily family, List<Integer> indices, Sample example,
                                        List<Sample> read) throws java.io.IOException {
        List<Figure> figures = new ArrayList<>(evidence.examples(family, indices, example));
        figures.addAll(evidence.mostFlipped(family, indices, read));
        return figures;
    }

    private boolean hasBaseline() {
        return config.baselineModel() != null && config.runs(DriftFamily.CORRUPTIONS);
    }

    /** The baseline model, opened like the audited one, or null when there is none. */
    private Classifier openBaseline(AuditContext context) {
        return hasBaseline() ? context.openModel(config.baselineModel()) : null;
    }

    /** Every sample a setting moved off its clean prediction, setting by setting. */
    private static void offerFlips(AuditContext context, List<Sample> read, List<DriftSetting> settings, DriftOutcomes outcomes) {
        Flips flips = Flips.of(context);
        for (int s = 0; s < settings.size(); s++) {
            String name = (settings.get(s).rowProbe() + " " + settings.get(s).parameter()).strip();
            for (Sample sample : read) {
                int i = sample.index();
                if (outcomes.evaluated(s, i) && outcomes.predictions[s][i] != context.clean().predictions()[i]) {
                    flips.offer(sample.id(), name);
                }
            }
        }
    }

    private static double baselineError(DriftOutcomes outcomes, int s, AuditContext context) {
        int n = 0;
        int wrong = 0;
        for (int i = 0; i < outcomes.predictions[s].length; i++) {
            if (outcomes.evaluated(s, i) && context.clean().read(i) && outcomes.baselinePredictions[s][i] >= 0) {
                n++;
                if (outcomes.baselinePredictions[s][i] != context.clean().labels()[i]) {
                    wrong++;
                }
            }
        }
        return n == 0 ? Double.NaN : (double) wrong / n;
    }

    private Finding baselineNonFiniteFinding(DriftSetting setting, int count, int read) {
        return Finding.warning("nonfinite-logits-of-baseline." + setting.metricPrefix().replaceFirst("^drift\\.", ""),
                "The baseline model gave NaN or infinite logits after " + describe(setting) + " on " + count
                        + (count == 1 ? " image" : " images"),
                "The baseline model (--baseline-model " + config.baselineModel() + ") gave NaN or infinite logits for " + count
                        + " of " + read + " images after " + describe(setting) + "; its error there, and the corruption errors"
                        + " relative to it, leave those images out (metric " + setting.metricPrefix()
                        + ".baseline_samples_nonfinite; rows with baseline_nonfinite_logits=true). The audited model's own"
                        + " metrics are not affected.");
    }

    private static String describe(DriftSetting setting) {
        return switch (setting.family()) {
            case ROTATION -> "rotation by " + setting.label() + " counter-clockwise";
            case GRAYSCALE -> "conversion to grayscale";
            case CORRUPTIONS -> setting.group() + (setting.severity() > 0 ? " at severity " + setting.severity() : "")
                    + " (" + setting.detail() + ")";
        };
    }
}
