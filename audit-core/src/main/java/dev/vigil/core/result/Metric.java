package dev.vigil.core.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.vigil.core.stats.Interval;
import dev.vigil.core.stats.Proportions;

/**
 * One named number of an audit, e.g. {@code clean.accuracy} or {@code fgsm.linf.eps=8/255.robust_accuracy}.
 * Policies refer to metrics by name.
 *
 * @param lower       lower bound of the 95% interval, or null when the metric has none
 * @param upper       upper bound of the 95% interval, or null
 * @param count       the number of samples the value rests on, or null
 * @param description one line saying what the number is
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Metric(String name, double value, Double lower, Double upper, Integer count, String description) {
    public static Metric of(String name, double value, Integer count, String description) {
        return new Metric(name, value, null, null, count, description);
    }

    /** A share of successes with its 95% Wilson interval. */
    public static Metric proportion(String name, int successes, int trials, String description) {
        Interval ci = Proportions.wilson(successes, trials);
        return new Metric(name, Proportions.share(successes, trials), ci.lower(), ci.upper(), trials, description);
    }

    public boolean hasInterval() {
        return lower != null && upper != null;
    }
}
