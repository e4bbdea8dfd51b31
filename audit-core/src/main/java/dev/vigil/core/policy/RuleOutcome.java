package dev.vigil.core.policy;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What one rule found on one set of results.
 *
 * @param value  the metric's point value, or null when the metric is absent
 * @param lower  the lower end of its 95% interval, or null
 * @param upper  the upper end of its 95% interval, or null
 * @param count  the samples the metric rests on, or null
 * @param gated  the number compared with the threshold (value, lower or upper), or null when none could be
 * @param reason one sentence saying why the rule has this status (and what its waiver did)
 * @param waiver whether the rule's waiver held on the day of the gate; null when the rule has none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RuleOutcome(Rule rule, Status status, Double value, Double lower, Double upper, Integer count,
                          Double gated, String reason, WaiverState waiver) {
    /** An outcome of a rule without a waiver. */
    public RuleOutcome(Rule rule, Status status, Double value, Double lower, Double upper, Integer count, Double gated,
                       String reason) {
        this(rule, status, value, lower, upper, count, gated, reason, null);
    }

    /** How far the gated number lies from the threshold: positive on the passing side, negative on the failing one. */
    public Double margin() {
        if (gated == null || gated.isNaN()) {
            return null;
        }
        double d = gated - rule.threshold();
        return rule.comparison().wantsHigher() ? d : -d;
    }

    /** True when this outcome fails the gate by itself: an error-severity rule that failed. */
    public boolean failsGate() {
        return status == Status.FAIL && rule.severity() == Severity.ERROR;
    }
}
