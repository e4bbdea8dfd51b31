package dev.vigil.explain;

import dev.vigil.core.audit.AuditContext;
import dev.vigil.core.result.Chart;
import dev.vigil.core.result.ChartSeries;
import dev.vigil.core.result.DataTable;
import dev.vigil.core.result.Figure;
import dev.vigil.core.result.Finding;
import dev.vigil.core.result.Format;
import dev.vigil.core.result.Metric;
import dev.vigil.core.result.SampleRow;
import dev.vigil.core.result.Section;
import dev.vigil.explain.heatmap.Heatmaps;
import dev.vigil.explain.method.Completeness;
import dev.vigil.explain.method.Images;
import dev.vigil.explain.quality.AttributionDrift;
import dev.vigil.explain.quality.DeletionInsertion;
import dev.vigil.explain.quality.FaithfulnessCheck;
import dev.vigil.explain.quality.PairedComparison;
import dev.vigil.explain.quality.PixelFlipping;
import dev.vigil.explain.quality.RankCorrelation;
import dev.vigil.explain.quality.Variant;
import dev.vigil.explain.select.ImageSelection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Turns the explanation probe's results into metrics, per-image rows, findings, heatmaps and a report section. */
final class ExplainReport {
    private final AuditContext ctx;
    private final ExplainSettings settings;
    private final List<ImageSelection.Pick> picks;
    private final Images images;
    private final int[] targets;
    private final DeletionInsertion.Curves random;
    private final FaithfulnessCheck.Controls controls;
    private final List<MethodResult> results;
    private final List<Variant> variants;

    ExplainReport(AuditContext ctx, ExplainSettings settings, List<ImageSelection.Pick> picks, Images images, int[] targets,
                  DeletionInsertion.Curves random, FaithfulnessCheck.Controls controls, List<MethodResult> results,
                  List<Variant> variants) {
        this.ctx = ctx;
        this.settings = settings;
        this.picks = picks;
        this.images = images;
        this.targets = targets;
        this.random = random;
        this.controls = controls;
        this.results = results;
        this.variants = variants;
    }

    void record() throws IOException {
        metricsAndFindings();
        ctx.recorder().rows(ExplainProbe.ID, rows());
        ctx.recorder().section(new Section(ExplainProbe.ID, "Explanations", summary(), settings(), tables(), charts(), figures()));
    }

    private static String name(MethodResult r) {
        return "explain." + r.method().id();
    }

