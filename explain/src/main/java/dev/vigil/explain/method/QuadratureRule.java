package dev.vigil.explain.method;

import dev.vigil.core.InputError;
import java.util.Locale;

/**
 * How Integrated Gradients approximates ∫₀¹ ∇f(x' + α(x − x')) dα with {@code steps} gradient
 * evaluations: the positions α_k on [0, 1] and their weights, which sum to 1.
 */
public enum QuadratureRule {
    /** Gauss–Legendre nodes mapped to [0, 1]: exact for polynomials of degree 2·steps − 1 (the default). */
    GAUSS_LEGENDRE("gauss-legendre"),
    /** Riemann sum at the midpoints (k + ½)/steps, each weighted 1/steps. */
    MIDPOINT("midpoint"),
    /** Trapezoid rule on steps equally spaced points from 0 to 1 (both ends included; needs steps ≥ 2). */
    TRAPEZOID("trapezoid");

    private final String option;

    QuadratureRule(String option) {
        this.option = option;
    }

    @com.fasterxml.jackson.annotation.JsonValue
    public String option() {
        return option;
    }

    /** Positions and weights on [0, 1]. */
    public record Points(double[] alphas, double[] weights) {
        public int size() {
            return alphas.length;
        }
    }

    public Points points(int steps) {
        int min = this == TRAPEZOID ? 2 : 1;
        if (steps < min) {
            throw new InputError("--ig-steps must be at least " + min + " for the " + option + " rule, not " + steps + ".");
        }
        double[] alphas = new double[steps];
        double[] weights = new double[steps];
        switch (this) {
            case GAUSS_LEGENDRE -> {
                GaussLegendre.Rule rule = GaussLegendre.of(steps);
                for (int k = 0; k < steps; k++) {
                    alphas[k] = (rule.nodes()[k] + 1) / 2;
                    weights[k] = rule.weights()[k] / 2;
                }
            }
            case MIDPOINT -> {
                for (int k = 0; k < steps; k++) {
                    alphas[k] = (k + 0.5) / steps;
                    weights[k] = 1.0 / steps;
                }
            }
            case TRAPEZOID -> {
                for (int k = 0; k < steps; k++) {
                    alphas[k] = (double) k / (steps - 1);
                    weights[k] = (k == 0 || k == steps - 1 ? 0.5 : 1.0) / (steps - 1);
                }
            }
        }
        return new Points(alphas, weights);
    }

    public static QuadratureRule parse(String text) {
        for (QuadratureRule r : values()) {
            if (r.option.equals(text.trim().toLowerCase(Locale.ROOT))) {
                return r;
            }
        }
        throw new InputError("--ig-rule must be gauss-legendre, midpoint or trapezoid, not '" + text + "'.");
    }
}
