package dev.vigil.core.stats;

/** A two-sided confidence interval. */
public record Interval(double lower, double upper) {
}
