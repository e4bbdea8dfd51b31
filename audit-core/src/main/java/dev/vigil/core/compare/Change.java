package dev.vigil.core.compare;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a comparison concludes about one per-sample proportion. */
public enum Change {
    /** Significantly worse in the new run. */
    @JsonProperty("regression") REGRESSION,
    /** Significantly better in the new run. */
    @JsonProperty("improvement") IMPROVEMENT,
    /** No significant change. */
    @JsonProperty("none") NONE;

    public String word() {
        return this == NONE ? "no significant change" : name().toLowerCase(java.util.Locale.ROOT);
    }
}
