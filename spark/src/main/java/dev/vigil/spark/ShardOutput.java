package dev.vigil.spark;

import dev.vigil.core.result.SampleRow;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * What one executor task hands back to the driver: the rows its pass wrote, by the probe id they were
 * recorded under, in the order written, and the pass's shard result.
 */
record ShardOutput(LinkedHashMap<String, List<SampleRow>> rows, Serializable shard) implements Serializable {
}
