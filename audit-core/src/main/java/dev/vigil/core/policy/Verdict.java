package dev.vigil.core.policy;

import java.util.List;

/**
 * The gate's outcome for one set of results under one policy, stored in results.json.
 *
 * @param status       FAIL when an error-severity rule failed (or was inconclusive under a policy that
 *                     treats that as failing), INCONCLUSIVE when an error-severity rule could not be
 *                     decided, otherwise PASS
 * @param policy       the policy's name
 * @param policySource the policy file, or "bundled default policy"
 * @param policySha256 SHA-256 of the policy file's bytes
 * @param gatedOn      the day (ISO date, UTC) the rules were evaluated, which decides whether waivers hold; null in
 *                     results written before waivers existed
 * @param baseline     the baseline audit delta rules were measured against; null when none was given
 */
@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
public record Verdict(Status status, String policy, String policySource, String policySha256,
                      boolean failOnInconclusive, List<RuleOutcome> rules, String gatedOn, String baseline) {
    public Verdict {
        rules = List.copyOf(rules);
    }

    /** A verdict without a date or baseline. */
    public Verdict(Status status, String policy, String policySource, String policySha256, boolean failOnInconclusive,
                   List<RuleOutcome> rules) {
        this(status, policy, policySource, policySha256, failOnInconclusive, rules, null, null);
    }

    /** Rules with this status and severity. */
    public List<RuleOutcome> outcomes(Status wanted, Severity severity) {
        return rules.stream().filter(o -> o.status() == wanted && o.rule().severity() == severity).toList();
    }

    /** Rules whose failure a waiver excuses today. */
    public List<RuleOutcome> waived() {
        return rules.stream().filter(o -> o.status() == Status.WAIVED).toList();
    }

    /** Rules that fail although they carried a waiver: it has expired. */
    public List<RuleOutcome> expiredWaivers() {
        return rules.stream().filter(o -> o.waiver() == WaiverState.EXPIRED && o.status() == Status.FAIL).toList();
    }

    public long errorRules() {
        return rules.stream().filter(o -> o.rule().severity() == Severity.ERROR).count();
    }

    /** Whether the gate failed: exit code 1. */
    public boolean gateFailed() {
        return status == Status.FAIL;
    }
}
