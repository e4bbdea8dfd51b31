package dev.vigil.attacks.adversarial;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.vigil.core.audit.AuditContext;
import dev.vigil.core.audit.AuditRecorder;
import dev.vigil.core.audit.BatchRunner;
import dev.vigil.core.audit.Probe;
import dev.vigil.core.audit.Progress;
import dev.vigil.core.data.Batch;
import dev.vigil.core.data.Sample;
import dev.vigil.core.eval.CleanOutcome;
import dev.vigil.core.model.Classifier;
import dev.vigil.core.model.GradientResult;
import dev.vigil.core.model.Objective;
import dev.vigil.core.result.Figure;
import dev.vigil.core.result.Metric;
import dev.vigil.core.result.Section;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The adversarial probe: FGSM and PGD sweeps in L∞ and L2, the soundness checks of the evaluation,
 * their metrics, per-sample rows, red flags and report sections.
 *
 * <p>It makes one gradient pass over the data, whose single input gradient per batch serves the
 * soundness checks and every FGSM epsilon in both norms, then one PGD pass per norm. Each attack's
 * results are recorded as soon as it finishes.
 */
public final class AdversarialProbe implements Probe {
    public static final String ID = "adversarial";
    /** At ε = 1 in L∞ any image is reachable; five steps of 0.1 from the image suffice on working models. */
    static final Epsilon UNBOUNDED = new Epsilon("1", 1.0);
    static final PgdSettings UNBOUNDED_SEARCH = new PgdSettings(5, new StepSize(0, new Epsilon("0.1", 0.1)), 1, false);

    private final AdversarialPlan plan;

    public AdversarialProbe(AdversarialPlan plan) {
        this.plan = plan;
    }

    @Override
    public String id() {
        return ID;
    }

    public AdversarialPlan plan() {
        return plan;
    }

    @Override
    public void run(AuditContext context) throws Exception {
        Targeting targeting = Targeting.parse(plan.target(), context.dataset().classNames());
        List<Sample> samples = BatchRunner.readSamples(context);
        Evidence evidence = Evidence.choose(context, samples);
        List<AttackSpec> specs = plan.specs(targeting);
        Metric clean = cleanAccuracy(context.clean(), samples);
        AuditRecorder recorder = context.recorder();

        List<Sweep> fgsm = sweeps(specs, AttackKind.FGSM, context);
        SoundnessChecks checks = gradientPass(context, samples, targeting, fgsm, evidence);
        List<SweepSummary> fgsmSummaries = summarize(fgsm, context, samples);
        if (!fgsm.isEmpty()) {
            recordSweeps(AttackKind.FGSM, fgsm, fgsmSummaries, List.of(), clean, targeting, evidence, context);
        }
        checks.findings().forEach(recorder::finding);
        Map<String, String> checkSettings = new LinkedHashMap<>();
        checkSettings.put("images", Integer.toString(samples.size()));
        checkSettings.put("images in the repeated-forward and ε = 1 checks", checks.sampled() + (checks.sampled() < samples.size()
                ? " (a uniform sample drawn with the audit seed; --check-images)" : " (all)"));
        checkSettings.put("attack at ε = 1", "L∞, " + UNBOUNDED_SEARCH.steps() + " steps of " + UNBOUNDED_SEARCH.stepSize()
                + " from the image");
        recorder.section(new Section("adversarial-checks", "Soundness of the attack evaluation",
                "Checks that the attacks can work on this model at all, after Carlini et al. 2019 (\"On Evaluating Adversarial"
                        + " Robustness\") and AutoAttack: input gradients must not vanish, outputs must be logits rather than"
                        + " probabilities, two identical forward passes must agree, and at ε = 1 in L∞, where any image can be"
                        + " reached, an iterative attack must break almost every prediction. A red flag means robust accuracies"
                        + " in this report overstate the model's robustness.",
                checkSettings,
                List.of(checks.table()), List.of(), List.of()));

        List<Sweep> pgd = new ArrayList<>();
        for (Sweep sweep : sweeps(specs, AttackKind.PGD, context)) {
            pgdPass(context, samples, targeting, sweep, evidence);
            pgd.add(sweep);
        }
        if (!pgd.isEmpty()) {
            List<SweepSummary> pgdSummaries = summarize(pgd, context, samples);
            recordSweeps(AttackKind.PGD, pgd, pgdSummaries, fgsmSummaries, clean, targeting, evidence, context);
            for (SweepSummary p : pgdSummaries) {
                for (SweepSummary f : fgsmSummaries) {
                    if (f.spec().norm() == p.spec().norm()) {
                        RedFlags.pgdWeakerThanFgsm(f, p).ifPresent(recorder::finding);
                    }
                }
            }
        }
    }

