package dev.vigil.cli.bench;

import dev.vigil.attacks.adversarial.AdversarialPlan;
import dev.vigil.attacks.adversarial.AdversarialProbe;
import dev.vigil.attacks.adversarial.ApgdSettings;
import dev.vigil.attacks.adversarial.AttackCatalogue;
import dev.vigil.attacks.adversarial.AttackDefinition;
import dev.vigil.attacks.adversarial.AutoAttackSettings;
import dev.vigil.attacks.adversarial.PgdSettings;
import dev.vigil.attacks.adversarial.SquareSettings;
import dev.vigil.attacks.drift.DriftConfig;
import dev.vigil.attacks.drift.DriftFamily;
import dev.vigil.attacks.drift.DriftProbe;
import dev.vigil.core.audit.AuditContext;
import dev.vigil.core.audit.AuditRecorder;
import dev.vigil.core.audit.Probe;
import dev.vigil.core.audit.ProbeResults;
import dev.vigil.core.audit.Progress;
import dev.vigil.core.data.Batch;
import dev.vigil.core.data.BatchStream;
import dev.vigil.core.data.Dataset;
import dev.vigil.core.data.Sample;
import dev.vigil.core.eval.CleanEvaluation;
import dev.vigil.core.eval.CleanOutcome;
import dev.vigil.core.model.Classifier;
import dev.vigil.core.perturb.Epsilon;
import dev.vigil.core.perturb.Norm;
import dev.vigil.explain.method.Baseline;
import dev.vigil.explain.method.Images;
import dev.vigil.explain.method.IntegratedGradients;
import dev.vigil.explain.method.QuadratureRule;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The benchmark's stages, each through Vigil's own probe code, with the raw passes its floor runs. */
public final class BenchStages {
    private final Classifier classifier;
    private final Dataset dataset;
    private final CleanOutcome clean;
    private final int batchSize;
    private final EngineFloor floor;
    private final Path scratch;

    public BenchStages(Classifier classifier, Dataset dataset, CleanOutcome clean, int batchSize, EngineFloor floor, Path scratch) {
        this.classifier = classifier;
        this.dataset = dataset;
        this.clean = clean;
        this.batchSize = batchSize;
        this.floor = floor;
        this.scratch = scratch;
    }

    private static final int IG_IMAGES = 32;
    private static final int IG_STEPS = 50;

