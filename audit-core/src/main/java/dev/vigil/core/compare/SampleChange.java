package dev.vigil.core.compare;

/** One sample whose right/wrong outcome differs between the runs in one setting. */
public record SampleChange(String sampleId, String label, String basePrediction, String newPrediction) {
}
