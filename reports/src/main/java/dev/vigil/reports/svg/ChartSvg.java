package dev.vigil.reports.svg;

import dev.vigil.core.result.Chart;
import dev.vigil.core.result.ChartSeries;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Draws a {@link Chart} as inline SVG: a line chart with shaded 95% interval bands, or a bar chart
 * with error bars; axes with labels, a legend, and an accessible title and description that state
 * every value, so screen readers and text-only readers get the data too. No scripts, no external
 * references. One instance draws all charts of one report, so element ids stay unique.
 */
public final class ChartSvg {
    static final double WIDTH = 680;
    static final double PLOT_HEIGHT = 230;
    static final double LEFT = 62;
    static final double RIGHT = 16;
    static final double CHAR = 6.4;
    static final int MAX_LABEL = 22;
    static final int MAX_LABELS = 40;

    private int charts;

    /** The chart as an {@code <svg>} element of the standard size. */
    public String render(Chart chart) {
        return render(chart, WIDTH, PLOT_HEIGHT);
    }

    /** The chart drawn {@code width} units wide with a plot area {@code plotHeight} high (text stays 11 units). */
    public String render(Chart chart, double width, double plotHeight) {
        return render(chart, width, plotHeight, width);
    }

    /**
     * As {@link #render(Chart, double, double)}, with the {@code width} and {@code height} attributes scaled so that
     * the chart is {@code displayWidth} CSS pixels wide where no style sheet sizes it (a PDF renderer sizes inline
     * SVG by these attributes alone; a browser's style sheet may still scale it).
     */
    public String render(Chart chart, double width, double plotHeight, double displayWidth) {
        String id = "chart-" + (++charts);
        List<String> x = chart.x();
        List<ChartSeries> series = chart.series();
        boolean bars = "bar".equals(chart.kind());
        double plotWidth = width - LEFT - RIGHT;
        double slot = x.isEmpty() ? plotWidth : plotWidth / x.size();
        int longest = x.stream().mapToInt(s -> Math.min(MAX_LABEL, s.length())).max().orElse(1);
        // With many categories (a thousand classes, say) only every k-th gets a label; the description and the data table have them all.
        int every = Math.max(1, (int) Math.ceil(x.size() / (double) MAX_LABELS));
        boolean rotate = longest * CHAR > slot * every * 0.92;
        double labelHeight = rotate ? longest * CHAR * 0.64 + 14 : 16;
        List<double[]> legendItems = new ArrayList<>();
        double top = legend(series, chart, legendItems, width);
        double plotBottom = top + plotHeight;
        double height = plotBottom + 8 + labelHeight + 22;
        Scale scale = scale(series);

        Svg svg = new Svg();
        double display = displayWidth / width;
        svg.open("svg", "viewBox", "0 0 " + Svg.num(width) + " " + Svg.num(height), "width", Svg.num(width * display),
                "height", Svg.num(height * display), "role", "img", "aria-labelledby", id + "-title " + id + "-desc", "class", "chart",
                "font-size", "11");
        svg.element("title", chart.title(), "id", id + "-title");
        svg.element("desc", ChartDescription.of(chart), "id", id + "-desc");
        if (bars) {
            patterns(svg, id, series);
        }
        axes(svg, chart, scale, top, plotBottom, slot, every, rotate, height, width);
        if (x.isEmpty() || series.isEmpty()) {
            svg.element("text", "no data", "x", Svg.num(LEFT + plotWidth / 2), "y", Svg.num(top + plotHeight / 2), "text-anchor", "middle");
        } else if (bars) {
            bars(svg, id, chart, scale, top, plotBottom, slot);
        } else {
            lines(svg, chart, scale, top, plotBottom, slot);
        }
        drawLegend(svg, id, series, bars, legendItems, chart);
        return svg.close("svg").toString();
    }

