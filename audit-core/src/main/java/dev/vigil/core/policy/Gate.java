package dev.vigil.core.policy;

import dev.vigil.core.InputError;
import dev.vigil.core.result.AuditResults;
import dev.vigil.core.result.Metric;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Evaluates a policy on saved results: every rule passes, fails or is inconclusive. */
public final class Gate {
    private Gate() {
    }

    /**
     * The verdict of {@code policy} on {@code results}.
     *
     * @throws InputError when a rule names a metric the results lack (unless the policy allows it), or
     *                    gates on an interval bound of a metric that has no interval
     */
    public static Verdict evaluate(Policy policy, AuditResults results) {
        if (!policy.absentMetricInconclusive()) {
            List<String> unknown = policy.rules().stream().map(Rule::metric).distinct()
                    .filter(name -> results.metric(name).isEmpty()).toList();
            if (!unknown.isEmpty()) {
                throw new InputError(MetricSuggestions.unknownMetricsMessage(policy.source(), unknown,
                        results.metrics().stream().map(Metric::name).toList()));
            }
        }
        List<RuleOutcome> outcomes = new ArrayList<>();
        for (Rule rule : policy.rules()) {
            outcomes.add(evaluate(rule, results.metric(rule.metric()), policy));
        }
        return new Verdict(overall(outcomes, policy.failOnInconclusive()), policy.name(), policy.source(), policy.sha256(),
                policy.failOnInconclusive(), outcomes);
    }

    static RuleOutcome evaluate(Rule rule, Optional<Metric> found, Policy policy) {
        if (found.isEmpty()) {
            return new RuleOutcome(rule, Status.INCONCLUSIVE, null, null, null, null, null,
                    "The metric is absent from these results: the probe that measures it was not run.");
        }
        Metric m = found.get();
        Double gated = switch (rule.bound()) {
            case VALUE -> m.value();
            case LOWER -> m.lower();
            case UPPER -> m.upper();
        };
        if (gated == null) {
            if (!policy.absentMetricInconclusive()) {
                throw new InputError("The rule '" + rule.text() + "' in " + policy.source() + " gates on the " + rule.bound().word()
                        + " bound of " + rule.metric() + ", which has no confidence interval; use 'bound: value' for it.");
            }
            return outcome(rule, m, Status.INCONCLUSIVE, null, "The metric has no 95% interval, so its "
                    + rule.bound().word() + " bound cannot be gated on.");
        }
        if (Double.isNaN(gated)) {
            return outcome(rule, m, Status.INCONCLUSIVE, null, "The metric is undefined on these results (no samples it applies to).");
        }
        if (rule.minCount() != null) {
            if (m.count() == null) {
                return outcome(rule, m, Status.INCONCLUSIVE, gated,
                        "The metric carries no sample count, so the rule's minimum of " + rule.minCount() + " samples cannot be checked.");
            }
            if (m.count() < rule.minCount()) {
                return outcome(rule, m, Status.INCONCLUSIVE, gated, "It rests on " + m.count() + " samples, fewer than the "
                        + rule.minCount() + " the rule requires.");
            }
        }
        boolean holds = rule.comparison().holds(gated, rule.threshold());
        String measured = (rule.bound() == Bound.VALUE ? "Measured " : "The " + rule.bound().word() + " 95% bound is ")
                + number(gated);
        if (holds) {
            return outcome(rule, m, Status.PASS, gated, measured + ", which meets " + rule.comparison().symbol() + " "
                    + Rule.formatNumber(rule.threshold()) + ".");
        }
        double by = Math.abs(gated - rule.threshold());
        String direction = rule.comparison().wantsHigher() ? "below" : "above";
        return outcome(rule, m, Status.FAIL, gated, measured + ", " + (by == 0 ? "equal to" : number(by) + " " + direction)
                + " the threshold " + Rule.formatNumber(rule.threshold()) + ".");
    }

    private static RuleOutcome outcome(Rule rule, Metric m, Status status, Double gated, String reason) {
        return new RuleOutcome(rule, status, m.value(), m.lower(), m.upper(), m.count(), gated, reason);
    }

    static Status overall(List<RuleOutcome> outcomes, boolean failOnInconclusive) {
        boolean inconclusive = false;
        for (RuleOutcome o : outcomes) {
            if (o.rule().severity() != Severity.ERROR) {
                continue;
            }
            if (o.status() == Status.FAIL) {
                return Status.FAIL;
            }
            inconclusive |= o.status() == Status.INCONCLUSIVE;
        }
        if (inconclusive) {
            return failOnInconclusive ? Status.FAIL : Status.INCONCLUSIVE;
        }
        return Status.PASS;
    }

    private static String number(double x) {
        return String.format(Locale.ROOT, "%.4f", x);
    }
}
