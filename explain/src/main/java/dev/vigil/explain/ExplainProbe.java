package dev.vigil.explain;

import dev.vigil.core.audit.AuditContext;
import dev.vigil.core.audit.Flips;
import dev.vigil.core.audit.Probe;
import dev.vigil.core.audit.Progress;
import dev.vigil.core.data.Batch;
import dev.vigil.core.data.BatchStream;
import dev.vigil.core.data.Sample;
import dev.vigil.core.model.Capability;
import dev.vigil.core.model.Classifier;
import dev.vigil.core.result.Finding;
import dev.vigil.explain.export.AttributionExport;
import dev.vigil.explain.method.AttributionMethod;
import dev.vigil.explain.method.Attributions;
import dev.vigil.explain.method.ChannelAggregation;
import dev.vigil.explain.method.Images;
import dev.vigil.explain.quality.AttributionDrift;
import dev.vigil.explain.quality.DeletionInsertion;
import dev.vigil.explain.quality.FaithfulnessCheck;
import dev.vigil.explain.quality.RandomizationCheck;
import dev.vigil.explain.quality.Variant;
import dev.vigil.explain.select.ImageSelection;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Explanations in an audit: chooses a stratified selection of images ({@link ImageSelection}), explains
 * each with every requested method, and checks the explanations — faithfulness (most and least relevant
 * pixels removed first, against a random and an edge-detector control), deletion and insertion AUC against
 * a random order, the model-randomization check, and attribution drift under the settings'
 * {@link Variant}s (rotation, grayscale, FGSM). It records metrics, per-image rows, findings, a report
 * section and one heatmap row per image and method. Runs after the attack and drift probes, whose rows
 * supply the "flipped" images.
 */
public final class ExplainProbe implements Probe<ExplainProbe.Shard> {
    public static final String ID = "explain";
    // Per-purpose constants mixed into the audit seed, so that each random choice has its own stream.
    private static final long SELECTION = 0x5E1EC7L;
    private static final long NOISE = 0x0015EL;
    private static final long ORDER = 0x0DE1L;
    private static final long RANDOMIZE = 0x7A5D0L;

    private final ExplainSettings settings;
    private final boolean saveAttributions;

    public ExplainProbe(ExplainSettings settings) {
        this(settings, false);
    }

