package dev.vigil.reports.svg;

/**
 * How one series is drawn. Series differ by colour (Okabe-Ito, safe for colour-blind readers) and
 * also by dash pattern, marker shape and bar hatching, so that they stay apart in grayscale print.
 */
record SeriesStyle(String colour, String dash, String marker, boolean hatched) {
    private static final String[] COLOURS = {"#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"};
    private static final String[] DASHES = {"", "7 3", "2 3", "9 3 2 3", "4 4", "12 4"};
    private static final String[] MARKERS = {"circle", "square", "triangle", "diamond", "triangle-down", "cross"};

    static SeriesStyle of(int index) {
        return new SeriesStyle(COLOURS[index % COLOURS.length], DASHES[index % DASHES.length],
                MARKERS[index % MARKERS.length], index % 2 == 1);
    }

    /** The marker centred at (x, y), with a tooltip. */
    void marker(Svg svg, double x, double y, String tooltip) {
        double r = 4;
        String fill = colour;
        switch (marker) {
            case "circle" -> svg.open("circle", "cx", Svg.num(x), "cy", Svg.num(y), "r", Svg.num(r), "fill", fill);
            case "square" -> svg.open("rect", "x", Svg.num(x - r), "y", Svg.num(y - r), "width", Svg.num(2 * r),
                    "height", Svg.num(2 * r), "fill", fill);
            case "triangle" -> svg.open("polygon", "points", points(x, y - r - 1, x - r - 1, y + r, x + r + 1, y + r), "fill", fill);
            case "triangle-down" -> svg.open("polygon", "points", points(x, y + r + 1, x - r - 1, y - r, x + r + 1, y - r), "fill", fill);
            case "diamond" -> svg.open("polygon", "points", points(x, y - r - 1, x + r + 1, y, x, y + r + 1, x - r - 1, y), "fill", fill);
            default -> svg.open("path", "d", "M" + Svg.num(x - r) + " " + Svg.num(y) + "H" + Svg.num(x + r) + "M" + Svg.num(x) + " "
                    + Svg.num(y - r) + "V" + Svg.num(y + r), "stroke", fill, "stroke-width", "2.5");
        }
        svg.element("title", tooltip);
        svg.close(switch (marker) {
            case "circle" -> "circle";
            case "square" -> "rect";
            case "triangle", "triangle-down", "diamond" -> "polygon";
            default -> "path";
        });
    }

    private static String points(double... xy) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < xy.length; i += 2) {
            b.append(i == 0 ? "" : " ").append(Svg.num(xy[i])).append(',').append(Svg.num(xy[i + 1]));
        }
        return b.toString();
    }
}