    private static List<Sweep> sweeps(List<AttackSpec> specs, AttackKind kind, AuditContext context) {
        int n = context.dataset().samples().size();
        return specs.stream().filter(s -> s.kind() == kind).map(s -> new Sweep(s, n)).toList();
    }

    private static List<SweepSummary> summarize(List<Sweep> sweeps, AuditContext context, List<Sample> samples) {
        return sweeps.stream().map(s -> SweepSummary.of(s, context.clean(), samples, context.dataset().classNames())).toList();
    }

    /**
     * One input gradient per batch: the soundness checks, then every FGSM epsilon in every norm. A
     * targeted FGSM needs the target's gradient too.
     */
    private SoundnessChecks gradientPass(AuditContext context, List<Sample> samples, Targeting targeting, List<Sweep> fgsm,
                                         Evidence evidence) throws Exception {
        Classifier model = context.classifier();
        int classes = model.labels().size();
        SoundnessChecks checks = new SoundnessChecks(classes);
        CheckSample checkSample = CheckSample.choose(context.seed(), samples, plan.checkImages());
        ProjectedGradientDescent unbounded = new ProjectedGradientDescent(Norm.LINF, UNBOUNDED_SEARCH, new RandomStarts(context.seed()));
        Progress.Task task = context.progress().start(fgsm.isEmpty() ? "attack checks" : "fgsm", samples.size());
        long[] nanos = new long[2];
        BatchRunner.Throughput pass = BatchRunner.run(model, samples, context.batchSize(), task, (batch, pixels, scope) -> {
            int m = batch.size();
            int[] labels = batch.labels();
            boolean[] correct = cleanCorrect(context.clean(), batch);
            boolean[] keep = evidence.mark(batch.samples(), batch.pixels(), model.inputSpec().pixelsPerImage());
            long start = System.nanoTime();
            GradientResult g = model.gradient(pixels, Objective.crossEntropy(labels));
            float[] logits = g.logits().toFloatArray();
            long gradientDone = System.nanoTime();

            checks.outputs(logits, m);
            checks.gradients(Norm.LINF.sizes(g.gradient()).toFloatArray());
            int[] checked = checkSample.positions(batch.samples());
            if (checked.length > 0) {
                sampledChecks(context, batch, pixels, scope, checked, correct, unbounded, checks);
            }
            long checksDone = System.nanoTime();

            if (!fgsm.isEmpty()) {
                BatchGoal goal = BatchGoal.of(targeting, labels, correct, logits, classes);
                NDArray gradient = goal.targeted() ? model.gradient(pixels, goal.objective(allPositions(m))).gradient() : g.gradient();
                for (Sweep sweep : fgsm) {
                    NDArray direction = sweep.spec().norm().direction(gradient);
                    if (goal.targeted()) {
                        direction = direction.neg();
                    }
                    AttackSample[][] results = FastGradient.sweep(model, pixels, direction, sweep.spec().epsilons(), labels, keep);
                    store(sweep, batch, goal, results);
                }
            }
            nanos[0] += (gradientDone - start) + (System.nanoTime() - checksDone);
            nanos[1] += checksDone - gradientDone;
        });
        double checkSeconds = nanos[1] / 1e9;
        if (fgsm.isEmpty()) {
            task.finish(String.format(Locale.ROOT, "attack checks: %d images, %.1f images/s", pass.images(), pass.imagesPerSecond()));
        } else {
            double sweepRate = pass.images() / Math.max(nanos[0] / 1e9, 1e-9);
            task.finish(String.format(Locale.ROOT, "fgsm: %s on %d images, %.1f images/s for the sweep (one gradient per batch)"
                            + " plus %.1fs of soundness checks; %.1f images/s in all",
                    fgsm.stream().map(s -> s.spec().epsilons().size() + " " + s.spec().norm().symbol() + " ε").collect(Collectors.joining(" + ")),
                    pass.images(), sweepRate, checkSeconds, pass.imagesPerSecond()));
        }
        return checks;
    }