    private static Scale scale(List<ChartSeries> series) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (ChartSeries s : series) {
            for (List<Double> values : java.util.Arrays.asList(s.y(), s.lower(), s.upper())) {
                if (values == null) {
                    continue;
                }
                for (Double v : values) {
                    if (valid(v)) {
                        lo = Math.min(lo, v);
                        hi = Math.max(hi, v);
                    }
                }
            }
        }
        return lo > hi ? Scale.of(0, 1) : Scale.of(lo, hi);
    }

    static boolean valid(Double v) {
        return v != null && !v.isNaN() && !v.isInfinite();
    }

    static Double at(List<Double> values, int i) {
        return values == null || i >= values.size() ? null : values.get(i);
    }

    private static double cx(int i, double slot) {
        return LEFT + (i + 0.5) * slot;
    }

    /** Lays out legend items in rows above the plot; returns the plot's top edge. */
    private static double legend(List<ChartSeries> series, Chart chart, List<double[]> items, double width) {
        double x = LEFT;
        double y = 14;
        List<String> names = legendNames(series, chart);
        for (String name : names) {
            double w = 34 + Math.min(40, name.length()) * CHAR + 18;
            if (x + w > width - RIGHT && x > LEFT) {
                x = LEFT;
                y += 18;
            }
            items.add(new double[] {x, y});
            x += w;
        }
        return y + 16;
    }

    private static List<String> legendNames(List<ChartSeries> series, Chart chart) {
        List<String> names = new ArrayList<>(series.stream().map(ChartSeries::name).toList());
        if (series.stream().anyMatch(s -> s.lower() != null && s.upper() != null)) {
            names.add("bar".equals(chart.kind()) ? "error bars: 95% interval" : "shaded band: 95% interval");
        }
        return names;
    }

    private static void drawLegend(Svg svg, String id, List<ChartSeries> series, boolean bars, List<double[]> items, Chart chart) {
        List<String> names = legendNames(series, chart);
        svg.open("g", "class", "legend");
        for (int i = 0; i < names.size(); i++) {
            double x = items.get(i)[0];
            double y = items.get(i)[1];
            if (i < series.size()) {
                SeriesStyle style = SeriesStyle.of(i);
                if (bars) {
                    svg.empty("rect", "x", Svg.num(x), "y", Svg.num(y - 9), "width", "26", "height", "11", "fill", fill(id, i, style),
                            "stroke", style.colour());
                } else {
                    svg.empty("line", "x1", Svg.num(x), "y1", Svg.num(y - 4), "x2", Svg.num(x + 26), "y2", Svg.num(y - 4),
                            "stroke", style.colour(), "stroke-width", "2", "stroke-dasharray", style.dash().isEmpty() ? "none" : style.dash());
                    style.marker(svg, x + 13, y - 4, names.get(i));
                }
            } else if (bars) {
                svg.empty("path", "d", "M" + Svg.num(x + 13) + " " + Svg.num(y - 10) + "V" + Svg.num(y + 1) + "M" + Svg.num(x + 8) + " "
                        + Svg.num(y - 10) + "H" + Svg.num(x + 18) + "M" + Svg.num(x + 8) + " " + Svg.num(y + 1) + "H" + Svg.num(x + 18),
                        "stroke", "#333", "stroke-width", "1.2");
            } else {
                svg.empty("rect", "x", Svg.num(x), "y", Svg.num(y - 10), "width", "26", "height", "12", "fill", "#777", "fill-opacity", "0.25");
            }
            svg.element("text", clip(names.get(i), 40), "x", Svg.num(x + 32), "y", Svg.num(y));
        }
        svg.close("g");
    }

    private static void axes(Svg svg, Chart chart, Scale scale, double top, double bottom, double slot, int every, boolean rotate,
                             double height, double width) {
        double right = width - RIGHT;
        svg.open("g", "class", "axes");
        for (double t : scale.ticks()) {
            double y = scale.toPixel(t, bottom, top);
            svg.empty("line", "x1", Svg.num(LEFT), "y1", Svg.num(y), "x2", Svg.num(right), "y2", Svg.num(y), "stroke", "#d9dde3",
                    "stroke-width", "1");
            svg.element("text", scale.label(t), "x", Svg.num(LEFT - 6), "y", Svg.num(y + 4), "text-anchor", "end");
        }
        svg.empty("line", "x1", Svg.num(LEFT), "y1", Svg.num(top), "x2", Svg.num(LEFT), "y2", Svg.num(bottom), "stroke", "#333");
        svg.empty("line", "x1", Svg.num(LEFT), "y1", Svg.num(bottom), "x2", Svg.num(right), "y2", Svg.num(bottom), "stroke", "#333");
        List<String> x = chart.x();
        for (int i = 0; i < x.size(); i += every) {
            double cx = cx(i, slot);
            svg.empty("line", "x1", Svg.num(cx), "y1", Svg.num(bottom), "x2", Svg.num(cx), "y2", Svg.num(bottom + 4), "stroke", "#333");
            String label = clip(x.get(i), MAX_LABEL);
            if (rotate) {
                svg.open("text", "x", Svg.num(cx), "y", Svg.num(bottom + 12), "text-anchor", "end",
                        "transform", "rotate(-40 " + Svg.num(cx) + " " + Svg.num(bottom + 12) + ")");
            } else {
                svg.open("text", "x", Svg.num(cx), "y", Svg.num(bottom + 16), "text-anchor", "middle");
            }
            svg.raw(Svg.text(label));
            if (!label.equals(x.get(i))) {
                svg.element("title", x.get(i));
            }
            svg.close("text");
        }
        svg.element("text", chart.xLabel(), "x", Svg.num(LEFT + (right - LEFT) / 2), "y", Svg.num(height - 6), "text-anchor", "middle",
                "class", "axis-label", "font-weight", "600");
        double midY = (top + bottom) / 2;
        svg.element("text", chart.yLabel(), "x", "14", "y", Svg.num(midY), "text-anchor", "middle", "class", "axis-label",
                "font-weight", "600", "transform", "rotate(-90 14 " + Svg.num(midY) + ")");
        svg.close("g");
    }

    private static void lines(Svg svg, Chart chart, Scale scale, double top, double bottom, double slot) {
        int n = chart.x().size();
        for (int s = 0; s < chart.series().size(); s++) {
            ChartSeries series = chart.series().get(s);
            SeriesStyle style = SeriesStyle.of(s);
            svg.open("g", "class", "series");
            // Interval bands over runs of consecutive points that have both bounds; a lone point gets a whisker.
            int i = 0;
            while (i < n) {
                int j = i;
                while (j < n && valid(at(series.lower(), j)) && valid(at(series.upper(), j))) {
                    j++;
                }
                if (j - i >= 2) {
                    StringBuilder points = new StringBuilder();
                    for (int k = i; k < j; k++) {
                        points.append(Svg.num(cx(k, slot))).append(',').append(Svg.num(scale.toPixel(series.upper().get(k), bottom, top))).append(' ');
                    }
                    for (int k = j - 1; k >= i; k--) {
                        points.append(Svg.num(cx(k, slot))).append(',').append(Svg.num(scale.toPixel(series.lower().get(k), bottom, top))).append(' ');
                    }
                    svg.empty("polygon", "points", points.toString().strip(), "fill", style.colour(), "fill-opacity", "0.16", "stroke", "none");
                } else if (j - i == 1) {
                    whisker(svg, cx(i, slot), scale.toPixel(series.lower().get(i), bottom, top),
                            scale.toPixel(series.upper().get(i), bottom, top), style.colour());
                }
                i = Math.max(j, i + 1);
            }
            StringBuilder path = new StringBuilder();
            boolean pen = false;
            for (int k = 0; k < n; k++) {
                Double y = at(series.y(), k);
                if (!valid(y)) {
                    pen = false;
                    continue;
                }
                path.append(pen ? "L" : "M").append(Svg.num(cx(k, slot))).append(' ').append(Svg.num(scale.toPixel(y, bottom, top)));
                pen = true;
            }
            if (path.length() > 0) {
                svg.empty("path", "d", path.toString(), "fill", "none", "stroke", style.colour(), "stroke-width", "2",
                        "stroke-dasharray", style.dash().isEmpty() ? "none" : style.dash());
            }
            for (int k = 0; k < n; k++) {
                Double y = at(series.y(), k);
                if (valid(y)) {
                    style.marker(svg, cx(k, slot), scale.toPixel(y, bottom, top),
                            series.name() + ", " + chart.x().get(k) + ": " + ChartDescription.point(series, k));
                }
            }
            svg.close("g");
        }
    }

    private static void bars(Svg svg, String id, Chart chart, Scale scale, double top, double bottom, double slot) {
        int n = chart.x().size();
        int count = chart.series().size();
        double group = slot * 0.72;
        double width = group / count;
        double base = scale.toPixel(Math.max(scale.min(), Math.min(0, scale.max())), bottom, top);
        for (int s = 0; s < count; s++) {
            ChartSeries series = chart.series().get(s);
            SeriesStyle style = SeriesStyle.of(s);
            svg.open("g", "class", "series");
            for (int k = 0; k < n; k++) {
                Double y = at(series.y(), k);
                if (!valid(y)) {
                    continue;
                }
                double x = cx(k, slot) - group / 2 + s * width;
                double py = scale.toPixel(y, bottom, top);
                svg.open("rect", "x", Svg.num(x + 1), "y", Svg.num(Math.min(py, base)), "width", Svg.num(Math.max(1, width - 2)),
                        "height", Svg.num(Math.abs(base - py)), "fill", fill(id, s, style), "stroke", style.colour());
                svg.element("title", series.name() + ", " + chart.x().get(k) + ": " + ChartDescription.point(series, k));
                svg.close("rect");
                Double lo = at(series.lower(), k);
                Double hi = at(series.upper(), k);
                if (valid(lo) && valid(hi)) {
                    whisker(svg, x + width / 2, scale.toPixel(lo, bottom, top), scale.toPixel(hi, bottom, top), "#222");
                }
            }
            svg.close("g");
        }
    }

    private static void whisker(Svg svg, double x, double yLow, double yHigh, String colour) {
        String d = "M" + Svg.num(x) + " " + Svg.num(yLow) + "V" + Svg.num(yHigh) + "M" + Svg.num(x - 4) + " " + Svg.num(yLow) + "H"
                + Svg.num(x + 4) + "M" + Svg.num(x - 4) + " " + Svg.num(yHigh) + "H" + Svg.num(x + 4);
        svg.empty("path", "d", d, "stroke", colour, "stroke-width", "1.3", "fill", "none");
    }

    /** Hatching for every second bar series, so that bars differ by more than colour. */
    private static void patterns(Svg svg, String id, List<ChartSeries> series) {
        svg.open("defs");
        for (int s = 0; s < series.size(); s++) {
            SeriesStyle style = SeriesStyle.of(s);
            if (style.hatched()) {
                svg.open("pattern", "id", id + "-hatch-" + s, "width", "6", "height", "6", "patternUnits", "userSpaceOnUse",
                        "patternTransform", "rotate(45)");
                svg.empty("rect", "width", "6", "height", "6", "fill", "#fff");
                svg.empty("line", "x1", "0", "y1", "0", "x2", "0", "y2", "6", "stroke", style.colour(), "stroke-width", "3");
                svg.close("pattern");
            }
        }
        svg.close("defs");
    }

    private static String fill(String id, int s, SeriesStyle style) {
        return style.hatched() ? "url(#" + id + "-hatch-" + s + ")" : style.colour();
    }

    static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    static String format(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }
}
