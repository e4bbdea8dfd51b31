package dev.vigil.core.result;

import java.util.Map;

/**
 * What one probe saw on one sample at one setting. Metrics are aggregates of these rows, so rows
 * from shards merge by concatenation.
 *
 * @param probe     e.g. "clean", "fgsm.linf", "drift.rotation"
 * @param parameter the setting, e.g. "eps=8/255" or "angle=15"; "" for none
 * @param extra     probe-specific columns (e.g. the smallest flipping epsilon)
 */
public record SampleRow(String sampleId, String probe, String parameter, String label, String prediction,
                        double confidence, boolean correct, Map<String, String> extra)
        implements java.io.Serializable {
    public SampleRow {
        extra = extra == null ? Map.of() : Map.copyOf(extra);
    }
}