    /**
     * The soundness checks that cost passes, on the batch positions in the check sample: two forwards
     * of the same images, then the iterative attack at ε = 1 on those of them the model gets right.
     */
    private static void sampledChecks(AuditContext context, Batch batch, NDArray pixels, NDManager scope, int[] checked,
                                      boolean[] correct, ProjectedGradientDescent unbounded, SoundnessChecks checks) {
        Classifier model = context.classifier();
        NDArray sample = pixels.get(scope.create(ProjectedGradientDescent.toLong(checked)));
        checks.repeat(model.logits(sample).toFloatArray(), model.logits(sample).toFloatArray(), checked.length);
        int m = batch.size();
        int[] labels = batch.labels();
        boolean[] attacked = new boolean[m];
        for (int i : checked) {
            attacked[i] = correct[i];
        }
        BatchGoal away = BatchGoal.of(Targeting.UNTARGETED, labels, attacked, null, model.labels().size());
        AttackSample[] far = unbounded.attack(model, pixels, away, UNBOUNDED, ids(batch), new boolean[m],
                i -> unattacked(context.clean(), batch, i, false, model));
        int robust = 0;
        for (int i : checked) {
            robust += correct[i] && far[i].prediction() == labels[i] ? 1 : 0;
        }
        checks.unbounded(checked.length, robust);
    }

    private void pgdPass(AuditContext context, List<Sample> samples, Targeting targeting, Sweep sweep, Evidence evidence) throws Exception {
        Classifier model = context.classifier();
        int classes = model.labels().size();
        AttackSpec spec = sweep.spec();
        ProjectedGradientDescent pgd = new ProjectedGradientDescent(spec.norm(), plan.pgdSettings(), new RandomStarts(context.seed()));
        Progress.Task task = context.progress().start(spec.id(), samples.size());
        BatchRunner.Throughput pass = BatchRunner.run(model, samples, context.batchSize(), task, (batch, pixels, scope) -> {
            int m = batch.size();
            boolean[] correct = cleanCorrect(context.clean(), batch);
            boolean[] keep = evidence.mark(batch.samples(), batch.pixels(), model.inputSpec().pixelsPerImage());
            float[] cleanLogits = targeting.mode() == Targeting.Mode.LEAST_LIKELY ? model.logits(pixels).toFloatArray() : null;
            BatchGoal goal = BatchGoal.of(targeting, batch.labels(), correct, cleanLogits, classes);
            AttackSample[][] results = new AttackSample[spec.epsilons().size()][];
            for (int e = 0; e < results.length; e++) {
                results[e] = pgd.attack(model, pixels, goal, spec.epsilons().get(e), ids(batch), keep,
                        i -> unattacked(context.clean(), batch, i, keep[i], model));
            }
            store(sweep, batch, goal, results);
        });
        task.finish(String.format(Locale.ROOT, "%s: %d ε × %d steps × %d restart(s) on %d images, %.1f images/s per sweep"
                        + " (%.1f images/s per ε)", spec.id(), spec.epsilons().size(), plan.pgdSettings().steps(),
                plan.pgdSettings().restarts(), pass.images(), pass.imagesPerSecond(), pass.imagesPerSecond() * spec.epsilons().size()));
    }

    private void recordSweeps(AttackKind kind, List<Sweep> sweeps, List<SweepSummary> summaries, List<SweepSummary> comparisons,
                              Metric clean, Targeting targeting, Evidence evidence, AuditContext context) throws Exception {
        AuditRecorder recorder = context.recorder();
        List<Figure> figures = new ArrayList<>();
        for (int k = 0; k < sweeps.size(); k++) {
            SweepSummary s = summaries.get(k);
            s.metrics().forEach(recorder::metric);
            recorder.rows(s.rows());
            RedFlags.risingWithEpsilon(s).ifPresent(recorder::finding);
            figures.addAll(evidence.write(s, sweeps.get(k), context));
        }
        recorder.section(AttackReport.section(kind, summaryText(kind, summaries, clean), settings(kind, summaries, targeting, context),
                summaries, comparisons, clean, context.dataset().classNames(), figures));
    }

