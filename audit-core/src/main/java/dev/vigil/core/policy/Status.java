package dev.vigil.core.policy;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The outcome of one rule, or of the whole gate (pass, fail or inconclusive). */
public enum Status {
    @JsonProperty("pass") PASS,
    @JsonProperty("fail") FAIL,
    @JsonProperty("inconclusive") INCONCLUSIVE,
    /** A failing rule under a waiver that has not expired: reported, never gating. Rules only, never a verdict. */
    @JsonProperty("waived") WAIVED;

    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
