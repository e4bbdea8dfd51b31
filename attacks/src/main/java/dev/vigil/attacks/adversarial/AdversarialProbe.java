package dev.vigil.attacks.adversarial;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.vigil.core.audit.AuditContext;
import dev.vigil.core.audit.BatchRunner;
import dev.vigil.core.audit.Flips;
import dev.vigil.core.audit.Probe;
import dev.vigil.core.audit.Progress;
import dev.vigil.core.data.Batch;
import dev.vigil.core.data.Dataset;
import dev.vigil.core.data.Sample;
import dev.vigil.core.eval.CleanOutcome;
import dev.vigil.core.model.Capability;
import dev.vigil.core.model.Classifier;
import dev.vigil.core.perturb.Epsilon;
import dev.vigil.core.perturb.Norm;
import dev.vigil.core.result.DataTable;
import dev.vigil.core.result.Figure;
import dev.vigil.core.result.Finding;
import dev.vigil.core.result.Format;
import dev.vigil.core.result.Metric;
import dev.vigil.core.result.RowSource;
import dev.vigil.core.result.SampleRow;
import dev.vigil.core.result.Section;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The adversarial probe: the plan's attacks in each norm over their budgets, the soundness checks of
 * the evaluation, their metrics, per-sample rows, red flags and report sections.
 *
 * <p>Its per-sample pass goes over the data once for the soundness checks and the attacks that step
 * from the clean gradient (FGSM), which share one input gradient per batch, and once more for every
 * other attack (all its norms together). The conclusion computes every metric from the rows, so
 * shards of the data give the same numbers as one run.
 */
public final class AdversarialProbe implements Probe<AdversarialProbe.Shard> {
    public static final String ID = "adversarial";
    /** The part of the shared pass ({@link Progress.Task#part}) that the sampled soundness checks took. */
    public static final String CHECKS_PART = "soundness checks";
    /** At ε = 1 in L∞ any image is reachable; five steps of 0.1 from the image suffice on working models. */
    static final Epsilon UNBOUNDED = new Epsilon("1", 1.0);
    static final PgdSettings UNBOUNDED_SEARCH = new PgdSettings(5, new StepSize(0, new Epsilon("0.1", 0.1)), 1, false);

    /** One shard's soundness counts and evidence pixels. */
    public static final class Shard implements Serializable {
        private final SoundnessChecks checks;
        private final EvidencePixels evidence = new EvidencePixels();

        Shard(int classes) {
            checks = new SoundnessChecks(classes);
        }
    }

    /** One attack in one norm, made from its recipe. */
    private record SpecRun(AttackSpec spec, Attack attack) {
    }

    private final AdversarialPlan plan;

