package dev.vigil.core.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;

/**
 * One policy rule: the named metric, compared with a threshold, must hold.
 *
 * @param bound    gate on the point value or on one end of the metric's 95% interval
 * @param minCount below this many samples the rule is inconclusive; null for no minimum
 * @param description why the rule exists, in the policy author's words; may be null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Rule(String metric, @JsonProperty("op") Comparison comparison, double threshold, Bound bound,
                   Severity severity, Integer minCount, String description) {
    public Rule {
        if (metric == null || metric.isBlank() || comparison == null || bound == null || severity == null) {
            throw new IllegalArgumentException("a rule needs a metric, a comparison, a bound and a severity");
        }
    }

    /** The rule as one line, e.g. {@code pgd.linf.eps=8/255.robust_accuracy (lower 95% bound) >= 0.4}. */
    public String text() {
        String subject = bound == Bound.VALUE ? metric : metric + " (" + bound.word() + " 95% bound)";
        return subject + " " + comparison.symbol() + " " + formatNumber(threshold);
    }

    /** A threshold as written: no trailing zeros, no exponent. */
    public static String formatNumber(double x) {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return Double.toString(x);
        }
        return new BigDecimal(Double.toString(x)).stripTrailingZeros().toPlainString();
    }
}
