package dev.vigil.core.testing;

import dev.vigil.core.audit.AuditRecorder;
import dev.vigil.core.data.SkippedSample;
import dev.vigil.core.eval.ClassificationReport;
import dev.vigil.core.eval.CleanOutcome;
import dev.vigil.core.image.PngImages;
import dev.vigil.core.result.AuditResults;
import dev.vigil.core.result.Chart;
import dev.vigil.core.result.ChartSeries;
import dev.vigil.core.result.DataTable;
import dev.vigil.core.result.DatasetSummary;
import dev.vigil.core.result.Figure;
import dev.vigil.core.result.Finding;
import dev.vigil.core.result.Metric;
import dev.vigil.core.result.ModelSummary;
import dev.vigil.core.result.Provenance;
import dev.vigil.core.result.Section;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Audit results made without a model, shaped like a full default audit: the real clean section and
 * metrics from {@link ClassificationReport}, then adversarial, drift and explanation sections with
 * tables, line charts with interval bands, bar charts with error bars and PNG figures, a finding
 * and a skipped file. Report and gate tests render these in milliseconds.
 */
public final class SyntheticResults {
    /** A class name and a file name that must appear escaped wherever they are shown. */
    public static final String HOSTILE_CLASS = "<script>alert(1)</script>";
    public static final String HOSTILE_FILE = "say \"hi\" & 'bye' <img src=x onerror=alert(1)>.png";

    private SyntheticResults() {
    }

