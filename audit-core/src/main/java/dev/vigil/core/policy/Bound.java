package dev.vigil.core.policy;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Which number of a metric a rule gates on: the point value or one end of its 95% interval. */
public enum Bound {
    @JsonProperty("value") VALUE,
    @JsonProperty("lower") LOWER,
    @JsonProperty("upper") UPPER;

    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
