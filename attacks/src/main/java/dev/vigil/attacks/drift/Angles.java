package dev.vigil.attacks.drift;

import java.math.BigDecimal;

/** How angles appear in metric names and labels: "15", "-30", "22.5", never "15.0". */
final class Angles {
    private Angles() {
    }

    static String format(double degrees) {
        if (degrees == Math.rint(degrees) && Math.abs(degrees) < 1e15) {
            return Long.toString((long) degrees);
        }
        return new BigDecimal(Double.toString(degrees)).stripTrailingZeros().toPlainString();
    }

    /** A file-name-safe form: "m15" for −15, "22p5" for 22.5. */
    static String slug(double degrees) {
        return format(degrees).replace('-', 'm').replace('.', 'p');
    }
}
