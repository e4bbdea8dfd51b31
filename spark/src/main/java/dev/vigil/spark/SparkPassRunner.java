package dev.vigil.spark;

import dev.vigil.core.audit.AuditContext;
import dev.vigil.core.audit.PassRunner;
import dev.vigil.core.audit.Probe;
import dev.vigil.core.audit.ProbeResults;
import dev.vigil.core.data.Sample;
import java.io.PrintStream;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

/**
 * Runs each probe's per-sample pass as one Spark job: the samples split into batch-aligned shards, one
 * task per shard on the executors, the rows appended to the driver's recorder in shard order (so in
 * sample order, as one machine writes them) and the shard results returned in the same order.
 */
final class SparkPassRunner implements PassRunner {
    private final JavaSparkContext spark;
    private final String[] auditArgs;
    private final int partitions;
    private final String faultDrill;
    private final PrintStream log;
    private final HadoopStore data;
    private volatile Path outputDir;
    private Broadcast<DataShipment> shipment;

    /** @param data the driver's store: the listing of data at a URI, made before the first pass, travels from it */
    SparkPassRunner(JavaSparkContext spark, String[] auditArgs, int partitions, String faultDrill, PrintStream log, HadoopStore data) {
        this.spark = spark;
        this.auditArgs = auditArgs.clone();
        this.partitions = partitions;
        this.faultDrill = faultDrill;
        this.log = log;
        this.data = data;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <S extends Serializable> List<S> passes(Probe<S> probe, AuditContext context, List<Sample> samples) throws Exception {
        outputDir = context.outputDir();
        List<int[]> shards = Partitions.batchAligned(samples, context.batchSize(), partitions);
        if (shards.isEmpty()) {
            return List.of(probe.pass(context, samples));
        }
        long start = System.nanoTime();
        if (shipment == null && data.hasListings()) {
            shipment = spark.broadcast(data.shipment());
        }
        Broadcast<ProbeResults> results = spark.broadcast(context.results());
        List<ShardOutput> outputs;
        try {
            outputs = spark.parallelize(shards, shards.size())
                    .map(new ShardTask(auditArgs, probe.id(), results, shipment, faultDrill))
                    .collect();
        } finally {
            results.destroy();
        }
        List<S> out = new ArrayList<>(outputs.size());
        for (ShardOutput shard : outputs) {
            shard.rows().forEach(context.recorder()::rows);
            out.add((S) shard.shard());
        }
        log.printf(Locale.ROOT, "vigil spark: %s pass over %d images in %d shards, %.1f s%n", probe.id(), samples.size(),
                shards.size(), (System.nanoTime() - start) / 1e9);
        return out;
    }

    /** Frees the data listing's broadcast. */
    void close() {
        if (shipment != null) {
            shipment.destroy();
        }
    }

    /** The audit's output folder, once the first pass has run. */
    Path outputDir() {
        return outputDir;
    }
}
