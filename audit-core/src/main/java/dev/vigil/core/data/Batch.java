package dev.vigil.core.data;

import java.util.List;

/**
 * Decoded images ready for the model: NCHW pixels in [0, 1] with their samples and labels.
 * Only readable samples are in a batch; {@code attempted} counts the files tried, readable or not.
 */
public record Batch(List<Sample> samples, float[] pixels, int[] labels, int attempted) {
    public int size() {
        return samples.size();
    }
}
