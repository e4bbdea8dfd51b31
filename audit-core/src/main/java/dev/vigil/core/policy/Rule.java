package dev.vigil.core.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One policy rule: the named metric, compared with a threshold, must hold.
 *
 * @param bound    gate on the point value or on one end of the metric's 95% interval
 * @param minCount below this many samples the rule is inconclusive; null for no minimum
 * @param description why the rule exists, in the policy author's words; may be null
 * @param waivedUntil the last day (ISO date, UTC) on which a failure of the rule is waived rather than gating; null for none
 * @param waiverReason why the failure is accepted until then; set exactly when {@code waivedUntil} is
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Rule(String metric, @JsonProperty("op") Comparison comparison, double threshold, Bound bound,
                   Severity severity, Integer minCount, String description, String waivedUntil, String waiverReason) {
    public Rule {
        if (metric == null || metric.isBlank() || comparison == null || bound == null || severity == null) {
            throw new IllegalArgumentException("a rule needs a metric, a comparison, a bound and a severity");
        }
        if ((waivedUntil == null) != (waiverReason == null)) {
            throw new IllegalArgumentException("a waiver needs both a date and a reason");
        }
        if (waivedUntil != null) {
            LocalDate.parse(waivedUntil);
        }
    }

    /** A rule without a waiver. */
    public Rule(String metric, Comparison comparison, double threshold, Bound bound, Severity severity, Integer minCount,
                String description) {
        this(metric, comparison, threshold, bound, severity, minCount, description, null, null);
    }

    /** The last day the rule's failure is waived, or null. */
    public LocalDate waiverDate() {
        return waivedUntil == null ? null : LocalDate.parse(waivedUntil);
    }

    /** Whether the rule counts samples ({@code new_failures(M)}, {@code new_passes(M)}), so its numbers are whole. */
    public boolean countsSamples() {
        DeltaTerm t = deltaTerm();
        return t != null && t.kind() != DeltaTerm.Kind.DELTA;
    }

    /** The term of a rule on a comparison with a baseline ({@code delta(M)} ...), or null for a rule on one audit. */
    public DeltaTerm deltaTerm() {
        return DeltaTerm.parse(metric).orElse(null);
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
