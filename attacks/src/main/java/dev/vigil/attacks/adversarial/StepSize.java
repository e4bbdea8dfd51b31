package dev.vigil.attacks.adversarial;

import dev.vigil.core.InputError;
import dev.vigil.core.perturb.Epsilon;

/**
 * The PGD step size: a fraction of each epsilon ("eps/4", the default) or one absolute size for
 * every epsilon ("1/255").
 *
 * @param relative the factor applied to epsilon, or 0 when {@code absolute} is set
 * @param absolute a fixed step in pixel units, or null when the step is relative
 */
public record StepSize(double relative, Epsilon absolute) {
    public static final StepSize QUARTER_OF_EPS = new StepSize(0.25, null);

    public static StepSize parse(String text) {
        String t = text.strip().toLowerCase(java.util.Locale.ROOT).replace(" ", "");
        String error = "--pgd-step-size takes a share of epsilon such as eps/4 or 0.25*eps, or a fixed size such as 1/255, not '"
                + text + "'.";
        try {
            if (t.equals("eps")) {
                return new StepSize(1, null);
            }
            double factor = Double.NaN;
            if (t.startsWith("eps/")) {
                factor = 1 / Double.parseDouble(t.substring(4));
            } else if (t.startsWith("eps*")) {
                factor = Double.parseDouble(t.substring(4));
            } else if (t.endsWith("*eps")) {
                factor = Double.parseDouble(t.substring(0, t.length() - 4));
            } else if (!t.contains("eps")) {
                Epsilon fixed = Epsilon.parse(text, "--pgd-step-size");
                if (fixed.value() > 0) {
                    return new StepSize(0, fixed);
                }
            }
            if (factor > 0 && !Double.isInfinite(factor)) {
                return new StepSize(factor, null);
            }
        } catch (NumberFormatException | InputError ignored) {
            // one message below covers every malformed value
        }
        throw new InputError(error);
    }

    public double at(double eps) {
        return absolute != null ? absolute.value() : relative * eps;
    }

    @Override
    @com.fasterxml.jackson.annotation.JsonValue
    public String toString() {
        if (absolute != null) {
            return absolute.text();
        }
        double inverse = 1 / relative;
        return inverse == Math.rint(inverse) ? "eps/" + (long) inverse : relative + "*eps";
    }
}