    private void metricsAndFindings() {
        int n = images.count();
        for (MethodResult r : results) {
            Completeness c = r.maps().completeness();
            if (c != null && r.method().id().equals("ig")) {
                double relative = 0;
                double absolute = 0;
                int flagged = 0;
                for (int i = 0; i < n; i++) {
                    relative += c.relativeGap(i) / n;
                    absolute += c.absoluteGap(i) / n;
                    flagged += c.flagged(i) ? 1 : 0;
                }
                ctx.recorder().metric(Metric.of("explain.ig.completeness_gap", relative, n,
                        "mean over images of |Σ attributions − (f_c(x) − f_c(x'))| / |f_c(x) − f_c(x')| of Integrated Gradients"));
                ctx.recorder().metric(Metric.of("explain.ig.completeness_gap_abs", absolute, n,
                        "mean over images of |Σ attributions − (f_c(x) − f_c(x'))| of Integrated Gradients, in logits"));
                ctx.recorder().metric(Metric.proportion("explain.ig.completeness_flagged", flagged, n,
                        "share of images whose Integrated Gradients completeness gap is above 5%"));
                if (flagged > 0) {
                    ctx.recorder().finding(Finding.warning("explain-ig-completeness",
                            "Integrated Gradients does not add up on " + flagged + " of " + n + " images",
                            "On " + flagged + " of " + n + " explained images the attributions miss f_c(x) − f_c(x') by more than 5% ("
                                    + settings.methods().igSteps() + " steps, " + settings.methods().igRule().option() + " rule), so the path integral"
                                    + " is not resolved; raise --ig-steps or use --ig-rule gauss-legendre."));
                }
            }
            faithfulness(r);
            ctx.recorder().metric(Metric.of(name(r) + ".deletion_auc", r.curves().meanDeletionAuc(), n,
                    "mean area under the target-class probability as pixels are deleted (set to black) in " + r.method().title()
                            + " order (lower is better; secondary to the faithfulness gain)"));
            ctx.recorder().metric(Metric.of(name(r) + ".insertion_auc", r.curves().meanInsertionAuc(), n,
                    "mean area under the target-class probability as pixels are inserted on a blurred image in "
                            + r.method().title() + " order (higher is better; secondary to the faithfulness gain)"));
            if (r.randomization() != null) {
                double full = r.randomization().fullyRandomized();
                ctx.recorder().metric(Metric.of(name(r) + ".randomization.spearman", full,
                        RankCorrelation.countDefined(r.randomization().correlation()[r.randomization().layers().size() - 1]),
                        "mean Spearman correlation of " + r.method().title() + " maps between the trained model and the model with every layer randomized"));
                ctx.recorder().metric(Metric.of(name(r) + ".randomization.output_layer.spearman", r.randomization().mean(0),
                        RankCorrelation.countDefined(r.randomization().correlation()[0]),
                        "mean Spearman correlation of " + r.method().title() + " maps between the trained model and the model with its output layer randomized"));
                ctx.recorder().metric(Metric.of(name(r) + ".randomization.ssim", r.randomization().fullyRandomizedSsim(),
                        RankCorrelation.countDefined(r.randomization().ssim()[r.randomization().layers().size() - 1]),
                        "mean SSIM of " + r.method().title() + " heatmaps between the trained model and the model with every layer randomized"));
                ctx.recorder().metric(Metric.of(name(r) + ".randomization.independent.max_spearman", r.randomization().mostSimilarIndependent(),
                        RankCorrelation.countDefined(r.randomization().independent()[0]),
                        "largest mean Spearman correlation of " + r.method().title() + " maps with the trained model's when one layer"
                                + " group alone is randomized (independent randomization): the layer the maps depend on least"));
                if (r.randomization().insensitive(settings.randomizationThreshold())) {
                    ctx.recorder().finding(Finding.warning("explain-randomization-" + r.method().id(),
                            r.method().title() + " is insensitive to the model's weights",
                            r.method().title() + " maps keep a rank correlation of " + Format.number(full, 2) + " and an SSIM of "
                                    + Format.number(r.randomization().fullyRandomizedSsim(), 2)
                                    + " with the trained model's maps after every layer is randomized (threshold "
                                    + Format.number(settings.randomizationThreshold(), 2) + " for both): they show the image more than the model."));
                }
            }
            for (AttributionDrift.Result d : r.drift()) {
                ctx.recorder().metric(Metric.of(name(r) + ".drift." + d.variant().id() + ".spearman", d.mean(),
                        RankCorrelation.countDefined(d.correlation()),
                        "mean Spearman correlation between the " + r.method().title() + " map of an image and of the image "
                                + d.variant().title()));
            }
        }
        List<String> blank = results.stream().filter(r -> allZero(r.maps().values())).map(r -> r.method().title()).toList();
        if (!blank.isEmpty()) {
            ctx.recorder().finding(Finding.warning("explain-zero-attributions", String.join(", ", blank) + " found nothing to attribute",
                    String.join(", ", blank) + " gave all-zero maps on every explained image: the model's input gradient is zero"
                            + " (gradient masking, e.g. quantized or thresholded inputs), so gradient explanations show nothing and"
                            + " gradient attacks understate the risk; occlusion, which needs no gradient, can still explain the model."));
        }
        controlMetric("random", "a random map (uniform values per pixel, seeded per image)", controls.random());
        controlMetric("edges", "the Sobel edge map of the image", controls.edges());
        ctx.recorder().metric(Metric.of("explain.random_order.deletion_auc", random.meanDeletionAuc(), n,
                "mean deletion AUC for a seeded random pixel order: the chance level of the deletion AUCs"));
        ctx.recorder().metric(Metric.of("explain.random_order.insertion_auc", random.meanInsertionAuc(), n,
                "mean insertion AUC for a seeded random pixel order: the chance level of the insertion AUCs"));
    }

