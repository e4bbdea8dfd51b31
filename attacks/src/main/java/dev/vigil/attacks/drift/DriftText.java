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

    /** A signed change in accuracy, e.g. "-0.0450"; no change is "0.0000", not "-0.0000". */
    static String signed(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        String text = String.format(Locale.ROOT, "%+.4f", value);
        return text.substring(1).equals("0.0000") ? "0.0000" : text;
    }

    /** A list of severities or angles as "1, 2, 3". */
    static String list(java.util.List<?> values) {
        return String.join(", ", values.stream().map(String::valueOf).toList());
    }

    static String share(double value) {
        return Format.share(value);
    }

    static String rate(double imagesPerSecond) {
        return String.format(Locale.ROOT, "%.0f", imagesPerSecond);
    }
}
