package dev.vigil.attacks.drift;

import dev.vigil.core.model.InputSpec;
import dev.vigil.core.result.Chart;
import dev.vigil.core.result.ChartSeries;
import dev.vigil.core.result.DataTable;
import dev.vigil.core.result.Figure;
import dev.vigil.core.result.Format;
import dev.vigil.core.result.Metric;
import dev.vigil.core.result.Section;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/** The report sections of the drift probe: one for rotation, one for grayscale, one for the corruptions. */
final class DriftSections {
    private final List<String> classes;
    private final List<DriftSetting> settings;
    private final List<SettingResult> results;
    private final DriftConfig config;
    private final InputSpec spec;
    private final long seed;

    DriftSections(List<String> classes, List<DriftSetting> settings, List<SettingResult> results, DriftConfig config,
                  InputSpec spec, long seed) {
        this.classes = classes;
        this.settings = settings;
        this.results = results;
        this.config = config;
        this.spec = spec;
        this.seed = seed;
    }

    Section rotation(List<Integer> indices, SettingResult worst, List<Figure> figures) {
        List<Integer> byAngle = indices.stream().sorted(Comparator.comparingDouble(s -> settings.get(s).angle())).toList();
        List<SettingResult> rows = new ArrayList<>(byAngle.stream().map(results::get).toList());
        PairedCounts any = rows.get(0).counts();
        rows.add(worst);

        List<String> x = new ArrayList<>();
        List<Metric> accuracy = new ArrayList<>();
        List<Metric> flips = new ArrayList<>();
        boolean zeroListed = byAngle.stream().anyMatch(s -> settings.get(s).angle() == 0);
        Metric cleanAccuracy = Metric.proportion("clean", any.cleanCorrect(), any.samples(), "");
        Metric noFlips = Metric.proportion("clean", 0, any.samples(), "");
        boolean cleanAdded = zeroListed;
        for (int s : byAngle) {
            if (!cleanAdded && settings.get(s).angle() > 0) {
                x.add("0 (clean)");
                accuracy.add(cleanAccuracy);
                flips.add(noFlips);
                cleanAdded = true;
            }
            x.add(Angles.format(settings.get(s).angle()));
            accuracy.add(results.get(s).accuracy());
            flips.add(results.get(s).flipRate());
        }
        if (!cleanAdded) {
            x.add("0 (clean)");
            accuracy.add(cleanAccuracy);
            flips.add(noFlips);
        }
        Chart chart = new Chart("Accuracy vs rotation angle (95% Wilson bands)", "line", "angle (degrees, counter-clockwise)",
                "share of samples", x, List.of(series("accuracy", accuracy), series("flip rate", flips)));

        SettingResult hardest = byAngle.stream().map(results::get).max(Comparator.comparingDouble(SettingResult::accuracyDrop)).orElseThrow();
        String summary = String.format(Locale.ROOT,
                "Every image was rotated about its centre by each angle (degrees, counter-clockwise), kept at its size with "
                        + "bilinear interpolation and %s fill, and classified again; each result is paired with the same image's "
                        + "clean result. Clean accuracy on these %d images is %s. The largest drop is at %s: accuracy %s "
                        + "(McNemar p = %s). Worst of %d (right only if right at every angle): %s.",
                config.fill().id(), any.samples(), DriftText.share(any.cleanAccuracy()), hardest.label(),
                Format.withInterval(hardest.accuracy()), DriftText.pValue(hardest.mcnemarP()), byAngle.size(),
                Format.withInterval(worst.accuracy()));
        Map<String, String> s = baseSettings();
        s.put("angles", String.join(", ", config.angles().stream().map(Angles::format).toList()) + " degrees, counter-clockwise");
        s.put("fill", config.fill().id());
        s.put("interpolation", "bilinear, about the image centre, same size");
        List<SettingResult> perClassColumns = new ArrayList<>(rows);
        return new Section(DriftFamily.ROTATION.sectionId(), "Drift: rotation", summary, s,
                List.of(DriftTables.paired("Accuracy by rotation angle, paired with clean", "angle", rows),
                        DriftTables.perClass("Per-class accuracy by rotation angle", classes, perClassColumns)),
                List.of(chart), figures);
    }