    private void faithfulness(MethodResult r) {
        FaithfulnessCheck.Result f = r.faithfulness();
        int n = f.curves().count();
        String how = "removing pixels (" + settings.faithfulness().imputation().option() + " imputation) most relevant first and"
                + " least relevant first in " + r.method().title() + " order";
        ctx.recorder().metric(interval(name(r) + ".faithfulness.gain", f.gain(), n,
                "mean symmetric relevance gain AUC(LeRF) − AUC(MoRF) of the target-class probability, " + how
                        + ", with its 95% t interval (higher is better; a random map has 0)"));
        ctx.recorder().metric(Metric.of(name(r) + ".faithfulness.morf_auc", mean(f.curves(), true), n,
                "mean area under the target-class probability, most relevant pixels removed first (lower is better)"));
        ctx.recorder().metric(Metric.of(name(r) + ".faithfulness.lerf_auc", mean(f.curves(), false), n,
                "mean area under the target-class probability, least relevant pixels removed first (higher is better)"));
        ctx.recorder().metric(paired(name(r) + ".faithfulness.gain_over_random", f.versusRandom(),
                "mean per-image faithfulness gain of " + r.method().title() + " minus that of the random control, with its 95% paired t interval"));
        ctx.recorder().metric(paired(name(r) + ".faithfulness.gain_over_edges", f.versusEdges(),
                "mean per-image faithfulness gain of " + r.method().title() + " minus that of the Sobel edge control, with its 95% paired t interval"));
        if (f.noBetterThanRandom(settings.faithfulness().margin())) {
            PairedComparison d = f.versusRandom();
            ctx.recorder().finding(Finding.warning("explain-faithfulness-" + r.method().id(),
                    r.method().title() + " is no more faithful than a random map",
                    "On " + n + " images, removing pixels in " + r.method().title() + " order changes the target probability no more"
                            + " than a random order: its faithfulness gain is " + Format.number(f.gain().mean(), 3) + " [95% CI "
                            + Format.number(f.gain().lower(), 3) + ", " + Format.number(f.gain().upper(), 3) + "] against the random map's "
                            + Format.number(PairedComparison.Interval.mean(controls.random().gains()).mean(), 3) + "; the paired difference is "
                            + Format.number(d.meanDifference(), 3) + " [" + Format.number(d.lower(), 3) + ", " + Format.number(d.upper(), 3)
                            + "], entirely below the margin " + Format.number(settings.faithfulness().margin(), 2)
                            + " (Wilcoxon p = " + Format.number(d.wilcoxonP(), 3) + "). Its maps do not point at what the model uses."));
        }
    }

    private void controlMetric(String id, String what, PixelFlipping.Curves curves) {
        ctx.recorder().metric(interval("explain.control." + id + ".faithfulness.gain", PairedComparison.Interval.mean(curves.gains()),
                curves.count(), "mean symmetric relevance gain of " + what + ", with its 95% t interval: a control every method is compared with"));
    }

    private static Metric interval(String name, PairedComparison.Interval i, int n, String description) {
        return new Metric(name, i.mean(), finite(i.lower()), finite(i.upper()), n, description);
    }

