package dev.vigil.spark;

import dev.vigil.core.data.Sample;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a probe's samples into contiguous shards of whole batches. libtorch's floating-point results
 * depend (by about 1e-7) on which images share a batch, so a shard boundary inside a batch would change
 * rows; at batch boundaries every shard sees exactly the batches one machine would have run.
 */
final class Partitions {
    private Partitions() {
    }

    /** At most {@code partitions} shards of sample indices, in order, each a run of whole batches of {@code batchSize}. */
    static List<int[]> batchAligned(List<Sample> samples, int batchSize, int partitions) {
        if (batchSize < 1 || partitions < 1) {
            throw new IllegalArgumentException("batch size and partitions must be positive");
        }
        int batches = (samples.size() + batchSize - 1) / batchSize;
        int shards = Math.min(partitions, batches);
        List<int[]> out = new ArrayList<>(shards);
        for (int p = 0; p < shards; p++) {
            int from = (int) ((long) p * batches / shards) * batchSize;
            int to = Math.min(samples.size(), (int) ((long) (p + 1) * batches / shards) * batchSize);
            int[] indices = new int[to - from];
            for (int i = from; i < to; i++) {
                indices[i - from] = samples.get(i).index();
            }
            out.add(indices);
        }
        return out;
    }
}