    Section grayscale(int index, List<Figure> figures) {
        SettingResult r = results.get(index);
        PairedCounts counts = r.counts();
        List<String> x = new ArrayList<>();
        List<Metric> clean = new ArrayList<>();
        List<Metric> gray = new ArrayList<>();
        for (int c = 0; c < classes.size(); c++) {
            if (counts.classSamples()[c] == 0) {
                continue;
            }
            x.add(classes.get(c));
            clean.add(Metric.proportion("clean", counts.classCleanCorrect()[c], counts.classSamples()[c], ""));
            gray.add(r.classAccuracy().get(c));
        }
        Chart chart = new Chart("Per-class accuracy, clean and grayscale (95% Wilson intervals)", "bar", "class", "accuracy", x,
                List.of(series("clean", clean), series("grayscale", gray)));
        String summary = String.format(Locale.ROOT,
                "Every image was replaced by its luma (0.299 R + 0.587 G + 0.114 B, ITU-R BT.601) in all three channels, in "
                        + "pixel space before normalization, and classified again. Accuracy goes from %s to %s (McNemar p = %s); "
                        + "%s of the predictions change.",
                DriftText.share(counts.cleanAccuracy()), Format.withInterval(r.accuracy()), DriftText.pValue(r.mcnemarP()),
                Format.percent(r.flipRate().value()));
        Map<String, String> s = baseSettings();
        s.put("transform", "BT.601 luma replicated to 3 channels");
        return new Section(DriftFamily.GRAYSCALE.sectionId(), "Drift: grayscale", summary, s,
                List.of(DriftTables.paired("Grayscale, paired with clean", "setting", List.of(r)),
                        DriftTables.perClass("Per-class accuracy in grayscale", classes, List.of(r))),
                List.of(chart), figures);
    }

    Section corruptions(List<Integer> indices, CorruptionErrors.Summary errors, List<Figure> figures) {
        List<SettingResult> rows = indices.stream().map(results::get).toList();
        PairedCounts any = rows.get(0).counts();
        Map<String, List<Integer>> graded = new LinkedHashMap<>();
        for (int s : indices) {
            if (settings.get(s).severity() > 0) {
                graded.computeIfAbsent(settings.get(s).group(), k -> new ArrayList<>()).add(s);
            }
        }
        List<String> x = new ArrayList<>(List.of("clean"));
        config.severities().stream().sorted().forEach(v -> x.add(Integer.toString(v)));
        List<ChartSeries> lines = new ArrayList<>();
        for (var e : graded.entrySet()) {
            List<Double> y = new ArrayList<>(List.of(any.cleanAccuracy()));
            e.getValue().stream().sorted(Comparator.comparingInt(s -> settings.get(s).severity()))
                    .forEach(s -> y.add(results.get(s).accuracy().value()));
            lines.add(new ChartSeries(e.getKey(), y, null, null));
        }
        List<Chart> charts = new ArrayList<>();
        if (!lines.isEmpty()) {
            charts.add(new Chart("Accuracy vs corruption severity", "line", "severity", "accuracy", x, lines));
            List<String> names = errors.entries().stream().map(CorruptionErrors.Entry::corruption).toList();
            List<ChartSeries> bars = new ArrayList<>();
            bars.add(new ChartSeries("this model", errors.entries().stream().map(CorruptionErrors.Entry::error).toList(), null, null));
            if (errors.hasBaseline()) {
                bars.add(new ChartSeries("baseline", errors.entries().stream().map(CorruptionErrors.Entry::baselineError).toList(), null, null));
            }
            charts.add(new Chart("Corruption error (mean error over severities)", "bar", "corruption", "error rate", names, bars));
        }

        List<String> columns = new ArrayList<>(List.of("corruption", "severity", "parameter"));
        columns.addAll(DriftTables.METRIC_COLUMNS);
        List<List<String>> table = new ArrayList<>();
        for (int s : indices) {
            DriftSetting setting = settings.get(s);
            List<String> row = new ArrayList<>(List.of(setting.group(), setting.severity() > 0 ? Integer.toString(setting.severity()) : "—",
                    setting.detail()));
            row.addAll(DriftTables.metricCells(results.get(s)));
            table.add(row);
        }
        List<DataTable> tables = new ArrayList<>();
        tables.add(new DataTable("Accuracy by corruption and severity, paired with clean", columns, table));
        if (!errors.entries().isEmpty()) {
            tables.add(errorTable(errors));
        }
        tables.add(perClassMeans(graded, indices));

        String summary = String.format(Locale.ROOT,
                "Each image went through every corruption at severities %s (1 mild, 5 strong; the mirror image once), in pixel space, with noise "
                        + "drawn from the audit seed per image, and was classified again; each result is paired with the same "
                        + "image's clean result. Clean accuracy on these %d images is %s.%s%s",
                DriftText.list(config.severities()), any.samples(), DriftText.share(any.cleanAccuracy()), mceSentence(errors),
                worstSentence(rows));
        Map<String, String> s = baseSettings();
        s.put("corruptions", String.join(", ", config.corruptions().stream().map(c -> c.id()).toList()));
        s.put("severities", DriftText.list(config.severities()));
        s.put("constants", "docs/corruptions.md (CIFAR-10-C's where it defines them)");
        if (config.baselineModel() != null) {
            s.put("baseline model", config.baselineModel().toString());
        }
        return new Section(DriftFamily.CORRUPTIONS.sectionId(), "Drift: common corruptions", summary, s, tables, charts, figures);
    }