    private static Metric paired(String name, PairedComparison p, String description) {
        return new Metric(name, p.meanDifference(), finite(p.lower()), finite(p.upper()), p.count(), description);
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static double mean(PixelFlipping.Curves c, boolean morf) {
        double s = 0;
        for (int i = 0; i < c.count(); i++) {
            s += (morf ? c.morfAuc(i) : c.lerfAuc(i)) / c.count();
        }
        return s;
    }

    private List<SampleRow> rows() {
        List<SampleRow> rows = new ArrayList<>();
        for (MethodResult r : results) {
            Completeness c = r.maps().completeness();
            for (int i = 0; i < images.count(); i++) {
                ImageSelection.Pick p = picks.get(i);
                int index = p.sample().index();
                Map<String, String> extra = new LinkedHashMap<>();
                extra.put("reason", p.describe());
                extra.put("target", ctx.className(targets[i]));
                extra.put("deletion_auc", number(r.curves().deletionAuc(i)));
                extra.put("insertion_auc", number(r.curves().insertionAuc(i)));
                extra.put("random_deletion_auc", number(random.deletionAuc(i)));
                extra.put("faithfulness_gain", number(r.faithfulness().curves().gain(i)));
                extra.put("morf_auc", number(r.faithfulness().curves().morfAuc(i)));
                extra.put("lerf_auc", number(r.faithfulness().curves().lerfAuc(i)));
                extra.put("random_control_gain", number(controls.random().gain(i)));
                extra.put("edge_control_gain", number(controls.edges().gain(i)));
                if (c != null) {
                    extra.put("completeness_gap", number(c.relativeGap(i)));
                    extra.put("completeness_gap_abs", number(c.absoluteGap(i)));
                }
                for (AttributionDrift.Result d : r.drift()) {
                    extra.put("drift." + d.variant().id() + ".spearman", number(d.correlation()[i]));
                }
                int prediction = ctx.clean().predictions()[index];
                rows.add(new SampleRow(p.sample().id(), name(r), "target=" + ctx.className(targets[i]),
                        ctx.className(p.sample().label()), ctx.className(prediction), ctx.clean().confidence()[index],
                        ctx.clean().correct(index), extra));
            }
        }
        return rows;
    }

    private String summary() {
        return "Each selected image is explained by " + String.join(", ", results.stream().map(r -> r.method().title()).toList())
                + ": which input pixels drive the model's score for the " + (settings.target() == Target.TRUE ? "true" : "predicted")
                + " class. Up to " + settings.perClass() + " images per class are chosen: correct with high confidence,"
                + " misclassified, and correct but flipped by an earlier attack or drift probe. The explanations are then checked."
                + " Faithfulness: pixels are removed most relevant first and least relevant first with the same imputation; the"
                + " difference of the two areas (the faithfulness gain) cancels the model's reaction to the removal itself, and each"
                + " method's gain is compared image by image with a random map's and an edge detector's; a method is flagged only when"
                + " its gain is significantly no better than the random map's. Deletion and insertion AUC are kept as secondary numbers."
                + " Maps should change when the model's weights are randomized (cascading from the output, and one layer at a time;"
                + " a Spearman ρ and an SSIM both above " + Format.number(settings.randomizationThreshold(), 1)
                + " after the full cascade mean a map shows the image more than the model); attribution drift shows how much a map"
                + " changes when the image is rotated, made gray or perturbed by FGSM.";
    }

    private Map<String, String> settings() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("methods", String.join(", ", results.stream().map(r -> r.method().id()).toList()));
        s.put("images", images.count() + " (" + settings.perClass() + " per class at most)");
        s.put("target class", settings.target().option());
        MethodSettings m = settings.methods();
        s.put("Integrated Gradients", m.igSteps() + " steps, " + m.igRule().option() + " rule, " + m.igBaseline().option() + " baseline");
        s.put("SmoothGrad", m.smoothGradSamples() + " samples, σ = " + Format.number(m.smoothGradNoise(), 2) + " × value range");
        s.put("occlusion", (m.occlusionPatch() == 0 ? "patch 1/8 of the smaller side" : "patch " + m.occlusionPatch() + " px")
                + ", stride " + (m.occlusionStride() == 0 ? "half the patch" : m.occlusionStride() + " px")
                + ", filled with the " + m.igBaseline().option() + " baseline");
        if (m.ids().contains(dev.vigil.explain.method.Rise.ID)) {
            s.put("RISE", m.riseMasks() + " masks of " + m.riseCells() + "×" + m.riseCells() + " cells kept with probability "
                    + Format.number(m.riseKeep(), 2) + ", filled with the " + m.igBaseline().option() + " baseline");
        }
        FaithfulnessSettings f = settings.faithfulness();
        s.put("faithfulness", f.steps() + " steps of " + (f.patch() == 1 ? "single pixels" : f.patch() + "×" + f.patch() + " patches")
                + ", " + f.imputation().option() + " imputation, most and least relevant first; controls: a random map and Sobel edges;"
                + " flagged when the 95% interval of the gain over the random map is below " + Format.number(f.margin(), 2));
        s.put("deletion / insertion", settings.deletionSteps() + " steps; deleted pixels become black; insertion starts from the image blurred");
        s.put("randomization check", randomizationSetting());
        s.put("attribution drift", variants.isEmpty() ? "off" : String.join(", ", variants.stream().map(Variant::title).toList()));
        s.put("heatmaps", Heatmaps.scaleRule(settings.heatmapChannels()));
        return s;
    }

