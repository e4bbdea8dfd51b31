package dev.vigil.core.policy;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Whether a failing rule fails the gate ({@code error}) or is only reported ({@code warning}). */
public enum Severity {
    @JsonProperty("error") ERROR,
    @JsonProperty("warning") WARNING;

    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
