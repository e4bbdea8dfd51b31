package dev.vigil.core.result;

import java.util.List;

/**
 * A chart the report draws as inline SVG. The x values are category labels in order (epsilons,
 * angles, severities, classes); every series has one y value per category.
 *
 * @param kind "line" or "bar"
 */
public record Chart(String title, String kind, String xLabel, String yLabel, List<String> x, List<ChartSeries> series) {
    public Chart {
        x = List.copyOf(x);
        series = List.copyOf(series);
    }
}
