package dev.vigil.core.policy;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The outcome of one rule, or of the whole gate. */
public enum Status {
    @JsonProperty("pass") PASS,
    @JsonProperty("fail") FAIL,
    @JsonProperty("inconclusive") INCONCLUSIVE;

    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