    /** Results over {@code classes} with 20 samples each; figure PNGs are written under {@code outputDir}. */
    public static AuditResults build(Path outputDir, List<String> classes) throws IOException {
        AuditRecorder recorder = new AuditRecorder();
        int k = classes.size();
        int perClass = 20;
        int n = k * perClass;
        int[] labels = new int[n];
        int[] predictions = new int[n];
        float[] confidence = new float[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i / perClass;
            predictions[i] = i % 7 == 3 ? (labels[i] + 1) % k : labels[i];
            confidence[i] = 0.5f + 0.4f * ((i * 37) % 11) / 10f;
        }
        CleanOutcome clean = new CleanOutcome(labels, predictions, confidence, confidence.clone());
        ClassificationReport.record(clean, classes, recorder);
        recorder.metric(Metric.of("data.samples_read", n, null, "images read and audited"));
        recorder.metric(Metric.of("data.samples_skipped", 1, null, "files skipped because they could not be decoded"));
        int correct = clean.correctCount();

        String[] eps = {"1/255", "2/255", "4/255", "8/255"};
        double[][] kept = {{0.9, 0.75, 0.5, 0.2}, {0.85, 0.6, 0.3, 0.05}};
        String[] attacks = {"fgsm.linf", "pgd.linf"};
        List<ChartSeries> robustSeries = new ArrayList<>();
        List<List<String>> robustRows = new ArrayList<>();
        for (int a = 0; a < attacks.length; a++) {
            List<Double> y = new ArrayList<>();
            List<Double> lo = new ArrayList<>();
            List<Double> hi = new ArrayList<>();
            for (int e = 0; e < eps.length; e++) {
                String prefix = attacks[a] + ".eps=" + eps[e] + ".";
                int robust = (int) Math.round(correct * kept[a][e]);
                Metric m = Metric.proportion(prefix + "robust_accuracy", robust, n, "share of all samples still right under the attack");
                recorder.metric(m);
                recorder.metric(Metric.proportion(prefix + "attack_success_rate", correct - robust, correct,
                        "share of clean-correct samples the attack flips"));
                y.add(m.value());
                lo.add(m.lower());
                hi.add(m.upper());
                robustRows.add(List.of(attacks[a], eps[e], String.format(java.util.Locale.ROOT, "%.4f [%.4f, %.4f]", m.value(), m.lower(), m.upper())));
            }
            robustSeries.add(new ChartSeries(attacks[a].toUpperCase(java.util.Locale.ROOT), y, lo, hi));
        }
        Path adversarialPng = outputDir.resolve("images/adversarial/" + HOSTILE_FILE);
        PngImages.write(checkerboard(32, 4), adversarialPng);
        recorder.section(new Section("adversarial", "Adversarial robustness",
                "FGSM and PGD attacks in the L∞ norm perturbed every image by at most ε in pixel space.",
                Map.of("epsilons", String.join(", ", eps), "PGD steps", "10"),
                List.of(new DataTable("Robust accuracy (95% interval)", List.of("attack", "ε", "robust accuracy"), robustRows)),
                List.of(new Chart("Robust accuracy vs ε", "line", "ε (L∞, pixel scale)", "robust accuracy", List.of(eps), robustSeries)),
                List.of(new Figure("Examples: " + classes.get(0), "images/adversarial/" + HOSTILE_FILE,
                        "class " + classes.get(0) + " → " + classes.get(1 % k) + " at ε=8/255", "adversarial image of a " + classes.get(0)))));

        String[] angles = {"-30", "-15", "15", "30", "90"};
        List<Double> rotY = new ArrayList<>();
        List<Double> rotLo = new ArrayList<>();
        List<Double> rotHi = new ArrayList<>();
        for (int i = 0; i < angles.length; i++) {
            int flipped = (int) Math.round(correct * 0.06 * (i + 1));
            int right = correct - flipped;
            Metric acc = Metric.proportion("drift.rotation." + angles[i] + ".accuracy", right, n, "accuracy on rotated images");
            recorder.metric(acc);
            recorder.metric(Metric.of("drift.rotation." + angles[i] + ".accuracy_drop", (correct - right) / (double) n, n, "clean accuracy minus this accuracy"));
            recorder.metric(Metric.proportion("drift.rotation." + angles[i] + ".flip_rate", flipped, n, "share of predictions that change"));
            recorder.metric(Metric.of("drift.rotation." + angles[i] + ".mcnemar_p", Math.pow(10, -i - 1), n, "McNemar exact p-value versus clean"));
            rotY.add(acc.value());
            rotLo.add(acc.lower());
            rotHi.add(acc.upper());
        }
        recorder.metric(Metric.proportion("drift.grayscale.flip_rate", n / 10, n, "share of predictions that change in grayscale"));
        List<String> corruptions = List.of("gaussian_noise", "blur", "jpeg");
        List<Double> corrY = new ArrayList<>();
        List<Double> corrLo = new ArrayList<>();
        List<Double> corrHi = new ArrayList<>();
        for (int c = 0; c < corruptions.size(); c++) {
            Metric acc = Metric.proportion("drift.corruption." + corruptions.get(c) + ".3.accuracy", correct * (4 - c) / 4, n, "accuracy at severity 3");
            recorder.metric(acc);
            recorder.metric(Metric.of("drift.corruption." + corruptions.get(c) + ".mce", 0.1 * (c + 1), n, "mean corruption error"));
            corrY.add(acc.value());
            corrLo.add(acc.lower());
            corrHi.add(acc.upper());
        }
        Path driftPng = outputDir.resolve("images/drift/rotation-15.png");
        PngImages.write(checkerboard(32, 8), driftPng);
        recorder.section(new Section("drift", "Drift",
                "Rotations, grayscale and common corruptions, each compared with the clean predictions.",
                new LinkedHashMap<>(Map.of("angles", String.join(", ", angles))),
                List.of(),
                List.of(new Chart("Accuracy vs rotation angle", "line", "angle (degrees)", "accuracy", List.of(angles),
                                List.of(new ChartSeries("rotation", rotY, rotLo, rotHi))),
                        new Chart("Accuracy at severity 3", "bar", "corruption", "accuracy", corruptions,
                                List.of(new ChartSeries("accuracy", corrY, corrLo, corrHi)))),
                List.of(new Figure("Rotation", "images/drift/rotation-15.png", "rotated by 15°", "a sample rotated by 15 degrees"))));

        recorder.metric(Metric.of("explain.ig.completeness_gap", 0.012, 30, "mean relative completeness gap of Integrated Gradients"));
        recorder.metric(Metric.of("explain.saliency.deletion_auc", 0.21, 30, "deletion AUC of saliency maps"));
        Path heat = outputDir.resolve("images/explain/heatmap-0.png");
        PngImages.write(checkerboard(32, 2), heat);
        recorder.section(new Section("explain", "Explanations", "Gradient attributions for a stratified selection of images.",
                Map.of("methods", "saliency, ig"),
                List.of(new DataTable("Quality checks", List.of("method", "deletion AUC", "random AUC"),
                        List.of(List.of("saliency", "0.2100", "0.3300")))),
                List.of(),
                List.of(new Figure("Heatmaps", "images/explain/heatmap-0.png", "saliency of " + classes.get(0), "saliency heatmap"),
                        new Figure("Heatmaps", "images/explain/missing.png", "a figure whose file is missing", "missing heatmap"))));
        recorder.finding(Finding.warning("pgd-weaker-than-fgsm", "Check " + classes.get(0) + " & co",
                "A finding whose text holds " + HOSTILE_CLASS + " and " + HOSTILE_FILE + "."));

        Provenance provenance = new Provenance("0.1.0", "0.36.0", "2.7.1", "17", "Linux amd64", "cpu()", 2, 7,
                "2026-01-02T03:04:05Z", "2026-01-02T03:09:05Z", "vigil audit --model '" + HOSTILE_FILE + "' --data data/",
                "models/" + HOSTILE_FILE, "ab".repeat(32), "data/", "cd".repeat(32));
        ModelSummary model = new ModelSummary(HOSTILE_FILE, provenance.modelSha256(), "3x32x32", "none", k);
        DatasetSummary data = new DatasetSummary("imagefolder", classes, n + 1, n, 1,
                List.of(new SkippedSample(classes.get(0) + "/" + HOSTILE_FILE, "not an image")));
        return new AuditResults(AuditResults.SCHEMA_VERSION, provenance, model, data, recorder.metrics(), recorder.findings(),
                recorder.sections());
    }

    private static java.awt.image.BufferedImage checkerboard(int size, int cell) {
        float[] chw = new float[3 * size * size];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                float v = ((x / cell) + (y / cell)) % 2 == 0 ? 0.9f : 0.1f;
                chw[y * size + x] = v;
                chw[size * size + y * size + x] = 0.5f;
                chw[2 * size * size + y * size + x] = 1 - v;
            }
        }
        return PngImages.toImage(chw, 0, 3, size, size, 2);
    }
}
