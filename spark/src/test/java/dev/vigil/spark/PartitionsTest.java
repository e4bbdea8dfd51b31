package dev.vigil.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.core.data.Sample;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PartitionsTest {
    private static List<Sample> samples(int n) {
        List<Sample> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new Sample(i * 2, "s" + i, Path.of("s" + i + ".png"), 0));
        }
        return out;
    }

    @Test
    void shardsAreWholeBatchesInOrder() {
        List<int[]> shards = Partitions.batchAligned(samples(10), 3, 2);
        // 4 batches (3, 3, 3, 1) in 2 shards of 2 batches; indices are the samples' own.
        assertEquals(2, shards.size());
        assertArrayEquals(new int[] {0, 2, 4, 6, 8, 10}, shards.get(0));
        assertArrayEquals(new int[] {12, 14, 16, 18}, shards.get(1));
    }

    @Test
    void neverMoreShardsThanBatchesAndNoneForNoSamples() {
        assertEquals(2, Partitions.batchAligned(samples(5), 4, 8).size());
        assertEquals(0, Partitions.batchAligned(samples(0), 4, 3).size());
    }

    @Test
    void everySampleLandsInExactlyOneShard() {
        for (int parts = 1; parts <= 7; parts++) {
            int total = Partitions.batchAligned(samples(41), 8, parts).stream().mapToInt(a -> a.length).sum();
            assertEquals(41, total, parts + " partitions");
        }
    }
}
