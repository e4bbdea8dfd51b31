package dev.vigil.core.compare;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One metric both runs have: its two values and their difference, and for a per-sample proportion
 * the interval of the difference and the conclusion drawn from it.
 *
 * @param family     the row probe the metric belongs to (e.g. "fgsm.linf", "drift.rotation"), else its first name part
 * @param candidate  the new run's value (written as "new")
 * @param delta      new minus base; NaN when either is undefined
 * @param outcome    for a per-sample proportion: the row column it counts; null for other metrics
 * @param setting    for a per-sample proportion: the row setting, e.g. "fgsm.linf eps=8/255"
 * @param className  for a per-class proportion: the class
 * @param paired     for a per-sample proportion of runs on the same data
 * @param unpaired   for a per-sample proportion of runs on different data
 * @param change     for a per-sample proportion: regression, improvement or none; null for other metrics
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MetricDelta(String name, String family, double base, @JsonProperty("new") double candidate, double delta,
                          Integer baseCount, Integer newCount, Outcome outcome, String setting, String className,
                          PairedDelta paired, UnpairedDelta unpaired, Change change, String description) {

    /** The lower end of the interval of the difference, or null when the metric has none. */
    public Double lower() {
        return paired != null ? Double.valueOf(paired.lower()) : unpaired != null ? Double.valueOf(unpaired.lower()) : null;
    }

    public Double upper() {
        return paired != null ? Double.valueOf(paired.upper()) : unpaired != null ? Double.valueOf(unpaired.upper()) : null;
    }

    public boolean regressed() {
        return change == Change.REGRESSION;
    }

    public boolean improved() {
        return change == Change.IMPROVEMENT;
    }
}