    /** @param saveAttributions also write every method's maps under attributions/ ({@link AttributionExport}) */
    public ExplainProbe(ExplainSettings settings, boolean saveAttributions) {
        this.settings = settings;
        this.saveAttributions = saveAttributions;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public ExplainSettings settings() {
        return settings;
    }

    /** Explanations have no per-sample pass: the images to explain are chosen from every other probe's results. */
    public record Shard() implements Serializable {
    }

    @Override
    public Shard pass(AuditContext context, List<Sample> samples) {
        return new Shard();
    }

    /**
     * Chooses the images, explains them with every method the model can serve, and checks the
     * explanations: the whole probe is a step after the per-sample passes.
     */
    @Override
    public void conclude(AuditContext ctx, List<Shard> shards) throws Exception {
        if (settings.methods().ids().isEmpty()) {
            return;
        }
        Classifier model = ctx.classifier();
        List<ImageSelection.Pick> picks = new ImageSelection(settings.perClass(), ImageSelection.DEFAULT_MIN_CONFIDENCE,
                ctx.seed() ^ SELECTION).select(ctx.dataset(), ctx.clean(), Flips.of(ctx).bySample());
        if (picks.isEmpty()) {
            return;
        }
        Images images = load(ctx, picks);
        int[] labels = picks.stream().mapToInt(p -> p.sample().label()).toArray();
        int[] targets = picks.stream().mapToInt(p -> settings.target() == Target.TRUE
                ? p.sample().label() : ctx.clean().predictions()[p.sample().index()]).toArray();

        List<AttributionMethod> methods = servable(ctx, settings.methods().create(ctx.batchSize(), ctx.seed() ^ NOISE),
                AttributionMethod::needs, AttributionMethod::title, "explain-method-not-run.", "explanations by ");
        if (methods.isEmpty()) {
            return;
        }
        Map<AttributionMethod, Attributions> maps = explain(ctx, methods, images, targets);
        if (saveAttributions) {
            save(ctx, picks, targets, maps);
        }

        Progress.Task checks = ctx.progress().start("explain: quality checks", (long) images.count() * methods.size());
        DeletionInsertion deletion = new DeletionInsertion(settings.deletionSteps(), ctx.batchSize());
        DeletionInsertion.Curves random = deletion.run(model, images, targets, randomOrders(images, ctx.seed() ^ ORDER));
        List<String> ids = picks.stream().map(p -> p.sample().id()).toList();
        FaithfulnessCheck faithfulness = settings.faithfulness().check(ctx.batchSize(), ctx.seed());
        FaithfulnessCheck.Controls controls = faithfulness.controls(model, images, targets, ids);
        List<Variant> variants = servable(ctx, settings.variants(ctx.batchSize()), Variant::needs, Variant::title,
                "explain-drift-not-run.", "attribution drift for the image ");
        List<Images> changed = new ArrayList<>();
        for (Variant v : variants) {
            changed.add(v.apply(model, images, labels));
        }
        int[] sanityImages = spreadOverClasses(picks, settings.randomizationImages());
        List<MethodResult> results = new ArrayList<>();
        for (AttributionMethod method : methods) {
            Attributions a = maps.get(method);
            List<AttributionDrift.Result> drift = new ArrayList<>();
            for (int v = 0; v < variants.size(); v++) {
                drift.add(AttributionDrift.run(model, method, variants.get(v), changed.get(v), targets, a));
            }
            results.add(new MethodResult(method, a,
                    faithfulness.evaluate(model, images, targets, FaithfulnessCheck.relevance(a), ids, controls),
                    deletion.run(model, images, targets, attributionOrders(a)),
                    randomization(ctx, method, images.select(sanityImages), selectTargets(targets, sanityImages), a.select(sanityImages)),
                    drift));
            checks.advance(images.count());
        }
        checks.finish("explain: quality checks done");
        new ExplainReport(ctx, settings, picks, images, targets, random, controls, results, variants).record();
    }

    /** Every method's maps of the images, each method's throughput on the progress line (not in the results). */
    private static Map<AttributionMethod, Attributions> explain(AuditContext ctx, List<AttributionMethod> methods, Images images,
                                                                int[] targets) {
        Map<AttributionMethod, Attributions> maps = new LinkedHashMap<>();
        for (AttributionMethod method : methods) {
            Progress.Task task = ctx.progress().start("explain: " + method.title(), images.count());
            long start = System.nanoTime();
            maps.put(method, method.attribute(ctx.classifier(), images, targets));
            double seconds = (System.nanoTime() - start) / 1e9;
            task.advance(images.count());
            task.finish(String.format(Locale.ROOT, "explain %s: %d images, %.1f images/s", method.id(), images.count(),
                    images.count() / Math.max(seconds, 1e-9)));
        }
        return maps;
    }

    private static void save(AuditContext ctx, List<ImageSelection.Pick> picks, int[] targets, Map<AttributionMethod, Attributions> maps)
            throws java.io.IOException {
        Map<String, Attributions> byId = new LinkedHashMap<>();
        maps.forEach((m, a) -> byId.put(m.id(), a));
        List<AttributionExport.Row> rows = new ArrayList<>();
        for (int i = 0; i < picks.size(); i++) {
            Sample s = picks.get(i).sample();
            rows.add(new AttributionExport.Row(s.id(), targets[i], s.label(), ctx.clean().predictions()[s.index()]));
        }
        AttributionExport.write(ctx.outputDir(), byId, rows);
    }

    /** The items the model can serve; each one it cannot gets a finding that says what it lacks. */
    private static <T> List<T> servable(AuditContext ctx, List<T> items, Function<T, Set<Capability>> needs,
                                        Function<T, String> title, String findingId, String what) {
        List<T> out = new ArrayList<>();
        for (T item : items) {
            List<String> missing = needs.apply(item).stream().filter(c -> !ctx.classifier().can(c)).map(Capability::description)
                    .sorted().toList();
            if (missing.isEmpty()) {
                out.add(item);
            } else {
                String name = title.apply(item);
                ctx.recorder().finding(new Finding(findingId + name.toLowerCase(Locale.ROOT).replace(' ', '-'), "warning",
                        "No " + what + name, "It needs " + String.join(" and ", missing) + ", which this "
                                + ctx.classifier().engine().format() + " model does not give; the methods that need only logits still ran."));
            }
        }
        return out;
    }

    /**
     * The randomization check of a gradient method on the given images, or null when it is off, the method
     * needs no gradient, or the model cannot give a fresh copy to randomize.
     */
    private RandomizationCheck.Result randomization(AuditContext ctx, AttributionMethod method, Images images, int[] targets,
                                                    Attributions original) {
        if (images.count() == 0 || !method.usesGradient() || !ctx.classifier().can(Capability.FRESH_COPY)) {
            return null;
        }
        return new RandomizationCheck(settings.randomizationThreshold(), settings.randomizationSteps(), ctx.seed() ^ RANDOMIZE)
                .run(ctx.classifier(), method, images, targets, original);
    }

    private static int[] selectTargets(int[] targets, int[] which) {
        return java.util.Arrays.stream(which).map(i -> targets[i]).toArray();
    }

    private static Images load(AuditContext ctx, List<ImageSelection.Pick> picks) {
        List<Sample> samples = picks.stream().map(ImageSelection.Pick::sample).toList();
        float[] pixels = new float[samples.size() * ctx.classifier().inputSpec().pixelsPerImage()];
        int filled = 0;
        try (BatchStream stream = new BatchStream(samples, ctx.classifier().inputSpec(), Math.max(1, ctx.batchSize()))) {
            for (Batch batch : stream) {
                if (batch.size() != batch.attempted()) {
                    throw new IllegalStateException("an image read by the clean pass could not be read again");
                }
                System.arraycopy(batch.pixels(), 0, pixels, filled, batch.pixels().length);
                filled += batch.pixels().length;
            }
        }
        return new Images(ctx.classifier().inputSpec(), samples.size(), pixels);
    }

    /** Pixels by decreasing signed attribution Σ_c a_c: the evidence for the target class goes first. */
    static int[][] attributionOrders(Attributions a) {
        int[][] orders = new int[a.count()][];
        for (int i = 0; i < a.count(); i++) {
            orders[i] = DeletionInsertion.order(ChannelAggregation.SUM.pixels(a, i));
        }
        return orders;
    }

    private static int[][] randomOrders(Images images, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int plane = images.spec().height() * images.spec().width();
        int[][] orders = new int[images.count()][];
        for (int i = 0; i < orders.length; i++) {
            orders[i] = DeletionInsertion.randomOrder(plane, random.split());
        }
        return orders;
    }

    /** Up to {@code count} positions of the selection, the first image of every class, then the second, ... */
    static int[] spreadOverClasses(List<ImageSelection.Pick> picks, int count) {
        Map<Integer, Integer> seen = new LinkedHashMap<>();
        List<int[]> rankAndPosition = new ArrayList<>();
        for (int i = 0; i < picks.size(); i++) {
            int rank = seen.merge(picks.get(i).sample().label(), 1, Integer::sum);
            rankAndPosition.add(new int[] {rank, i});
        }
        return rankAndPosition.stream()
                .sorted((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(a[1], b[1]))
                .limit(count).mapToInt(r -> r[1]).sorted().toArray();
    }
}
