package dev.vigil.core.result;

/** The audited model as Vigil saw it. */
public record ModelSummary(String file, String sha256, String inputShape, String normalization, int classes) {
}
