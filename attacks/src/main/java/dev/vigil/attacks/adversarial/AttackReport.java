package dev.vigil.attacks.adversarial;

import dev.vigil.core.result.Chart;
import dev.vigil.core.result.ChartSeries;
import dev.vigil.core.result.DataTable;
import dev.vigil.core.result.Figure;
import dev.vigil.core.result.Format;
import dev.vigil.core.result.Metric;
import dev.vigil.core.result.Section;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report section of one attack over its norms: per norm a robust-accuracy-versus-ε
 * chart with 95% bands (starting at clean accuracy, ε = 0), a table per ε, a per-class table and the
 * distribution of the smallest flipping ε; then the evidence images.
 */
final class AttackReport {
    private AttackReport() {
    }

    /**
     * @param summaries   the attack's sweeps, one per norm
     * @param comparisons sweeps of another attack to draw beside each norm's curve (FGSM under PGD), may be empty
     */
    static Section section(AttackDefinition kind, String summary, Map<String, String> settings, List<SweepSummary> summaries,
                           List<SweepSummary> comparisons, Metric cleanAccuracy, List<String> classNames, List<Figure> figures) {
        List<DataTable> tables = new ArrayList<>();
        List<Chart> charts = new ArrayList<>();
        for (SweepSummary s : summaries) {
            charts.add(chart(s, comparisons, cleanAccuracy));
            tables.add(byEpsilon(s));
            tables.add(perClass(s, classNames));
            tables.add(firstFlips(s));
        }
        return new Section(kind.id(), "Adversarial robustness: " + kind.title(), summary, settings, tables, charts, figures);
    }

    private static Chart chart(SweepSummary s, List<SweepSummary> comparisons, Metric clean) {
        List<String> x = new ArrayList<>();
        if (startsAboveZero(s)) {
            x.add("0");
        }
        s.results().forEach(r -> x.add(r.epsilon().text()));
        List<ChartSeries> series = new ArrayList<>();
        series.add(curve(s.spec().title(), s, clean));
        for (SweepSummary other : comparisons) {
            if (other.spec().norm() == s.spec().norm() && sameEpsilons(other, s)) {
                series.add(curve(other.spec().title(), other, clean));
            }
        }
        return new Chart(s.spec().title() + ": robust accuracy versus ε (95% interval)", "line", "ε (" + s.spec().norm().symbol() + ", pixel units)",
                "robust accuracy", x, series);
    }

    private static boolean sameEpsilons(SweepSummary a, SweepSummary b) {
        return a.spec().epsilons().equals(b.spec().epsilons());
    }

    /** Whether the curve needs the clean point (ε = 0) in front, because the sweep does not start there. */
    private static boolean startsAboveZero(SweepSummary s) {
        return s.results().get(0).epsilon().value() > 0;
    }

    private static ChartSeries curve(String name, SweepSummary s, Metric clean) {
        List<Double> y = new ArrayList<>();
        List<Double> lo = new ArrayList<>();
        List<Double> hi = new ArrayList<>();
        if (startsAboveZero(s)) {
            y.add(clean.value());
            lo.add(clean.lower());
            hi.add(clean.upper());
        }
        for (EpsilonResult r : s.results()) {
            y.add(r.robustAccuracy().value());
            lo.add(r.robustAccuracy().lower());
            hi.add(r.robustAccuracy().upper());
        }
        return new ChartSeries(name, y, lo, hi);
    }

    private static DataTable byEpsilon(SweepSummary s) {
        boolean targeted = s.spec().targeting().targeted();
        List<String> columns = new ArrayList<>(List.of("ε", "robust accuracy [95% CI]", "attack success rate [95% CI]"));
        if (targeted) {
            columns.add("target hit rate [95% CI]");
        }
        columns.addAll(List.of("true-class probability drop", "L∞ used (mean / max)", "L2 used (mean / max)"));
        List<List<String>> rows = new ArrayList<>();
        for (EpsilonResult r : s.results()) {
            List<String> row = new ArrayList<>(List.of(r.epsilon().text(), Format.withInterval(r.robustAccuracy()),
                    Format.withInterval(r.successRate())));
            if (targeted) {
                row.add(Format.withInterval(r.targetHitRate()));
            }
            row.add(Format.number(r.confidenceDrop().value(), 4));
            row.add(Format.number(r.linfMean().value(), 4) + " / " + Format.number(r.linfMax().value(), 4));
            row.add(Format.number(r.l2Mean().value(), 3) + " / " + Format.number(r.l2Max().value(), 3));
            rows.add(row);
        }
        return new DataTable(s.spec().title() + ": robustness by ε", columns, rows);
    }

    private static DataTable perClass(SweepSummary s, List<String> classNames) {
        List<String> columns = new ArrayList<>(List.of("class"));
        s.results().forEach(r -> columns.add("ε=" + r.epsilon().text()));
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (EpsilonResult r : s.results()) {
            for (Metric m : r.perClass()) {
                String cls = classOf(m.name(), r);
                rows.computeIfAbsent(cls, c -> new ArrayList<>(List.of(c))).add(Format.withInterval(m));
            }
        }
        List<List<String>> ordered = new ArrayList<>();
        for (String c : classNames) {
            if (rows.containsKey(c)) {
                ordered.add(rows.get(c));
            }
        }
        return new DataTable(s.spec().title() + ": robust accuracy per class [95% CI]", columns, ordered);
    }

    private static String classOf(String metricName, EpsilonResult r) {
        String start = r.epsilon().parameter() + ".class.";
        int from = metricName.indexOf(start) + start.length();
        return metricName.substring(from, metricName.length() - ".robust_accuracy".length());
    }

    private static DataTable firstFlips(SweepSummary s) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        s.results().forEach(r -> counts.put(r.epsilon().text(), 0));
        counts.put(SweepSummary.NONE, 0);
        s.firstFlip().keySet().forEach(i -> counts.merge(s.minimalFlip(i), 1, Integer::sum));
        List<List<String>> rows = new ArrayList<>();
        counts.forEach((eps, n) -> rows.add(List.of(eps, Integer.toString(n))));
        return new DataTable(s.spec().title() + ": smallest ε of the sweep that changes the prediction", List.of("smallest ε", "images"), rows);
    }
}
