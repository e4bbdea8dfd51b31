package dev.vigil.attacks.drift;

import dev.vigil.core.result.Metric;
import java.util.List;

/**
 * The metrics of one setting (or of worst-of-k), as recorded.
 *
 * @param classAccuracy per class in label order; null for a class with no samples
 */
record SettingResult(String metricPrefix, String label, PairedCounts counts, Metric accuracy, Metric flipRate,
                     double accuracyDrop, double mcnemarP, List<Metric> classAccuracy) {
}
