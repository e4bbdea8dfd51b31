package dev.vigil.core.policy;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a rule compares a measured number with its threshold. */
public enum Comparison {
    @JsonProperty(">=") AT_LEAST(">="),
    @JsonProperty(">") ABOVE(">"),
    @JsonProperty("<=") AT_MOST("<="),
    @JsonProperty("<") BELOW("<");

    private final String symbol;

    Comparison(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    public boolean holds(double measured, double threshold) {
        return switch (this) {
            case AT_LEAST -> measured >= threshold;
            case ABOVE -> measured > threshold;
            case AT_MOST -> measured <= threshold;
            case BELOW -> measured < threshold;
        };
    }

    /** True for {@code >=} and {@code >}: larger measured values are better. */
    public boolean wantsHigher() {
        return this == AT_LEAST || this == ABOVE;
    }

    /** The comparison written as {@code symbol}, or null when there is none. */
    public static Comparison ofSymbol(String symbol) {
        for (Comparison c : values()) {
            if (c.symbol.equals(symbol)) {
                return c;
            }
        }
        return null;
    }
}