    private String randomizationSetting() {
        if (settings.randomizationImages() == 0) {
            return "off";
        }
        if (results.stream().noneMatch(r -> r.method().usesGradient())) {
            return "not run: it checks gradient methods only";
        }
        return results.stream().filter(r -> r.randomization() != null).findFirst()
                .map(r -> "gradient methods, cascading from the output and one layer group at a time, in "
                        + r.randomization().layers().size() + " steps, on " + r.randomization().correlation()[0].length
                        + " images; flagged when Spearman ρ and SSIM after the full cascade are both above "
                        + Format.number(settings.randomizationThreshold(), 2))
                .orElse("not available: the model is not a TorchScript file Vigil can load a second copy of");
    }

    private List<DataTable> tables() {
        List<DataTable> tables = new ArrayList<>();
        List<List<String>> selected = new ArrayList<>();
        for (int i = 0; i < picks.size(); i++) {
            ImageSelection.Pick p = picks.get(i);
            int index = p.sample().index();
            selected.add(List.of(p.sample().id(), ctx.className(p.sample().label()),
                    ctx.className(ctx.clean().predictions()[index]) + " (" + Format.number(ctx.clean().confidence()[index], 3) + ")",
                    ctx.className(targets[i]), p.describe()));
        }
        tables.add(new DataTable("Explained images", List.of("sample", "class", "clean prediction (confidence)", "explained class", "chosen as"), selected));

        tables.add(qualityTable());

        results.stream().filter(r -> r.method().id().equals("ig") && r.maps().completeness() != null).findFirst().ifPresent(r -> {
            Completeness c = r.maps().completeness();
            List<List<String>> gaps = new ArrayList<>();
            for (int i = 0; i < images.count(); i++) {
                gaps.add(List.of(picks.get(i).sample().id(), ctx.className(targets[i]), Format.number(c.outputDifference()[i], 4),
                        Format.number(c.attributionSum()[i], 4), Format.number(c.absoluteGap(i), 5), Format.percent(c.relativeGap(i)),
                        c.flagged(i) ? "above 5%" : "ok"));
            }
            tables.add(new DataTable("Integrated Gradients completeness", List.of("sample", "explained class", "f_c(x) − f_c(x')",
                    "Σ attributions", "|gap|", "relative gap", "check"), gaps));
        });

        List<MethodResult> randomized = results.stream().filter(r -> r.randomization() != null).toList();
        if (!randomized.isEmpty()) {
            List<String> layers = randomized.get(0).randomization().layers();
            List<String> cols = new ArrayList<>(List.of("step", "also randomized"));
            randomized.forEach(r -> cols.add(r.method().title()));
            List<List<String>> steps = new ArrayList<>();
            for (int k = 0; k < layers.size(); k++) {
                List<String> row = new ArrayList<>(List.of(String.valueOf(k + 1), layers.get(k)));
                for (MethodResult r : randomized) {
                    row.add(Format.number(r.randomization().mean(k), 3));
                }
                steps.add(row);
            }
            tables.add(new DataTable("Model randomization, cascading from the output: mean Spearman ρ with the trained model's maps", cols, steps));
            List<String> both = new ArrayList<>(List.of("step", "randomized alone"));
            randomized.forEach(r -> both.add(r.method().title() + " ρ / SSIM"));
            List<List<String>> alone = new ArrayList<>();
            for (int k = 0; k < layers.size(); k++) {
                List<String> row = new ArrayList<>(List.of(String.valueOf(k + 1), layers.get(k)));
                for (MethodResult r : randomized) {
                    row.add(Format.number(r.randomization().meanIndependent(k), 3) + " / " + Format.number(r.randomization().meanIndependentSsim(k), 3));
                }
                alone.add(row);
            }
            tables.add(new DataTable("Model randomization, one layer group at a time: mean Spearman ρ and SSIM with the trained model's maps",
                    both, alone));
        }
        return tables;
    }

