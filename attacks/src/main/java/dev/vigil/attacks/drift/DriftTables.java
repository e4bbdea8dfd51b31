package dev.vigil.attacks.drift;

import dev.vigil.core.result.DataTable;
import dev.vigil.core.result.Format;
import dev.vigil.core.result.Metric;
import java.util.ArrayList;
import java.util.List;

/** The tables the drift sections share: paired metrics per setting, and per-class accuracy. */
final class DriftTables {
    static final List<String> METRIC_COLUMNS = List.of("accuracy [95% CI]", "change vs clean", "flip rate [95% CI]",
            "right → wrong", "wrong → right", "McNemar p");

    private DriftTables() {
    }

    /** The metric cells of one setting, in {@link #METRIC_COLUMNS} order. */
    static List<String> metricCells(SettingResult r) {
        return List.of(Format.withInterval(r.accuracy()), DriftText.signed(r.accuracy().value() - r.counts().cleanAccuracy()), Format.withInterval(r.flipRate()),
                Integer.toString(r.counts().turnedWrong()), Integer.toString(r.counts().turnedRight()), DriftText.pValue(r.mcnemarP()));
    }

    /** One row per setting: its label, then the metric cells. */
    static DataTable paired(String title, String firstColumn, List<SettingResult> results) {
        List<String> columns = new ArrayList<>();
        columns.add(firstColumn);
        columns.addAll(METRIC_COLUMNS);
        List<List<String>> rows = new ArrayList<>();
        for (SettingResult r : results) {
            List<String> row = new ArrayList<>();
            row.add(r.label());
            row.addAll(metricCells(r));
            rows.add(row);
        }
        return new DataTable(title, columns, rows);
    }

    /** Per class: samples, clean accuracy, then the accuracy under each result's setting. */
    static DataTable perClass(String title, List<String> classes, List<SettingResult> results) {
        List<String> columns = new ArrayList<>(List.of("class", "samples", "clean"));
        results.forEach(r -> columns.add(r.label()));
        List<List<String>> rows = new ArrayList<>();
        PairedCounts first = results.get(0).counts();
        for (int c = 0; c < classes.size(); c++) {
            if (first.classSamples()[c] == 0) {
                continue;
            }
            List<String> row = new ArrayList<>(List.of(classes.get(c), Integer.toString(first.classSamples()[c]),
                    Format.share((double) first.classCleanCorrect()[c] / first.classSamples()[c])));
            for (SettingResult r : results) {
                Metric m = r.classAccuracy().get(c);
                row.add(m == null ? "n/a" : Format.share(m.value()));
            }
            rows.add(row);
        }
        return new DataTable(title, columns, rows);
    }
}
