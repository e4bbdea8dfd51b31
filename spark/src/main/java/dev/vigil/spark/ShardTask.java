package dev.vigil.spark;

import dev.vigil.cli.ClusterAudit;
import dev.vigil.core.audit.AuditContext;
import dev.vigil.core.audit.AuditRecorder;
import dev.vigil.core.audit.Probe;
import dev.vigil.core.audit.ProbeResults;
import dev.vigil.core.audit.Progress;
import dev.vigil.core.data.Sample;
import dev.vigil.core.model.Classifier;
import dev.vigil.core.result.SampleRow;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;

/**
 * One executor task: one probe's pass over one shard of samples. It depends only on the audit's options,
 * the shard's sample indices and the earlier probes' results, so a retried task gives the same rows.
 */
final class ShardTask implements Function<int[], ShardOutput> {
    private static final long serialVersionUID = 1L;

    private final String[] auditArgs;
    private final String probeId;
    private final Broadcast<ProbeResults> results;
    private final Broadcast<DataShipment> data;
    private final String faultDrill;

    /**
     * @param faultDrill "probe:partition" whose first attempt fails on purpose (spark.vigil.faultDrill), to
     *                   show that Spark's retry gives the same results; null for none
     * @param data       the listing of data at a URI and the Hadoop configuration to read it; null for local data
     */
    ShardTask(String[] auditArgs, String probeId, Broadcast<ProbeResults> results, Broadcast<DataShipment> data, String faultDrill) {
        this.auditArgs = auditArgs.clone();
        this.probeId = probeId;
        this.results = results;
        this.data = data;
        this.faultDrill = faultDrill;
    }

    @Override
    public ShardOutput call(int[] indices) throws Exception {
        TaskContext task = TaskContext.get();
        if (task != null && task.attemptNumber() == 0 && (probeId + ":" + task.partitionId()).equals(faultDrill)) {
            throw new IllegalStateException("fault drill: the first attempt of " + faultDrill + " fails on purpose");
        }
        ClusterAudit.Worker worker = ExecutorAudits.worker(auditArgs, data);
        List<Sample> all = worker.dataset().samples();
        List<Sample> samples = new ArrayList<>(indices.length);
        for (int i : indices) {
            Sample s = all.get(i);
            if (s.index() != i) {
                throw new IllegalStateException("sample " + i + " is " + s.id() + " with index " + s.index());
            }
            samples.add(s);
        }
        Classifier model = ExecutorAudits.borrow(auditArgs, worker);
        Path scratch = Files.createTempDirectory("vigil-shard");
        try (AuditRecorder recorder = new AuditRecorder()) {
            AuditContext context = new AuditContext(model, worker.modelRequest(), worker.dataset(), worker.batchSize(),
                    worker.seed(), scratch, Progress.SILENT, recorder, results.value());
            Probe<?> probe = worker.probe(probeId);
            Serializable shard = probe.pass(context, samples);
            if (!recorder.metrics().isEmpty() || !recorder.findings().isEmpty() || !recorder.sections().isEmpty()) {
                throw new IllegalStateException("the " + probeId + " probe recorded metrics, findings or sections in its"
                        + " per-sample pass; on a cluster only rows and the shard result travel back");
            }
            LinkedHashMap<String, List<SampleRow>> rows = new LinkedHashMap<>();
            for (String id : recorder.rowProbes()) {
                List<SampleRow> list = new ArrayList<>();
                recorder.rowsOf(id).forEach(list::add);
                rows.put(id, list);
            }
            return new ShardOutput(rows, shard);
        } finally {
            ExecutorAudits.giveBack(auditArgs, model);
            delete(scratch);
        }
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