    /** One row per method and per control: faithfulness with intervals, randomization, drift, then the secondary AUCs. */
    private DataTable qualityTable() {
        List<String> columns = new ArrayList<>(List.of("method", "faithfulness gain [95% CI]", "over random map [95% CI]",
                "over edge map [95% CI]", "randomization ρ / SSIM (all layers)"));
        variants.forEach(v -> columns.add("drift ρ, " + v.title()));
        columns.addAll(List.of("deletion AUC", "insertion AUC", "verdict"));
        List<List<String>> rows = new ArrayList<>();
        double margin = settings.faithfulness().margin();
        for (MethodResult r : results) {
            FaithfulnessCheck.Result f = r.faithfulness();
            List<String> row = new ArrayList<>(List.of(r.method().title(), interval(f.gain()), interval(f.versusRandom()),
                    interval(f.versusEdges()), r.randomization() == null ? "n/a"
                            : Format.number(r.randomization().fullyRandomized(), 3) + " / " + Format.number(r.randomization().fullyRandomizedSsim(), 3)));
            r.drift().forEach(d -> row.add(Format.number(d.mean(), 3)));
            row.add(Format.number(r.curves().meanDeletionAuc(), 4));
            row.add(Format.number(r.curves().meanInsertionAuc(), 4));
            row.add(verdict(r, margin));
            rows.add(row);
        }
        for (String[] control : new String[][] {{"random map (control)", "random"}, {"Sobel edges (control)", "edges"}}) {
            PixelFlipping.Curves c = control[1].equals("random") ? controls.random() : controls.edges();
            List<String> row = new ArrayList<>(List.of(control[0], interval(PairedComparison.Interval.mean(c.gains())),
                    control[1].equals("random") ? "—" : interval(PairedComparison.of(c.gains(), controls.random().gains())), "—", "—"));
            variants.forEach(v -> row.add("—"));
            row.add(control[1].equals("random") ? Format.number(random.meanDeletionAuc(), 4) : "—");
            row.add(control[1].equals("random") ? Format.number(random.meanInsertionAuc(), 4) : "—");
            row.add("control");
            rows.add(row);
        }
        return new DataTable("Quality of the explanations", columns, rows);
    }

    private String verdict(MethodResult r, double margin) {
        List<String> problems = new ArrayList<>();
        if (r.faithfulness().noBetterThanRandom(margin)) {
            problems.add("no better than random");
        }
        if (r.randomization() != null && r.randomization().insensitive(settings.randomizationThreshold())) {
            problems.add("insensitive to the weights");
        }
        if (!problems.isEmpty()) {
            return String.join("; ", problems);
        }
        return r.faithfulness().versusRandom().better() ? "beats random" : "inconclusive";
    }

    private static String interval(PairedComparison.Interval i) {
        return Double.isNaN(i.lower()) ? Format.number(i.mean(), 3)
                : Format.number(i.mean(), 3) + " [" + Format.number(i.lower(), 3) + ", " + Format.number(i.upper(), 3) + "]";
    }

    private static String interval(PairedComparison p) {
        return interval(new PairedComparison.Interval(p.meanDifference(), p.lower(), p.upper()));
    }

    private List<Chart> charts() {
        List<Chart> charts = new ArrayList<>();
        List<String> fractions = new ArrayList<>();
        for (int k = 0; k <= settings.deletionSteps(); k++) {
            double share = 100.0 * k / settings.deletionSteps();
            fractions.add(String.format(Locale.ROOT, settings.deletionSteps() <= 100 ? "%.0f%%" : "%.1f%%", share));
        }
        List<ChartSeries> deletion = new ArrayList<>();
        List<ChartSeries> insertion = new ArrayList<>();
        for (MethodResult r : results) {
            deletion.add(new ChartSeries(r.method().title(), list(DeletionInsertion.Curves.mean(r.curves().deletion())), null, null));
            insertion.add(new ChartSeries(r.method().title(), list(DeletionInsertion.Curves.mean(r.curves().insertion())), null, null));
        }
        deletion.add(new ChartSeries("random order", list(DeletionInsertion.Curves.mean(random.deletion())), null, null));
        insertion.add(new ChartSeries("random order", list(DeletionInsertion.Curves.mean(random.insertion())), null, null));
        charts.add(new Chart("Deletion: probability of the explained class as pixels are removed", "line", "pixels removed",
                "mean probability", fractions, deletion));
        charts.add(new Chart("Insertion: probability of the explained class as pixels are revealed on a blurred image", "line",
                "pixels revealed", "mean probability", fractions, insertion));
        List<MethodResult> randomized = results.stream().filter(r -> r.randomization() != null).toList();
        if (!randomized.isEmpty()) {
            List<String> layers = randomized.get(0).randomization().layers();
            List<ChartSeries> series = new ArrayList<>();
            for (MethodResult r : randomized) {
                List<Double> y = new ArrayList<>();
                for (int k = 0; k < layers.size(); k++) {
                    y.add(r.randomization().mean(k));
                }
                series.add(new ChartSeries(r.method().title(), y, null, null));
            }
            charts.add(new Chart("Model randomization: rank correlation with the trained model's maps", "line",
                    "layers randomized, from the output (cumulative)", "mean Spearman ρ", layers, series));
        }
        if (!variants.isEmpty()) {
            List<ChartSeries> series = new ArrayList<>();
            for (MethodResult r : results) {
                series.add(new ChartSeries(r.method().title(), r.drift().stream().map(AttributionDrift.Result::mean).toList(), null, null));
            }
            charts.add(new Chart("Attribution drift: rank correlation between the maps of an image and its changed version", "bar",
                    "change", "mean Spearman ρ", variants.stream().map(Variant::title).toList(), series));
        }
        return charts;
    }

