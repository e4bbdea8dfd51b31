package dev.vigil.attacks.drift;

import dev.vigil.core.result.Format;
import java.util.Locale;

/** Number formats of the drift tables and sentences. */
final class DriftText {
    private DriftText() {
    }

    /** A p-value: three decimals, or scientific notation below 0.001. */
    static String pValue(double p) {
        if (Double.isNaN(p)) {
            return "n/a";
        }
        return p >= 0.001 ? String.format(Locale.ROOT, "%.3f", p) : String.format(Locale.ROOT, "%.1e", p);
    }

    /** A signed change in accuracy, e.g. "+0.0450". */
    static String signed(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%+.4f", value);
    }

    static String share(double value) {
        return Format.share(value);
    }

    static String rate(double imagesPerSecond) {
        return String.format(Locale.ROOT, "%.0f", imagesPerSecond);
    }
}