    /** The per-probe stages; {@code igFloor} runs the same image-gradients as IG-50 on 32 images, in batches. */
    public List<BenchStage> all(EngineFloor igFloor) {
        int n = dataset.samples().size();
        int angles = DriftConfig.DEFAULT_ANGLES.size();
        int eps = AdversarialPlan.DEFAULT_LINF.size();
        List<Epsilon> largest = List.of(AdversarialPlan.DEFAULT_LINF.get(eps - 1));
        AdversarialPlan fgsm = AdversarialPlan.of(List.of(AttackCatalogue.FGSM), List.of(Norm.LINF), AdversarialPlan.DEFAULT_LINF,
                AdversarialPlan.DEFAULT_L2, "none");
        AdversarialPlan pgd = AdversarialPlan.of(List.of(AttackCatalogue.PGD), List.of(Norm.LINF), largest, AdversarialPlan.DEFAULT_L2,
                "none");
        int steps = PgdSettings.DEFAULT.steps();
        AdversarialPlan apgdCe = AdversarialPlan.of(List.of(AttackCatalogue.APGD_CE), List.of(Norm.LINF), largest,
                AdversarialPlan.DEFAULT_L2, "none");
        AdversarialPlan apgdT = AdversarialPlan.of(List.of(AttackCatalogue.APGD_T), List.of(Norm.LINF), largest,
                AdversarialPlan.DEFAULT_L2, "none");
        AdversarialPlan square = AdversarialPlan.of(List.of(AttackCatalogue.SQUARE), List.of(Norm.LINF), largest,
                AdversarialPlan.DEFAULT_L2, "none");
        int apgdSteps = ApgdSettings.CE.steps();
        int targets = Math.min(ApgdSettings.TARGETED.targets(), classifier.labels().size() - 1);
        int targetedSteps = ApgdSettings.TARGETED.steps() * targets;
        int queries = SquareSettings.DEFAULT.queries();
        AdversarialPlan suite = AdversarialPlan.of(AUTOATTACK_MEMBERS, List.of(Norm.LINF), largest, AdversarialPlan.DEFAULT_L2, "none");
        AdversarialPlan cascade = AdversarialPlan.of(List.of(CASCADE), List.of(Norm.LINF), largest, AdversarialPlan.DEFAULT_L2, "none");
        int checked = Math.min(AdversarialPlan.DEFAULT_CHECK_IMAGES, n);
        String at = "." + Norm.LINF.id() + "." + largest.get(0).parameter() + ".robust_accuracy";
        String suitePasses = "≤ " + (apgdSteps + targetedSteps) + " fwd+bwd + " + (queries + 1) + " fwd per image (early exit)";
        return List.of(
                new BenchStage("clean", n, BenchStage.passes(0, 1), () -> floor.seconds(1, 0), "clean",
                        this::cleanPass),
                new BenchStage("FGSM sweep (4 L∞ ε), without the checks", n, BenchStage.passes(1, eps), () -> floor.seconds(eps, 1),
                        "fgsm_sweep", () -> runProbe(new AdversarialProbe(fgsm)))
                        // The probe times its sampled checks inside the shared pass; they get a row of their own.
                        .withPart(new BenchStage.Part(AdversarialProbe.CHECKS_PART, "soundness checks (" + checked + " sampled images,"
                                + " part of the FGSM pass)", checked, "2 fwd repeat + ≤ 5 fwd+bwd + 1 fwd at ε = 1 per sampled image;"
                                + " floor: full batches, scaled to " + checked + " of " + n + " images",
                                () -> floor.seconds(3, 5) * checked / n)),
                new BenchStage("PGD-10 L∞ at ε = 8/255", n, BenchStage.passes(steps, 1), () -> floor.seconds(1, steps), "pgd",
                        () -> runProbe(new AdversarialProbe(pgd))),
                // APGD and Square leave an image once it breaks, so their floors are the cost without early exit,
                // scaled from one timed pass. Their warm-up is the same probe at a tiny budget: a second full run
                // would double the longest stages for nothing the earlier stages did not warm already.
                new BenchStage("APGD-CE-100 L∞ at ε = 8/255", n, "≤ " + apgdSteps + " fwd+bwd per image (early exit); floor: "
                        + apgdSteps + " × one timed pass", () -> apgdSteps * floor.seconds(0, 1), null,
                        () -> runProbe(new AdversarialProbe(apgdCe)))
                        .warmingUpWith(() -> runProbe(new AdversarialProbe(tiny(apgdCe))))
                        .against(BenchStage.Peer.TORCHATTACKS, "apgd_ce", AttackCatalogue.APGD_CE.id() + at,
                                "peer: all 100 iterations on every clean-correct image (no early exit)"),
                new BenchStage("APGD-T-100 (" + targets + " targets) L∞ at ε = 8/255", n, "≤ " + targetedSteps + " fwd+bwd per image"
                        + " (early exit); floor: " + targetedSteps + " × one timed pass", () -> targetedSteps * floor.seconds(0, 1), null,
                        () -> runProbe(new AdversarialProbe(apgdT)))
                        .warmingUpWith(() -> runProbe(new AdversarialProbe(tiny(apgdT))))
                        .against(BenchStage.Peer.TORCHATTACKS, "apgd_t", AttackCatalogue.APGD_T.id() + at,
                                "peer: all 100 iterations per target on the images still correct"),
                new BenchStage("Square-5000 L∞ at ε = 8/255", n, "≤ " + (queries + 1) + " fwd per image (early exit); floor: "
                        + (queries + 1) + " × one timed pass", () -> (queries + 1) * floor.seconds(1, 0), null,
                        () -> runProbe(new AdversarialProbe(square)))
                        .warmingUpWith(() -> runProbe(new AdversarialProbe(tiny(square))))
                        .against(BenchStage.Peer.TORCHATTACKS, "square", AttackCatalogue.SQUARE.id() + at,
                                "both stop querying an image once it is broken"),
                new BenchStage("AutoAttack suite L∞ at ε = 8/255 (as an audit runs it)", n, suitePasses + "; floor: the members'"
                        + " floors added", () -> (apgdSteps + targetedSteps) * floor.seconds(0, 1) + (queries + 1) * floor.seconds(1, 0),
                        null, () -> runProbe(new AdversarialProbe(suite)))
                        .warmingUpWith(() -> runProbe(new AdversarialProbe(tiny(suite))))
                        .against(BenchStage.Peer.TORCHATTACKS, "autoattack", AttackCatalogue.AUTOATTACK.id() + at,
                                "unequal work: Vigil runs every member on every clean-correct image (each member's own robust"
                                        + " accuracy); the peer's MultiAttack runs each member only on the images the earlier ones left"),
                new BenchStage("AutoAttack cascade L∞ at ε = 8/255 (Vigil's Cascade, not an audit's path)", n, suitePasses
                        + ", later members only on the images still correct; floor: the members' floors added",
                        () -> (apgdSteps + targetedSteps) * floor.seconds(0, 1) + (queries + 1) * floor.seconds(1, 0), null,
                        () -> runProbe(new AdversarialProbe(cascade)))
                        .warmingUpWith(() -> runProbe(new AdversarialProbe(tiny(cascade))))
                        .against(BenchStage.Peer.TORCHATTACKS, "autoattack", CASCADE.id() + at,
                                "the same work as the peer's MultiAttack: each member only on the images the earlier ones left"),
                new BenchStage("IG-50 on 32 images", IG_IMAGES, IG_STEPS + " fwd+bwd + 2 fwd per image, batched", () -> igFloor.seconds(2, 1), "ig",
                        this::integratedGradients),
                new BenchStage("rotation sweep (" + angles + " angles)", n, BenchStage.passes(0, angles),
                        () -> floor.seconds(angles, 0), null,
                        () -> runProbe(new DriftProbe(DriftConfig.defaults().withFamilies(EnumSet.of(DriftFamily.ROTATION))))));
    }

