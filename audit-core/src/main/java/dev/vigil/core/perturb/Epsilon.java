package dev.vigil.core.perturb;

import dev.vigil.core.InputError;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A perturbation budget in pixel space, kept as the user wrote it ("8/255", "0.5") for metric names
 * and reports, and as a number for the arithmetic.
 */
public record Epsilon(@com.fasterxml.jackson.annotation.JsonValue String text, double value) {
    public Epsilon {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new InputError("The epsilon '" + text + "' must be a finite number of at least 0.");
        }
    }

    /** Parses a decimal ("0.5", "1e-2") or a fraction ("8/255"); {@code option} names the flag for the error message. */
    public static Epsilon parse(String text, String option) {
        String t = text.strip();
        try {
            int slash = t.indexOf('/');
            double value = slash < 0 ? Double.parseDouble(t)
                    : Double.parseDouble(t.substring(0, slash).strip()) / Double.parseDouble(t.substring(slash + 1).strip());
            if (!t.isEmpty() && !Double.isNaN(value) && !Double.isInfinite(value) && value >= 0) {
                return new Epsilon(t, value);
            }
        } catch (NumberFormatException ignored) {
            // one message below covers every malformed value
        }
        throw new InputError(option + " takes non-negative numbers or fractions such as 8/255 or 0.5, not '" + text + "'.");
    }

    /** Parses a list, sorted by value; the same budget twice is a mistake worth naming. */
    public static List<Epsilon> parseList(List<String> texts, String option) {
        if (texts == null || texts.isEmpty()) {
            throw new InputError(option + " needs at least one value, for example 1/255,2/255,4/255,8/255.");
        }
        List<Epsilon> out = new ArrayList<>();
        for (String t : texts) {
            Epsilon e = parse(t, option);
            for (Epsilon seen : out) {
                if (seen.value() == e.value()) {
                    throw new InputError(option + " lists the same budget twice ('" + seen.text() + "' and '" + e.text() + "'); give each once.");
                }
            }
            out.add(e);
        }
        out.sort(Comparator.comparingDouble(Epsilon::value));
        return List.copyOf(out);
    }

    /** The setting as written in metric names and sample rows: {@code eps=8/255}. */
    public String parameter() {
        return "eps=" + text;
    }

    @Override
    public String toString() {
        return text;
    }
}