    private DataTable errorTable(CorruptionErrors.Summary errors) {
        List<String> columns = new ArrayList<>(List.of("corruption", "severities", "mean error"));
        if (errors.hasBaseline()) {
            columns.addAll(List.of("baseline mean error", "error / baseline error"));
        }
        List<List<String>> rows = new ArrayList<>();
        for (CorruptionErrors.Entry e : errors.entries()) {
            List<String> row = new ArrayList<>(List.of(e.corruption(), DriftText.list(e.severities()), Format.share(e.error())));
            if (errors.hasBaseline()) {
                row.add(Format.share(e.baselineError()));
                row.add(Format.number(e.normalized(), 3));
            }
            rows.add(row);
        }
        List<String> mean = new ArrayList<>(List.of("mean (mCE)", "", Format.share(errors.meanError())));
        if (errors.hasBaseline()) {
            mean.add(Format.share(errors.meanBaselineError()));
            mean.add(Format.number(errors.meanNormalized(), 3));
        }
        rows.add(mean);
        return new DataTable("Mean corruption error", columns, rows);
    }

    /** Per class, the accuracy under each corruption averaged over its severities. */
    private DataTable perClassMeans(Map<String, List<Integer>> graded, List<Integer> indices) {
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int s : indices) {
            groups.computeIfAbsent(settings.get(s).group(), k -> new ArrayList<>()).add(s);
        }
        List<String> columns = new ArrayList<>(List.of("class", "samples", "clean"));
        columns.addAll(groups.keySet());
        List<List<String>> rows = new ArrayList<>();
        PairedCounts first = results.get(indices.get(0)).counts();
        for (int c = 0; c < classes.size(); c++) {
            if (first.classSamples()[c] == 0) {
                continue;
            }
            List<String> row = new ArrayList<>(List.of(classes.get(c), Integer.toString(first.classSamples()[c]),
                    Format.share((double) first.classCleanCorrect()[c] / first.classSamples()[c])));
            for (List<Integer> group : groups.values()) {
                int cls = c;
                double mean = group.stream().mapToDouble(s -> {
                    Metric m = results.get(s).classAccuracy().get(cls);
                    return m == null ? Double.NaN : m.value();
                }).average().orElse(Double.NaN);
                row.add(Format.share(mean));
            }
            rows.add(row);
        }
        return new DataTable("Per-class accuracy under each corruption, mean over its severities", columns, rows);
    }

    private static String mceSentence(CorruptionErrors.Summary errors) {
        if (errors.entries().isEmpty()) {
            return "";
        }
        CorruptionErrors.Entry worst = errors.entries().stream().max(Comparator.comparingDouble(CorruptionErrors.Entry::error)).orElseThrow();
        String base = String.format(Locale.ROOT, " Mean corruption error (unnormalised) is %s; the hardest corruption is %s (mean error %s).",
                Format.share(errors.meanError()), worst.corruption(), Format.share(worst.error()));
        if (errors.hasBaseline()) {
            base += String.format(Locale.ROOT, " Relative to the baseline model's errors on the same images, mCE is %s (below 1: more robust than the baseline).",
                    Format.number(errors.meanNormalized(), 3));
        }
        return base;
    }

    private static String worstSentence(List<SettingResult> rows) {
        SettingResult worst = rows.stream().max(Comparator.comparingDouble(SettingResult::accuracyDrop)).orElseThrow();
        return String.format(Locale.ROOT, " The largest drop is under %s: accuracy %s (McNemar p = %s).", worst.label(),
                Format.withInterval(worst.accuracy()), DriftText.pValue(worst.mcnemarP()));
    }

    private Map<String, String> baseSettings() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("images", Integer.toString(results.stream().mapToInt(r -> r.counts().samples()).max().orElse(0)));
        s.put("input", spec.toString() + ", pixel space [0, 1]");
        s.put("seed", Long.toString(seed));
        return s;
    }

    private static ChartSeries series(String name, List<Metric> metrics) {
        return new ChartSeries(name, metrics.stream().map(m -> m == null ? Double.NaN : m.value()).toList(),
                metrics.stream().map(m -> m == null ? Double.NaN : m.lower()).toList(),
                metrics.stream().map(m -> m == null ? Double.NaN : m.upper()).toList());
    }

    static List<Integer> indicesOf(List<DriftSetting> settings, DriftFamily family) {
        return IntStream.range(0, settings.size()).filter(s -> settings.get(s).family() == family).boxed().toList();
    }
}