    private String summaryText(AttackKind kind, List<SweepSummary> summaries, Metric clean) {
        StringBuilder text = new StringBuilder(kind == AttackKind.FGSM
                ? "FGSM moves every image once, by ε along the sign of the gradient of the cross-entropy loss (L∞) or along the"
                        + " gradient scaled to length ε (L2), then clips to valid pixels [0, 1]. It is cheap and finds a first,"
                        + " optimistic estimate of robustness."
                : "PGD takes " + plan.pgdSettings().steps() + " gradient steps of size " + plan.pgdSettings().stepSize()
                        + " from a random point inside the ε-ball, projecting back onto the ball and onto valid pixels after"
                        + " each step" + (plan.pgdSettings().restarts() > 1 ? ", with " + plan.pgdSettings().restarts()
                        + " restarts keeping the worst case per image" : "") + ". It is the standard first-order attack for"
                        + " measuring robustness; images the model already gets wrong are not attacked.");
        text.append(" Robust accuracy counts an image as robust only if the model classifies it correctly both unchanged and"
                + " under attack; clean accuracy is ").append(dev.vigil.core.result.Format.withInterval(clean)).append('.');
        for (SweepSummary s : summaries) {
            EpsilonResult last = s.results().get(s.results().size() - 1);
            text.append(" ").append(s.spec().title()).append(" at the largest budget ε=").append(last.epsilon().text())
                    .append(": robust accuracy ").append(dev.vigil.core.result.Format.withInterval(last.robustAccuracy())).append('.');
        }
        return text.toString();
    }

    private Map<String, String> settings(AttackKind kind, List<SweepSummary> summaries, Targeting targeting, AuditContext context) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (SweepSummary s : summaries) {
            settings.put(s.spec().norm().symbol() + " budgets (pixel units)",
                    s.spec().epsilons().stream().map(Epsilon::text).collect(Collectors.joining(", ")));
        }
        settings.put("direction", targeting.describe());
        settings.put("loss", "cross-entropy of the logits, mean over the batch");
        if (kind == AttackKind.PGD) {
            PgdSettings p = plan.pgdSettings();
            settings.put("steps", Integer.toString(p.steps()));
            settings.put("step size", p.stepSize().toString());
            settings.put("restarts", Integer.toString(p.restarts()));
            settings.put("random start", "uniform in the L∞ ball; in L2 a uniform direction with a radius uniform in [0, ε];"
                    + " drawn per image from the audit seed " + context.seed());
            settings.put("early exit", "an image leaves the search as soon as the attack succeeds on it");
        }
        settings.put("images", Integer.toString(summaries.isEmpty() ? 0 : summaries.get(0).firstFlip().size()));
        return settings;
    }

    private static void store(Sweep sweep, Batch batch, BatchGoal goal, AttackSample[][] results) {
        for (int i = 0; i < batch.size(); i++) {
            int index = batch.samples().get(i).index();
            for (int e = 0; e < results.length; e++) {
                sweep.put(e, index, results[e][i]);
            }
            if (goal.targeted()) {
                sweep.target(index, goal.targets()[i]);
            }
        }
    }

    private static AttackSample unattacked(CleanOutcome clean, Batch batch, int position, boolean keepPixels, Classifier model) {
        int index = batch.samples().get(position).index();
        float[] pixels = null;
        if (keepPixels) {
            int size = model.inputSpec().pixelsPerImage();
            pixels = java.util.Arrays.copyOfRange(batch.pixels(), position * size, (position + 1) * size);
        }
        return new AttackSample(clean.predictions()[index], clean.confidence()[index], clean.trueClassProbability()[index], 0, 0, pixels);
    }

    private static boolean[] cleanCorrect(CleanOutcome clean, Batch batch) {
        boolean[] out = new boolean[batch.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = clean.correct(batch.samples().get(i).index());
        }
        return out;
    }

    private static String[] ids(Batch batch) {
        return batch.samples().stream().map(Sample::id).toArray(String[]::new);
    }

    private static int[] allPositions(int n) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = i;
        }
        return out;
    }

    private static Metric cleanAccuracy(CleanOutcome clean, List<Sample> samples) {
        int correct = (int) samples.stream().filter(s -> clean.correct(s.index())).count();
        return Metric.proportion("clean.accuracy", correct, samples.size(), "share of samples whose top-1 prediction is the true label");
    }
}
