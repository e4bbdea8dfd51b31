package dev.vigil.core.result;

import java.util.Locale;

/** Number formats shared by tables and summaries. */
public final class Format {
    private Format() {
    }

    public static String share(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.4f", value);
    }

    public static String percent(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100 * value);
    }

    public static String withInterval(Metric m) {
        return m.hasInterval()
                ? String.format(Locale.ROOT, "%s [%s, %s]", share(m.value()), share(m.lower()), share(m.upper()))
                : share(m.value());
    }

    public static String number(double value, int decimals) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    /**
     * The shortest decimal text that reads back as exactly {@code value}: a value that is a float (most
     * of Vigil's probabilities and sizes are) in float's shortest form, any other in double's.
     */
    public static String exact(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        float f = (float) value;
        return f == value ? Float.toString(f) : Double.toString(value);
    }
}
