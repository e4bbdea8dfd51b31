package dev.vigil.reports.svg;

import dev.vigil.core.result.Chart;
import dev.vigil.core.result.ChartSeries;
import java.util.ArrayList;
import java.util.List;

/** The text a screen reader reads for a chart: what it plots and every value with its interval. */
final class ChartDescription {
    private ChartDescription() {
    }

    static String of(Chart chart) {
        boolean bars = "bar".equals(chart.kind());
        StringBuilder b = new StringBuilder(bars ? "Bar chart" : "Line chart");
        b.append(" of ").append(chart.yLabel()).append(" (vertical axis) against ").append(chart.xLabel()).append(" (horizontal axis)");
        if (chart.series().stream().anyMatch(s -> s.lower() != null && s.upper() != null)) {
            b.append(bars ? ", with error bars" : ", with shaded bands").append(" for 95% intervals");
        }
        b.append('.');
        for (ChartSeries s : chart.series()) {
            List<String> points = new ArrayList<>();
            for (int i = 0; i < chart.x().size(); i++) {
                points.add(chart.x().get(i) + ": " + point(s, i));
            }
            b.append(' ').append(s.name()).append(" — ").append(String.join("; ", points)).append('.');
        }
        return b.toString();
    }

    /** One value with its interval, e.g. {@code 0.8350 [0.7773, 0.8800]}, or "no value". */
    static String point(ChartSeries s, int i) {
        Double y = ChartSvg.at(s.y(), i);
        if (!ChartSvg.valid(y)) {
            return "no value";
        }
        Double lo = ChartSvg.at(s.lower(), i);
        Double hi = ChartSvg.at(s.upper(), i);
        String value = ChartSvg.format(y);
        return ChartSvg.valid(lo) && ChartSvg.valid(hi) ? value + " [" + ChartSvg.format(lo) + ", " + ChartSvg.format(hi) + "]" : value;
    }
}
