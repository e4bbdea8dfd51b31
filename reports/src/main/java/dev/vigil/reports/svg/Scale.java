package dev.vigil.reports.svg;

import java.util.ArrayList;
import java.util.List;

/**
 * A linear value axis with "nice" ticks (1, 2 or 5 times a power of ten). Shares and rates that
 * stay within [0, 1] always get the full [0, 1] axis, so charts of accuracy compare at a glance.
 */
record Scale(double min, double max, List<Double> ticks) {
    static Scale of(double dataMin, double dataMax) {
        if (Double.isNaN(dataMin) || Double.isNaN(dataMax)) {
            return of(0, 1);
        }
        double lo = Math.min(0, dataMin);
        double hi = Math.max(dataMax, lo);
        if (lo >= 0 && hi <= 1) {
            return new Scale(0, 1, List.of(0.0, 0.2, 0.4, 0.6, 0.8, 1.0));
        }
        if (hi == lo) {
            hi = lo + 1;
        }
        double step = niceStep((hi - lo) / 5);
        double start = Math.floor(lo / step) * step;
        double end = Math.ceil(hi / step) * step;
        List<Double> ticks = new ArrayList<>();
        for (double t = start; t <= end + step / 2; t += step) {
            ticks.add(Math.abs(t) < step * 1e-9 ? 0.0 : t);
        }
        return new Scale(start, end, ticks);
    }

    static double niceStep(double rough) {
        double power = Math.pow(10, Math.floor(Math.log10(rough)));
        double f = rough / power;
        double nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10;
        return nice * power;
    }

    /** The pixel position of {@code v} on an axis running from {@code bottom} (min) up to {@code top} (max). */
    double toPixel(double v, double bottom, double top) {
        return bottom - (v - min) / (max - min) * (bottom - top);
    }

    String label(double tick) {
        double step = ticks.size() > 1 ? ticks.get(1) - ticks.get(0) : 1;
        int decimals = Math.max(0, (int) Math.ceil(-Math.log10(step) - 1e-9));
        return String.format(java.util.Locale.ROOT, "%." + decimals + "f", tick);
    }
}
