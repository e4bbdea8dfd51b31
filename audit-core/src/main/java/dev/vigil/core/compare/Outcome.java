package dev.vigil.core.compare;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Which yes/no column of the rows a per-sample proportion counts, and which way is better. */
public enum Outcome {
    /** {@code correct}: the prediction is the label; higher shares are better (accuracy, robust accuracy, recall). */
    @JsonProperty("correct") CORRECT(true),
    /** {@code flipped}: the prediction differs from the clean one; lower shares are better (flip rate). */
    @JsonProperty("flipped") FLIPPED(false);

    private final boolean higherIsBetter;

    Outcome(boolean higherIsBetter) {
        this.higherIsBetter = higherIsBetter;
    }

    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    public String column() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