    private List<Figure> figures() throws IOException {
        List<Figure> figures = new ArrayList<>();
        Path folder = ctx.outputDir().resolve("images").resolve(ExplainProbe.ID);
        Files.createDirectories(folder);
        String columns = "original" + (variants.isEmpty() ? "" : " | " + String.join(" | ", variants.stream().map(Variant::title).toList()));
        String legend = "Each card is one explained image, one row per method: " + columns + ", then the colour bar; under each row the"
                + " method and the top of its scale. " + capitalized(Heatmaps.scaleRule(settings.heatmapChannels())) + ".";
        for (int i : cardOrder()) {
            ImageSelection.Pick p = picks.get(i);
            String group = p.sample().id() + " · " + ctx.className(p.sample().label()) + " · " + p.describe() + " · explains "
                    + ctx.className(targets[i]);
            for (MethodResult r : results) {
                List<Heatmaps.Tile> tiles = new ArrayList<>();
                tiles.add(new Heatmaps.Tile(images.image(i), r.maps().map(i)));
                for (AttributionDrift.Result d : r.drift()) {
                    tiles.add(new Heatmaps.Tile(d.images().image(i), d.maps().map(i)));
                }
                Heatmaps.Row row = Heatmaps.row(tiles, images.spec(), settings.heatmapChannels());
                String file = String.format(Locale.ROOT, "%03d-%s.png", i + 1, r.method().id());
                Files.write(folder.resolve(file), row.png());
                figures.add(new Figure(group, "images/" + ExplainProbe.ID + "/" + file,
                        String.format(Locale.ROOT, "%s of class %s; colour scale 0 to %.3g", r.method().title(),
                                ctx.className(targets[i]), row.scaleTop()),
                        r.method().title() + " heatmaps of " + p.sample().id() + " explaining class " + ctx.className(targets[i]),
                        String.format(Locale.ROOT, "%s, scale 0 to %.3g", r.method().title(), row.scaleTop()),
                        legend));
            }
        }
        return figures;
    }

    /**
     * The explained images in the order of their cards: round by round one image per class, each class's
     * image of a round taken one reason further along (confident, misclassified, flipped, ...) than the class
     * before, so that a report that shows only the first cards shows several classes and every reason.
     */
    private List<Integer> cardOrder() {
        Map<Integer, List<Integer>> byClass = new java.util.TreeMap<>();
        for (int i = 0; i < images.count(); i++) {
            byClass.computeIfAbsent(picks.get(i).sample().label(), c -> new ArrayList<>()).add(i);
        }
        List<int[]> keyed = new ArrayList<>();
        int classIndex = 0;
        for (List<Integer> ofClass : byClass.values()) {
            for (int position = 0; position < ofClass.size(); position++) {
                int round = Math.floorMod(position - classIndex, ofClass.size());
                keyed.add(new int[] {round, classIndex, ofClass.get(position)});
            }
            classIndex++;
        }
        keyed.sort(java.util.Comparator.<int[]>comparingInt(k -> k[0]).thenComparingInt(k -> k[1]));
        return keyed.stream().map(k -> k[2]).toList();
    }

    private static String capitalized(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static boolean allZero(float[] values) {
        for (float v : values) {
            if (v != 0) {
                return false;
            }
        }
        return true;
    }

    private static String number(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6f", v);
    }

    private static List<Double> list(double[] values) {
        List<Double> out = new ArrayList<>(values.length);
        for (double v : values) {
            out.add(v);
        }
        return out;
    }
}
