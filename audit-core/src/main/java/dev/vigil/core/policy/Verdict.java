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
 */
public record Verdict(Status status, String policy, String policySource, String policySha256,
                      boolean failOnInconclusive, List<RuleOutcome> rules) {
    public Verdict {
        rules = List.copyOf(rules);
    }

    /** Rules with this status and severity. */
    public List<RuleOutcome> outcomes(Status wanted, Severity severity) {
        return rules.stream().filter(o -> o.status() == wanted && o.rule().severity() == severity).toList();
    }

    public long errorRules() {
        return rules.stream().filter(o -> o.rule().severity() == Severity.ERROR).count();
    }

    /** Whether the gate failed: exit code 1. */
    public boolean gateFailed() {
        return status == Status.FAIL;
    }
}
