package dev.vigil.core.compare;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.core.result.AuditResults;
import dev.vigil.core.result.DatasetSummary;
import dev.vigil.core.result.Metric;
import dev.vigil.core.result.ModelSummary;
import dev.vigil.core.result.Provenance;
import dev.vigil.core.result.ResultsJson;
import dev.vigil.core.result.SampleRow;
import dev.vigil.core.result.SamplesCsv;
import dev.vigil.core.stats.PairedTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Two audits of the same samples written as results.json + samples.csv, without a model: each setting's
 * rows are made from a paired table (a samples right in both runs, b right in the base run only, c in
 * the new run only, d in neither), and the metrics are computed from the rows as the probes compute them.
 */
public final class SyntheticRuns {
    public static final List<String> CLASSES = List.of("cat", "dog");

    /** One setting of both runs: its rows probe and parameter, the metric name prefix and accuracy suffix, and its paired table. */
    public record Setting(String probe, String parameter, String prefix, String suffix, String classSuffix, PairedTable table) {
    }

    private SyntheticRuns() {
    }

    /** Writes the base run (side 0) or new run (side 1) into {@code dir} and returns it. */
    public static AuditRun write(Path dir, int side, List<Setting> settings, String datasetSha, long seed) throws IOException {
        return write(dir, side, settings, datasetSha, seed, false);
    }

    /** With {@code swapLabels}, every sample gets the other class as its label (the same files, relabelled). */
    public static AuditRun write(Path dir, int side, List<Setting> settings, String datasetSha, long seed, boolean swapLabels) throws IOException {
        Files.createDirectories(dir);
        List<SampleRow> rows = new ArrayList<>();
        List<Metric> metrics = new ArrayList<>();
        for (Setting s : settings) {
            List<SampleRow> these = rows(s, side, swapLabels);
            rows.addAll(these);
            metrics.add(share(s.prefix() + "." + s.suffix(), these, r -> true, SampleRow::correct));
            for (String c : CLASSES) {
                metrics.add(share(s.prefix() + ".class." + c + "." + s.classSuffix(), these, r -> r.label().equals(c), SampleRow::correct));
            }
            if (s.probe().startsWith("drift.")) {
                metrics.add(share(s.prefix() + ".flip_rate", these, r -> true, r -> "true".equals(r.extra().get("flipped"))));
                metrics.add(Metric.of(s.prefix() + ".mcnemar_p", side == 0 ? 0.5 : 0.25, these.size(), "p-value"));
            }
        }
        // Explanation rows match no metric and are not compared.
        rows.add(new SampleRow("s000", "explain.ig", "target=cat", "cat", "cat", 0.9, true, Map.of("deletion_auc", "0.1")));
        metrics.add(Metric.of("clean.mean_confidence_correct", side == 0 ? 0.9 : 0.85, 100, "mean confidence of right answers"));
        metrics.add(Metric.of("data.samples_read", 200, null, "images read"));
        metrics.add(Metric.of(side == 0 ? "pgd.linf.eps=8/255.robust_accuracy" : "drift.rotation.15.accuracy", 0.5, 10, "one side only"));
        Provenance p = new Provenance("0.1.0", "0.36.0", "2.7.1", "17", "Linux", "cpu()", 2, seed, "2026-12-01T00:00:00Z",
                "2026-12-01T00:01:00Z", "vigil audit --model m" + side + ".pt", "m" + side + ".pt", "model-sha-" + side, "data/", datasetSha);
        AuditResults results = new AuditResults(1, p, new ModelSummary("m" + side + ".pt", "model-sha-" + side, "3x8x8", "none", 2),
                new DatasetSummary("imagefolder", CLASSES, 200, 200, 0, List.of()), metrics, List.of(), List.of());
        ResultsJson.write(results, dir.resolve("results.json"));
        SamplesCsv.write(rows, dir.resolve("samples.csv"));
        return AuditRun.open(dir);
    }

    /** Sample i of the table: classes alternate; cells in the order a, b, c, d; a wrong answer names the other class. */
    static List<SampleRow> rows(Setting s, int side, boolean swapLabels) {
        PairedTable t = s.table();
        List<SampleRow> out = new ArrayList<>();
        for (int i = 0; i < t.samples(); i++) {
            boolean baseRight = i < t.both() + t.baseOnly();
            boolean newRight = i < t.both() || (i >= t.both() + t.baseOnly() && i < t.both() + t.baseOnly() + t.newOnly());
            boolean right = side == 0 ? baseRight : newRight;
            String label = CLASSES.get((i + (swapLabels ? 1 : 0)) % 2);
            String prediction = right ? label : CLASSES.get(1 - CLASSES.indexOf(label));
            Map<String, String> extra = s.probe().startsWith("drift.") ? Map.of("flipped", Boolean.toString(!right)) : Map.of();
            out.add(new SampleRow(String.format("s%03d", i), s.probe(), s.parameter(), label, prediction, 0.8, right, extra));
        }
        return out;
    }

    static Metric share(String name, List<SampleRow> rows, Predicate<SampleRow> among, Predicate<SampleRow> yes) {
        List<SampleRow> these = rows.stream().filter(among).toList();
        return Metric.proportion(name, (int) these.stream().filter(yes).count(), these.size(), "share");
    }

    /** Adds a typed {@code settings} object to a written results.json, as the lead's schema addition will. */
    public static void addSettings(Path dir, String json) throws IOException {
        Path file = dir.resolve("results.json");
        ObjectNode tree = (ObjectNode) ResultsJson.mapper().readTree(file.toFile());
        tree.set("settings", ResultsJson.mapper().readTree(json));
        Files.writeString(file, ResultsJson.mapper().writeValueAsString(tree));
    }
}
