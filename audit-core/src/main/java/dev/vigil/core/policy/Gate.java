package dev.vigil.core.policy;

import dev.vigil.core.InputError;
import dev.vigil.core.result.AuditResults;
import dev.vigil.core.result.Metric;
import java.util.ArrayList;
import java.util.List;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;

/**
 * Evaluates a policy on saved results: every rule passes, fails or is inconclusive. Rules on a
 * {@link DeltaTerm} ({@code delta(M)}, {@code new_failures(M)}) are measured on a comparison with a
 * baseline audit, and are inconclusive without one. A failing rule whose waiver has not expired on
 * the given day is waived: reported, never gating.
 */
public final class Gate {
    private Gate() {
    }

    /**
     * The verdict of {@code policy} on {@code results} today (UTC), without a baseline.
     *
     * @throws InputError when a rule names a metric the results lack (unless the policy allows it), or
     *                    gates on an interval bound of a metric that has no interval
     */
    public static Verdict evaluate(Policy policy, AuditResults results) {
        return evaluate(policy, results, null, LocalDate.now(ZoneOffset.UTC));
    }

    /**
     * The verdict of {@code policy} on {@code results} on the day {@code today}, with delta rules measured
     * against {@code baseline} (null for none).
     */
    public static Verdict evaluate(Policy policy, AuditResults results, Baseline baseline, LocalDate today) {
        if (!policy.absentMetricInconclusive() && !skippedForTheModel(results)) {
            List<String> unknown = policy.rules().stream().map(Gate::subjectMetric).distinct()
                    .filter(name -> !known(name, results, baseline)).toList();
            if (!unknown.isEmpty()) {
                List<String> available = new ArrayList<>(results.metrics().stream().map(Metric::name).toList());
                if (baseline != null) {
                    baseline.metricNames().stream().filter(n -> !available.contains(n)).forEach(available::add);
                }
                throw new InputError(MetricSuggestions.unknownMetricsMessage(policy.source(), unknown, available));
            }
        }
        List<RuleOutcome> outcomes = new ArrayList<>();
        for (Rule rule : policy.rules()) {
            outcomes.add(waive(evaluate(rule, results, baseline, policy), today));
        }
        return new Verdict(overall(outcomes, policy.failOnInconclusive()), policy.name(), policy.source(), policy.sha256(),
                policy.failOnInconclusive(), outcomes, today.toString(), baseline == null ? null : baseline.description());
    }

    /**
     * Whether some probe, attack or method did not run because the model cannot serve it (an ONNX model has
     * no gradients): then a rule on a metric the results lack is inconclusive, as for the default policy,
     * since the policy cannot be expected to know which model it will gate.
     */
    private static boolean skippedForTheModel(AuditResults results) {
        return results.findings().stream().anyMatch(f -> f.id().contains("not-run."));
    }

    /** The metric a rule is about: its own name, or the one inside its delta term. */
    private static String subjectMetric(Rule rule) {
        DeltaTerm term = rule.deltaTerm();
        return term == null ? rule.metric() : term.metric();
    }

    private static boolean known(String metric, AuditResults results, Baseline baseline) {
        return results.metric(metric).isPresent() || baseline != null && baseline.knows(metric);
    }

    private static RuleOutcome evaluate(Rule rule, AuditResults results, Baseline baseline, Policy policy) {
        DeltaTerm term = rule.deltaTerm();
        if (term == null) {
            return evaluate(rule, results.metric(rule.metric()), policy);
        }
        if (baseline == null) {
            return new RuleOutcome(rule, Status.INCONCLUSIVE, null, null, null, null, null, "No baseline audit was given, so "
                    + term.name() + " cannot be measured; pass --baseline BASE (an earlier audit of the same data) or gate with"
                    + " 'vigil compare BASE NEW --policy FILE'.");
        }
        Baseline.Measured measured = baseline.measure(term);
        if (measured.metric() == null) {
            return new RuleOutcome(rule, Status.INCONCLUSIVE, null, null, null, null, null, measured.inconclusive());
        }
        return evaluate(rule, Optional.of(measured.metric()), policy);
    }

    /** Applies the rule's waiver, if it has one, as of {@code today}. */
    static RuleOutcome waive(RuleOutcome o, LocalDate today) {
        Rule rule = o.rule();
        if (rule.waivedUntil() == null) {
            return o;
        }
        boolean active = !today.isAfter(rule.waiverDate());
        WaiverState state = active ? WaiverState.ACTIVE : WaiverState.EXPIRED;
        String reason;
        Status status = o.status();
        if (o.status() == Status.FAIL && active) {
            status = Status.WAIVED;
            reason = o.reason() + " Waived until " + rule.waivedUntil() + " (" + rule.waiverReason() + "), so it does not gate.";
        } else if (o.status() == Status.FAIL) {
            reason = o.reason() + " Its waiver (" + rule.waiverReason() + ") expired after " + rule.waivedUntil()
                    + ", so the rule gates again.";
        } else if (active) {
            reason = o.reason() + " It has a waiver until " + rule.waivedUntil() + " that it does not need today.";
        } else {
            reason = o.reason() + " Its waiver expired after " + rule.waivedUntil() + "; remove it from the policy.";
        }
        return new RuleOutcome(rule, status, o.value(), o.lower(), o.upper(), o.count(), o.gated(), reason, state);
    }

    /** Why a rule on a metric the results lack cannot be decided. */
    static String absent(String metric) {
        if (metric.startsWith("autoattack.")) {
            return "The AutoAttack suite did not run, so its robust accuracy is unknown (run vigil audit --attacks autoattack;"
                    + " APGD needs input gradients); a robust accuracy measured by FGSM or PGD alone is only an upper bound.";
        }
        return "The metric is absent from these results: the probe that measures it was not run.";
    }

    static RuleOutcome evaluate(Rule rule, Optional<Metric> found, Policy policy) {
        if (found.isEmpty()) {
            return new RuleOutcome(rule, Status.INCONCLUSIVE, null, null, null, null, null, absent(rule.metric()));
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
                + number(gated, rule);
        if (holds) {
            return outcome(rule, m, Status.PASS, gated, measured + ", which meets " + rule.comparison().symbol() + " "
                    + Rule.formatNumber(rule.threshold()) + ".");
        }
        double by = Math.abs(gated - rule.threshold());
        String direction = rule.comparison().wantsHigher() ? "below" : "above";
        return outcome(rule, m, Status.FAIL, gated, measured + ", " + (by == 0 ? "equal to" : number(by, rule) + " " + direction)
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

    private static String number(double x, Rule rule) {
        return rule.countsSamples() && x == Math.rint(x) ? Long.toString((long) x) : String.format(Locale.ROOT, "%.4f", x);
    }
}