    private static final List<AttackDefinition> AUTOATTACK_MEMBERS = List.of(AttackCatalogue.APGD_CE, AttackCatalogue.APGD_T,
            AttackCatalogue.SQUARE);
    private static final ApgdSettings TINY_CE = new ApgdSettings(ApgdSettings.CE.lossFunction(), 5, 1, 0);
    private static final ApgdSettings TINY_T = new ApgdSettings(ApgdSettings.TARGETED.lossFunction(), 5, 1, 1);
    private static final SquareSettings TINY_SQUARE = new SquareSettings(20, SquareSettings.DEFAULT.pInit(), 1);

    /**
     * The AutoAttack members as one {@link dev.vigil.attacks.adversarial.Cascade} (AutoAttack's own order of work):
     * each member runs only on the images the earlier ones left correct, as torchattacks' MultiAttack does.
     */
    static final AttackDefinition CASCADE = new AttackDefinition("autoattack-cascade", "AutoAttack cascade",
            "APGD-CE, then APGD-T and Square on the images still correct", AttackCatalogue.AUTOATTACK.needs(), false, List.of(),
            values -> AutoAttackSettings.DEFAULT, List.of());

    /** The plan with its APGD, Square and cascade settings at a tiny budget, for the warm-up. */
    static AdversarialPlan tiny(AdversarialPlan plan) {
        AdversarialPlan out = plan;
        for (AdversarialPlan.ChosenAttack a : plan.attacks()) {
            AttackDefinition d = a.definition();
            if (d == AttackCatalogue.APGD_CE) {
                out = out.withSettings(d, TINY_CE);
            } else if (d == AttackCatalogue.APGD_T) {
                out = out.withSettings(d, TINY_T);
            } else if (d == AttackCatalogue.SQUARE) {
                out = out.withSettings(d, TINY_SQUARE);
            } else if (d == CASCADE) {
                out = out.withSettings(d, new AutoAttackSettings(TINY_CE, TINY_T, TINY_SQUARE));
            }
        }
        return out;
    }

    /** The peer's IG: midpoint rule, 50 steps, black baseline, the true class, the first 32 images. */
    private BenchStage.Outcome integratedGradients() {
        List<Sample> first = dataset.samples().subList(0, Math.min(IG_IMAGES, dataset.samples().size()));
        try (BatchStream stream = new BatchStream(first, classifier.inputSpec(), IG_IMAGES)) {
            for (Batch b : stream) {
                new IntegratedGradients(IG_STEPS, QuadratureRule.MIDPOINT, Baseline.BLACK, batchSize, 0)
                        .attribute(classifier, new Images(classifier.inputSpec(), b.size(), b.pixels()), b.labels());
            }
        }
        return BenchStage.Outcome.NONE;
    }

    /** Batches that hold IG's path points: each of the first 32 images 50 times, {@code batchSize} at a time. */
    public static List<Batch> igPathBatches(List<Batch> decoded, int pixelsPerImage, int batchSize) {
        Batch first = decoded.get(0);
        int images = Math.min(IG_IMAGES, first.size());
        int total = images * IG_STEPS;
        List<Batch> out = new java.util.ArrayList<>();
        for (int start = 0; start < total; start += batchSize) {
            int size = Math.min(batchSize, total - start);
            float[] pixels = new float[size * pixelsPerImage];
            for (int k = 0; k < size; k++) {
                System.arraycopy(first.pixels(), ((start + k) % images) * pixelsPerImage, pixels, k * pixelsPerImage, pixelsPerImage);
            }
            out.add(new Batch(first.samples().subList(0, 1), pixels, new int[size], size));
        }
        return out;
    }

    private BenchStage.Outcome cleanPass() throws Exception {
        try (AuditRecorder recorder = new AuditRecorder()) {
            CleanEvaluation.run(classifier, dataset, batchSize, Progress.SILENT, recorder);
        }
        return BenchStage.Outcome.NONE;
    }

    /** The probe as an audit runs it, with the seconds of the parts it reports and its metrics. */
    private BenchStage.Outcome runProbe(Probe<?> probe) throws Exception {
        Map<String, Double> parts = new ConcurrentHashMap<>();
        Progress progress = (name, total) -> new Progress.Task() {
            @Override
            public void advance(long units) {
            }

            @Override
            public void finish(String summary) {
            }

            @Override
            public void part(String part, double seconds) {
                parts.merge(part, seconds, Double::sum);
            }
        };
        try (AuditRecorder recorder = new AuditRecorder()) {
            ProbeResults results = new ProbeResults();
            results.publish(CleanOutcome.KEY, clean);
            probe.run(new AuditContext(classifier, null, dataset, batchSize, 0, scratch, progress, recorder, results));
            return new BenchStage.Outcome(Map.copyOf(parts), recorder.metrics());
        }
    }
}