    public AdversarialProbe(AdversarialPlan plan) {
        this.plan = plan;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public AdversarialPlan settings() {
        return plan;
    }

    public AdversarialPlan plan() {
        return plan;
    }

    @Override
    public Shard pass(AuditContext context, List<Sample> samples) throws Exception {
        Classifier model = context.classifier();
        Targeting targeting = Targeting.parse(plan.target(), context.dataset().classNames());
        List<Sample> readable = BatchRunner.readSamples(context);
        Evidence evidence = Evidence.choose(context, readable);
        CheckSample checkSample = CheckSample.choose(context.seed(), readable, plan.checkImages());
        Shard shard = new Shard(model.labels().size());
        List<SpecRun> runs = runnable(targeting, model, context.seed());
        checksPass(context, samples, targeting, sharing(runs, true), evidence, checkSample, shard);
        AutoAttackSuite.Collector suite = new AutoAttackSuite.Collector(context.dataset().samples().size());
        for (AdversarialPlan.ChosenAttack attack : plan.attacks()) {
            List<SpecRun> own = runs.stream().filter(r -> !r.spec().definition().sharesCleanGradient()
                    && r.spec().definition() == attack.definition()).toList();
            if (!own.isEmpty()) {
                attackPass(context, samples, targeting, own, evidence, shard, suite);
            }
        }
        List<Sample> read = samples.stream().filter(s -> context.clean().read(s.index())).toList();
        for (AttackSpec ensemble : AutoAttackSuite.specs(plan, targeting)) {
            context.recorder().rows(ID, suite.rows(ensemble, read, context.clean(), context.dataset().classNames()));
        }
        return shard;
    }

    @Override
    public void conclude(AuditContext context, List<Shard> shards) throws Exception {
        Shard merged = new Shard(context.classifier().labels().size());
        for (Shard s : shards) {
            merged.checks.merge(s.checks);
            merged.evidence.merge(s.evidence);
        }
        Targeting targeting = Targeting.parse(plan.target(), context.dataset().classNames());
        List<Sample> samples = BatchRunner.readSamples(context);
        Metric clean = cleanAccuracy(context.clean(), samples);
        List<SpecRun> runs = runnable(targeting, context.classifier(), context.seed());
        skippedAttacks(context);
        Evidence evidence = Evidence.choose(context, samples);
        Map<AttackDefinition, List<SweepSummary>> done = new LinkedHashMap<>();
        for (AdversarialPlan.ChosenAttack attack : plan.attacks()) {
            if (attack.definition().sharesCleanGradient()) {
                record(context, attack, runs, done, clean, evidence, merged.evidence);
            }
        }
        List<AttackSpec> iterative = runs.stream().map(SpecRun::spec).toList();
        List<Sample> checkSample = CheckSample.choose(context.seed(), samples, plan.checkImages()).of(samples);
        List<IterationCheck.Result> iterations = IterationCheck.run(context, plan, targeting, iterative, checkSample,
                context.recorder().rowsOf(ID));
        recordChecks(context, merged.checks, iterations, samples.size());
        for (AdversarialPlan.ChosenAttack attack : plan.attacks()) {
            if (!attack.definition().sharesCleanGradient()) {
                record(context, attack, runs, done, clean, evidence, merged.evidence);
            }
        }
        recordSuite(context, targeting, done, clean, samples);
        upperBoundNote(context, done);
        offerFlips(context, done, samples);
    }

    /**
     * Every metric of the attacks, computed from the clean probe's rows and this probe's rows alone, in
     * any order: the pure function behind the conclusion, so that rows from shards or from samples.csv
     * give the numbers of the run that wrote them.
     */
    public static List<Metric> metricsFromRows(AdversarialPlan plan, Dataset dataset, RowSource cleanRows, RowSource rows) {
        CleanOutcome clean = CleanOutcome.fromRows(cleanRows, dataset);
        List<Sample> samples = dataset.samples().stream().filter(s -> clean.read(s.index())).toList();
        Targeting targeting = Targeting.parse(plan.target(), dataset.classNames());
        java.util.Set<String> present = new java.util.HashSet<>();
        rows.forEach(r -> present.add(r.probe()));
        List<Metric> out = new ArrayList<>();
        List<AttackSpec> specs = new ArrayList<>(plan.specs(targeting));
        specs.addAll(AutoAttackSuite.specs(plan, targeting));
        for (AttackSpec spec : specs) {
            if (present.contains(spec.id())) {
                out.addAll(summary(spec, rows, clean, samples, dataset).metrics());
            }
        }
        return out;
    }

    private static SweepSummary summary(AttackSpec spec, RowSource rows, CleanOutcome clean, List<Sample> samples, Dataset dataset) {
        Sweep sweep = SweepRows.read(spec, rows, dataset.indexById(), dataset.classNames());
        return SweepSummary.of(sweep, clean, samples, dataset.classNames());
    }

    /** The plan's specs whose attacks the model can serve, each with its attack. */
    private List<SpecRun> runnable(Targeting targeting, Classifier model, long seed) {
        List<SpecRun> out = new ArrayList<>();
        Map<AttackDefinition, AttackRecipe> recipes = new LinkedHashMap<>();
        plan.attacks().forEach(a -> recipes.put(a.definition(), a.settings()));
        for (AttackSpec spec : plan.specs(targeting)) {
            if (model.capabilities().containsAll(spec.definition().needs())) {
                out.add(new SpecRun(spec, recipes.get(spec.definition()).create(spec.norm(), seed)));
            }
        }
        return out;
    }

    private static List<SpecRun> sharing(List<SpecRun> runs, boolean shares) {
        return runs.stream().filter(r -> r.spec().definition().sharesCleanGradient() == shares).toList();
    }

    private void skippedAttacks(AuditContext context) {
        for (AdversarialPlan.ChosenAttack attack : plan.attacks()) {
            List<String> missing = attack.definition().needs().stream().filter(c -> !context.classifier().can(c))
                    .map(Capability::description).sorted().toList();
            if (!missing.isEmpty()) {
                AttackDefinition d = attack.definition();
                context.recorder().finding(new Finding("attack-not-run." + d.id(), "warning", d.title() + " did not run",
                        d.title() + " needs " + String.join(" and ", missing) + ", which this " + context.classifier().engine().format()
                                + " model does not give; its metrics are missing and policy rules on them are inconclusive."
                                + " Attacks that need only logits still ran."));
            }
        }
    }

    /**
     * One pass over the data: per batch the soundness checks and every attack that steps from the clean
     * gradient, all sharing that batch's gradient at the clean images.
     */
    private void checksPass(AuditContext context, List<Sample> samples, Targeting targeting, List<SpecRun> runs,
                            Evidence evidence, CheckSample checkSample, Shard shard) throws Exception {
        Classifier model = context.classifier();
        int classes = model.labels().size();
        boolean gradients = model.can(Capability.INPUT_GRADIENT);
        ProjectedGradientDescent unbounded = new ProjectedGradientDescent(Norm.LINF, UNBOUNDED_SEARCH, context.seed());
        Progress.Task task = context.progress().start(runs.isEmpty() ? "attack checks" : runs.get(0).spec().definition().id(),
                samples.size());
        long[] nanos = new long[2];
        BatchRunner.Throughput pass = BatchRunner.run(model, samples, context.batchSize(), task, (batch, pixels, scope) -> {
            int m = batch.size();
            int[] labels = batch.labels();
            boolean[] correct = cleanCorrect(context.clean(), batch);
            boolean[] keep = mark(evidence, batch, model, shard);
            long start = System.nanoTime();
            AttackBatch attackBatch = new AttackBatch(model, pixels, Criterion.of(Targeting.UNTARGETED, labels, correct, null, classes),
                    ids(batch), keep, i -> unattacked(context.clean(), batch, i, keep[i], model));
            float[] logits;
            NDArray gradient = null;
            if (gradients) {
                gradient = attackBatch.gradients().of(labels);
                logits = attackBatch.gradients().logitsSeen();
            } else {
                logits = model.logits(pixels).toFloatArray();
            }
            long gradientDone = System.nanoTime();

            shard.checks.outputs(logits, m);
            if (gradient != null) {
                shard.checks.gradients(Norm.LINF.sizes(gradient).toFloatArray());
            }
            int[] checked = checkSample.positions(batch.samples());
            if (checked.length > 0) {
                sampledChecks(context, batch, pixels, scope, checked, correct, gradients ? unbounded : null, shard.checks);
            }
            long checksDone = System.nanoTime();

            if (!runs.isEmpty()) {
                Criterion criterion = Criterion.of(targeting, labels, correct, logits, classes);
                for (SpecRun run : runs) {
                    AttackSample[][] results = run.attack().run(attackBatch.with(criterion), run.spec().epsilons());
                    store(context, run.spec(), batch, criterion, results, keep, shard);
                }
            }
            nanos[0] += (gradientDone - start) + (System.nanoTime() - checksDone);
            nanos[1] += checksDone - gradientDone;
        });
        double checkSeconds = nanos[1] / 1e9;
        task.part(CHECKS_PART, checkSeconds);
        if (runs.isEmpty()) {
            task.finish(String.format(Locale.ROOT, "attack checks: %d images, %.1f images/s", pass.images(), pass.imagesPerSecond()));
        } else {
            double sweepRate = pass.images() / Math.max(nanos[0] / 1e9, 1e-9);
            task.finish(String.format(Locale.ROOT, "%s: %s on %d images, %.1f images/s for the sweep (one gradient per batch)"
                            + " plus %.1fs of soundness checks; %.1f images/s in all",
                    runs.get(0).spec().definition().id(),
                    runs.stream().map(r -> r.spec().epsilons().size() + " " + r.spec().norm().symbol() + " ε").collect(Collectors.joining(" + ")),
                    pass.images(), sweepRate, checkSeconds, pass.imagesPerSecond()));
        }
    }

    /**
     * The soundness checks that cost passes, on the batch positions in the check sample: two forwards
     * of the same images, then (with input gradients) the iterative attack at ε = 1 on those of them the
     * model gets right.
     */
    private static void sampledChecks(AuditContext context, Batch batch, NDArray pixels, NDManager scope, int[] checked,
                                      boolean[] correct, ProjectedGradientDescent unbounded, SoundnessChecks checks) {
        Classifier model = context.classifier();
        NDArray sample = pixels.get(scope.create(ProjectedGradientDescent.toLong(checked)));
        checks.repeat(model.logits(sample).toFloatArray(), model.logits(sample).toFloatArray(), checked.length);
        if (unbounded == null) {
            return;
        }
        int m = batch.size();
        int[] labels = batch.labels();
        boolean[] attacked = new boolean[m];
        for (int i : checked) {
            attacked[i] = correct[i];
        }
        Criterion away = Criterion.of(Targeting.UNTARGETED, labels, attacked, null, model.labels().size());
        AttackBatch far = new AttackBatch(model, pixels, away, ids(batch), new boolean[m],
                i -> unattacked(context.clean(), batch, i, false, model));
        AttackSample[] outcome = unbounded.run(far, List.of(UNBOUNDED))[0];
        int robust = 0;
        for (int i : checked) {
            robust += correct[i] && outcome[i].prediction() == labels[i] ? 1 : 0;
        }
        checks.unbounded(checked.length, robust);
    }

    /** One pass over the data for one attack in all its norms. */
    private void attackPass(AuditContext context, List<Sample> samples, Targeting targeting, List<SpecRun> runs,
                            Evidence evidence, Shard shard, AutoAttackSuite.Collector suite) throws Exception {
        Classifier model = context.classifier();
        int classes = model.labels().size();
        AttackDefinition definition = runs.get(0).spec().definition();
        Progress.Task task = context.progress().start(definition.id(), samples.size());
        BatchRunner.Throughput pass = BatchRunner.run(model, samples, context.batchSize(), task, (batch, pixels, scope) -> {
            boolean[] correct = cleanCorrect(context.clean(), batch);
            boolean[] keep = mark(evidence, batch, model, shard);
            float[] cleanLogits = targeting.mode() == Targeting.Mode.LEAST_LIKELY ? model.logits(pixels).toFloatArray() : null;
            Criterion criterion = Criterion.of(targeting, batch.labels(), correct, cleanLogits, classes);
            AttackBatch attackBatch = new AttackBatch(model, pixels, criterion, ids(batch), keep,
                    i -> unattacked(context.clean(), batch, i, keep[i], model));
            for (SpecRun run : runs) {
                AttackSample[][] results = run.attack().run(attackBatch, run.spec().epsilons());
                store(context, run.spec(), batch, criterion, results, keep, shard);
                suite.offer(run.spec(), batch.samples(), results);
            }
        });
        int budgets = runs.stream().mapToInt(r -> r.spec().epsilons().size()).sum();
        task.finish(String.format(Locale.ROOT, "%s: %s on %d images, %.1f images/s per sweep (%.1f images/s per ε)",
                definition.id(), runs.stream().map(r -> r.spec().epsilons().size() + " " + r.spec().norm().symbol() + " ε")
                        .collect(Collectors.joining(" + ")),
                pass.images(), pass.imagesPerSecond(), pass.imagesPerSecond() * budgets));
    }

    /** Which positions of the batch are evidence images, keeping their clean pixels in the shard. */
    private static boolean[] mark(Evidence evidence, Batch batch, Classifier model, Shard shard) {
        int size = model.inputSpec().pixelsPerImage();
        boolean[] keep = new boolean[batch.size()];
        for (int i = 0; i < keep.length; i++) {
            int index = batch.samples().get(i).index();
            keep[i] = evidence.wanted(index);
            if (keep[i]) {
                shard.evidence.original(index, java.util.Arrays.copyOfRange(batch.pixels(), i * size, (i + 1) * size));
            }
        }
        return keep;
    }

    /** The batch's rows, and the adversarial pixels of its evidence images. */
    private static void store(AuditContext context, AttackSpec spec, Batch batch, Criterion criterion, AttackSample[][] results,
                              boolean[] keep, Shard shard) {
        List<SampleRow> rows = SweepRows.of(spec, batch.samples(), results, criterion.targets(), context.clean(),
                context.dataset().classNames());
        context.recorder().rows(ID, rows);
        for (int i = 0; i < batch.size(); i++) {
            if (keep[i]) {
                for (int e = 0; e < results.length; e++) {
                    shard.evidence.adversarial(spec.id(), batch.samples().get(i).index(), e, results.length, results[e][i].pixels());
                }
            }
        }
    }

    /** One attack's metrics, red flags, evidence and section, from the rows. */
    private void record(AuditContext context, AdversarialPlan.ChosenAttack attack, List<SpecRun> runs,
                        Map<AttackDefinition, List<SweepSummary>> done, Metric clean, Evidence evidence, EvidencePixels pixels)
            throws Exception {
        AttackDefinition definition = attack.definition();
        List<AttackSpec> specs = runs.stream().map(SpecRun::spec).filter(s -> s.definition() == definition).toList();
        if (specs.isEmpty()) {
            return;
        }
        List<Sample> samples = BatchRunner.readSamples(context);
        RowSource rows = context.recorder().rowsOf(ID);
        List<Sweep> sweeps = new ArrayList<>();
        List<SweepSummary> summaries = new ArrayList<>();
        for (AttackSpec spec : specs) {
            Sweep sweep = SweepRows.read(spec, rows, context.dataset().indexById(), context.dataset().classNames());
            sweeps.add(sweep);
            summaries.add(SweepSummary.of(sweep, context.clean(), samples, context.dataset().classNames()));
        }
        List<SweepSummary> comparisons = new ArrayList<>();
        for (String weaker : definition.atLeastAsStrongAs()) {
            done.entrySet().stream().filter(e -> e.getKey().id().equals(weaker)).forEach(e -> comparisons.addAll(e.getValue()));
        }
        List<Figure> figures = new ArrayList<>();
        for (int k = 0; k < summaries.size(); k++) {
            SweepSummary s = summaries.get(k);
            s.metrics().forEach(context.recorder()::metric);
            RedFlags.risingWithEpsilon(s).ifPresent(context.recorder()::finding);
            RedFlags.nonFinite(s).ifPresent(context.recorder()::finding);
            figures.addAll(evidence.write(s, sweeps.get(k), pixels, context));
        }
        context.recorder().section(AttackReport.section(definition, summaryText(attack.settings(), summaries, clean),
                settings(attack.settings(), summaries, context), summaries, comparisons, clean, context.dataset().classNames(), figures));
        for (SweepSummary s : summaries) {
            for (SweepSummary weaker : comparisons) {
                if (weaker.spec().norm() == s.spec().norm()) {
                    RedFlags.weakerThan(weaker, s).ifPresent(context.recorder()::finding);
                }
            }
        }
        done.put(definition, summaries);
    }

    /** The AutoAttack ensemble's metrics, section and red flag, from its rows and its members' summaries. */
    private void recordSuite(AuditContext context, Targeting targeting, Map<AttackDefinition, List<SweepSummary>> done, Metric clean,
                             List<Sample> samples) {
        RowSource rows = context.recorder().rowsOf(ID);
        List<SweepSummary> summaries = new ArrayList<>();
        List<SweepSummary> members = new ArrayList<>();
        List<DataTable> brokenBy = new ArrayList<>();
        for (AttackSpec spec : AutoAttackSuite.specs(plan, targeting)) {
            boolean ran = AutoAttackSuite.MEMBERS.stream().allMatch(m -> done.getOrDefault(m, List.of()).stream()
                    .anyMatch(s -> s.spec().norm() == spec.norm()));
            if (!ran) {
                continue;
            }
            SweepSummary summary = summary(spec, rows, context.clean(), samples, context.dataset());
            summaries.add(summary);
            summary.metrics().forEach(context.recorder()::metric);
            RedFlags.nonFinite(summary).ifPresent(context.recorder()::finding);
            for (AttackDefinition m : AutoAttackSuite.MEMBERS) {
                done.get(m).stream().filter(s -> s.spec().norm() == spec.norm()).forEach(members::add);
            }
            Map<String, Map<String, Integer>> counts = AutoAttackSuite.brokenCounts(spec, rows);
            brokenBy.add(AutoAttackSuite.brokenByTable(spec, counts));
            AutoAttackSuite.squareBeatsWhiteBox(spec, counts).ifPresent(context.recorder()::finding);
        }
        if (summaries.isEmpty()) {
            return;
        }
        AutoAttackSettings settings = new AutoAttackSettings((ApgdSettings) plan.settingsOf(AttackCatalogue.APGD_CE),
                (ApgdSettings) plan.settingsOf(AttackCatalogue.APGD_T), (SquareSettings) plan.settingsOf(AttackCatalogue.SQUARE));
        Section base = AttackReport.section(AttackCatalogue.AUTOATTACK, summaryText(settings, summaries, clean),
                settings(settings, summaries, context), summaries, members, clean, context.dataset().classNames(), List.of());
        List<DataTable> tables = new ArrayList<>(brokenBy);
        tables.addAll(base.tables());
        context.recorder().section(new Section(base.id(), base.title(), base.summary(), base.settings(), tables, base.charts(),
                base.figures()));
    }

    /** Says plainly that FGSM and PGD alone overstate robustness, when the audit measured robust accuracy without the suite. */
    private static void upperBoundNote(AuditContext context, Map<AttackDefinition, List<SweepSummary>> done) {
        boolean single = done.containsKey(AttackCatalogue.FGSM) || done.containsKey(AttackCatalogue.PGD);
        boolean suite = done.keySet().containsAll(AutoAttackSuite.MEMBERS);
        if (single && !suite) {
            context.recorder().finding(new Finding("robust-accuracy-upper-bound", "info",
                    "Robust accuracy from FGSM and PGD is an upper bound",
                    "This audit measured robust accuracy with " + done.keySet().stream().map(AttackDefinition::title)
                            .collect(Collectors.joining(", ")) + " but not with the AutoAttack suite. Fixed-step attacks find only some"
                            + " adversarial images, so their robust accuracy overstates the model's robustness, often by several"
                            + " points and far more on models that mask gradients (Croce and Hein 2020); reviewers of robustness"
                            + " claims expect AutoAttack. Run vigil audit --attacks autoattack (APGD-CE, APGD-T and Square; see"
                            + " docs/benchmark.md for its cost) for the standard evaluation."));
        }
    }

    private static void recordChecks(AuditContext context, SoundnessChecks checks, List<IterationCheck.Result> iterations, int images) {
        checks.findings().forEach(context.recorder()::finding);
        IterationCheck.findings(iterations).forEach(context.recorder()::finding);
        Map<String, String> checkSettings = new LinkedHashMap<>();
        checkSettings.put("images", Integer.toString(images));
        checkSettings.put("images in the repeated-forward and ε = 1 checks", checks.sampled() + (checks.sampled() < images
                ? " (a uniform sample drawn with the audit seed; --check-images)" : " (all)"));
        checkSettings.put("attack at ε = 1", "L∞, " + UNBOUNDED_SEARCH.steps() + " steps of " + UNBOUNDED_SEARCH.stepSize()
                + " from the image");
        if (!iterations.isEmpty()) {
            checkSettings.put("iteration check", "each iterative gradient attack again on the same sample, independently, with a"
                    + " quarter of its iterations (PGD: steps as much longer as keeps the path length), at the largest ε where"
                    + " the full attack left at least " + IterationCheck.MIN_EXCESS + " of them robust; a red flag when the full"
                    + " run leaves at least " + IterationCheck.MIN_EXCESS + " more robust and a one-sided sign test on the images"
                    + " only one run broke gives p < " + IterationCheck.SIGNIFICANCE);
        }
        context.recorder().section(new Section("adversarial-checks", "Soundness of the attack evaluation",
                "Checks that the attacks can work on this model at all, after Carlini et al. 2019 (\"On Evaluating Adversarial"
                        + " Robustness\") and AutoAttack: input gradients must not vanish, outputs must be logits rather than"
                        + " probabilities, two identical forward passes must agree, and at ε = 1 in L∞, where any image can be"
                        + " reached, an iterative attack must break almost every prediction, and more iterations of an"
                        + " attack must not leave more images robust than fewer. A red flag means robust accuracies"
                        + " in this report overstate the model's robustness.",
                checkSettings, iterations.isEmpty() ? List.of(checks.table()) : List.of(checks.table(), IterationCheck.table(iterations)),
                List.of(), List.of()));
    }

    /** Every sample an attack moved off its clean prediction, at the first spec and budget that did. */
    private static void offerFlips(AuditContext context, Map<AttackDefinition, List<SweepSummary>> done, List<Sample> samples) {
        Flips flips = Flips.of(context);
        // done holds the attacks in the order their rows were written: the shared pass's first, then the others.
        for (SweepSummary s : done.values().stream().flatMap(List::stream).toList()) {
            for (Sample sample : samples) {
                int first = s.firstFlip().get(sample.index());
                if (first >= 0) {
                    flips.offer(sample.id(), s.spec().id() + " " + s.spec().epsilons().get(first).parameter());
                }
            }
        }
    }

    private String summaryText(AttackRecipe recipe, List<SweepSummary> summaries, Metric clean) {
        StringBuilder text = new StringBuilder(recipe.summary());
        text.append(" Robust accuracy counts an image as robust only if the model classifies it correctly both unchanged and"
                + " under attack; clean accuracy is ").append(Format.withInterval(clean)).append('.');
        for (SweepSummary s : summaries) {
            EpsilonResult last = s.results().get(s.results().size() - 1);
            text.append(" ").append(s.spec().title()).append(" at the largest budget ε=").append(last.epsilon().text())
                    .append(": robust accuracy ").append(Format.withInterval(last.robustAccuracy())).append('.');
        }
        return text.toString();
    }

    private Map<String, String> settings(AttackRecipe recipe, List<SweepSummary> summaries, AuditContext context) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (SweepSummary s : summaries) {
            settings.put(s.spec().norm().symbol() + " budgets (pixel units)",
                    s.spec().epsilons().stream().map(Epsilon::text).collect(Collectors.joining(", ")));
        }
        settings.put("direction", summaries.get(0).spec().targeting().describe());
        settings.put("loss", recipe.loss());
        settings.putAll(recipe.reportSettings(context.seed()));
        settings.put("images", Integer.toString(summaries.get(0).firstFlip().size()));
        return settings;
    }

    static AttackSample unattacked(CleanOutcome clean, Batch batch, int position, boolean keepPixels, Classifier model) {
        int index = batch.samples().get(position).index();
        float[] pixels = null;
        if (keepPixels) {
            int size = model.inputSpec().pixelsPerImage();
            pixels = java.util.Arrays.copyOfRange(batch.pixels(), position * size, (position + 1) * size);
        }
        return new AttackSample(clean.predictions()[index], clean.confidence()[index], clean.trueClassProbability()[index], 0, 0,
                Double.NEGATIVE_INFINITY, pixels);
    }

    static boolean[] cleanCorrect(CleanOutcome clean, Batch batch) {
        boolean[] out = new boolean[batch.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = clean.correct(batch.samples().get(i).index());
        }
        return out;
    }

    static String[] ids(Batch batch) {
        return batch.samples().stream().map(Sample::id).toArray(String[]::new);
    }

    private static Metric cleanAccuracy(CleanOutcome clean, List<Sample> samples) {
        int correct = (int) samples.stream().filter(s -> clean.correct(s.index())).count();
        return Metric.proportion("clean.accuracy", correct, samples.size(), "share of samples whose top-1 prediction is the true label");
    }
}
