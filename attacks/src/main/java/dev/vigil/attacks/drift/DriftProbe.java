package dev.vigil.attacks.drift;

import dev.vigil.core.audit.AuditContext;
import dev.vigil.core.audit.BatchRunner;
import dev.vigil.core.audit.Probe;
import dev.vigil.core.audit.Progress;
import dev.vigil.core.data.Sample;
import dev.vigil.core.model.Classifier;
import dev.vigil.core.model.InputSpec;
import dev.vigil.core.result.Figure;
import dev.vigil.core.result.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Drift: how the model's answers change under rotation, grayscale and common corruptions, each
 * compared sample by sample with the clean pass (accuracy, drop, flip rate, McNemar's exact test,
 * per-class accuracy), worst-of-k over the angles, and the mean corruption error.
 */
public final class DriftProbe implements Probe {
    private final DriftConfig config;
    private final BaselineLoader baselineLoader;

    /** {@code baselineLoader} opens {@code config.baselineModel()}; it may be null when there is none. */
    public DriftProbe(DriftConfig config, BaselineLoader baselineLoader) {
        if (config.baselineModel() != null && baselineLoader == null) {
            throw new IllegalArgumentException("a baseline model needs a loader");
        }
        this.config = config;
        this.baselineLoader = baselineLoader;
    }

    public DriftProbe(DriftConfig config) {
        this(config, null);
    }

    @Override
    public String id() {
        return "drift";
    }

    public DriftConfig config() {
        return config;
    }

    @Override
    public void run(AuditContext context) throws Exception {
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
        int datasetSize = context.dataset().samples().size();
        List<String> classes = context.dataset().classNames();
        DriftOutcomes outcomes;
        try (Classifier baseline = openBaseline(context)) {
            outcomes = new DriftOutcomes(settings.size(), datasetSize, baseline != null);
            Progress.Task task = context.progress().start("drift", (long) read.size() * settings.size());
            DriftPass.Timing timing = DriftPass.run(context.classifier(), baseline, read, datasetSize, context.batchSize(), settings, outcomes, task);
            task.finish(String.format(Locale.ROOT,
                    "drift: %d settings on %d images, %s images/s%s (transforms %.1fs beside the model, which waited %.0f%% of the time for them)",
                    settings.size(), read.size(), DriftText.rate(timing.imagesPerSecond()),
                    baseline == null ? "" : " with the baseline", timing.transformSeconds(), 100 * timing.waitShare()));
        }

        List<SettingResult> results = new ArrayList<>();
        double[] baselineErrors = new double[settings.size()];
        for (int s = 0; s < settings.size(); s++) {
            DriftSetting setting = settings.get(s);
            PairedCounts counts = PairedCounts.of(outcomes.predictions[s], context.clean(), classes.size());
            results.add(DriftMetrics.record(setting.metricPrefix(), setting.label(), describe(setting), counts, classes,
                    context.recorder()));
            baselineErrors[s] = outcomes.hasBaseline(s) ? baselineError(outcomes, s, context) : Double.NaN;
        }
        context.recorder().rows(DriftRows.of(context, read, settings, outcomes));

        DriftSections sections = new DriftSections(classes, settings, results, config, spec, context.seed());
        DriftEvidence evidence = new DriftEvidence(context, settings, outcomes);
        Sample example = DriftEvidence.exampleSample(context, read);

        List<Integer> rotation = DriftSections.indicesOf(settings, DriftFamily.ROTATION);
        if (!rotation.isEmpty()) {
            WorstOfK worst = WorstOfK.of(rotation, outcomes, context.clean(), classes.size());
            String angles = String.join(",", config.angles().stream().map(Angles::format).toList());
            SettingResult worstResult = DriftMetrics.record("drift.rotation.worst_of_k", "worst of " + rotation.size(),
                    "the worst of the rotations by " + angles + " degrees (right only if right at every angle)",
                    worst.counts(), classes, context.recorder());
            context.recorder().rows(DriftRows.worstOfK(context, read, settings, outcomes, worst, "angles=" + angles));
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

    private Classifier openBaseline(AuditContext context) {
        if (config.baselineModel() == null || !config.runs(DriftFamily.CORRUPTIONS)) {
            return null;
        }
        return baselineLoader.load(config.baselineModel(), context.classifier().inputSpec(), context.dataset().classNames());
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

    private static String describe(DriftSetting setting) {
        return switch (setting.family()) {
            case ROTATION -> "rotation by " + setting.label() + " counter-clockwise";
            case GRAYSCALE -> "conversion to grayscale";
            case CORRUPTIONS -> setting.group() + (setting.severity() > 0 ? " at severity " + setting.severity() : "")
                    + " (" + setting.detail() + ")";
        };
    }
}
