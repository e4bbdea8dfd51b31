package dev.vigil.core.policy;

import java.util.List;

/**
 * A policy: rules over named metrics.
 *
 * @param source                   where the policy came from (a path, or "bundled default policy")
 * @param failOnInconclusive       whether an inconclusive error-severity rule fails the gate
 * @param absentMetricInconclusive whether a rule on a metric the results lack is inconclusive rather
 *                                 than an input error; true only for the bundled default, whose rules
 *                                 name metrics of probes a user may switch off
 */
public record Policy(String name, String source, String sha256, boolean failOnInconclusive,
                     boolean absentMetricInconclusive, List<Rule> rules) {
    public Policy {
        rules = List.copyOf(rules);
    }
}
