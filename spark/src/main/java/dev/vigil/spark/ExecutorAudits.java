package dev.vigil.spark;

import dev.vigil.cli.ClusterAudit;
import dev.vigil.core.model.Classifier;
import dev.vigil.core.model.EngineSetup;
import dev.vigil.core.model.ModelLoader;
import dev.vigil.core.model.ModelRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.spark.SparkFiles;
import org.apache.spark.broadcast.Broadcast;

/**
 * What each executor JVM keeps between tasks of one audit: the audit resolved from its options (data
 * listing, model request, probes) and open copies of the model. A task borrows a model for its pass and
 * returns it, so concurrent tasks in one JVM never share one (DJL's models are not safe to share across
 * threads for forward passes with gradients), and the model loads once per task slot, not once per task.
 */
final class ExecutorAudits {
    /** Intra-op threads per task on an executor; one, so that concurrent tasks do not oversubscribe the cores. */
    static final String THREADS_PROPERTY = "vigil.executor.threads";

    private static final Map<String, ClusterAudit.Worker> WORKERS = new ConcurrentHashMap<>();
    private static final Map<String, Queue<Classifier>> MODELS = new ConcurrentHashMap<>();

    private ExecutorAudits() {
    }

    /** @param data the driver's listing of data at a URI, which the worker's dataset is made from; null for local data */
    static ClusterAudit.Worker worker(String[] auditArgs, Broadcast<DataShipment> data) {
        if (data == null) {
            return WORKERS.computeIfAbsent(key(auditArgs), k -> ClusterAudit.worker(auditArgs));
        }
        HadoopStore.receive(data.value());
        return WORKERS.computeIfAbsent(key(auditArgs) + "\u0000listing " + data.id(), k -> ClusterAudit.worker(auditArgs));
    }

    static Classifier borrow(String[] auditArgs, ClusterAudit.Worker worker) {
        Classifier free = MODELS.computeIfAbsent(key(auditArgs), k -> new ConcurrentLinkedQueue<>()).poll();
        if (free != null) {
            return free;
        }
        // In local mode the driver has started the engine already and this keeps its thread count.
        EngineSetup.start(Integer.getInteger(THREADS_PROPERTY, 1));
        return ModelLoader.open(reachable(worker.modelRequest()));
    }

    static void giveBack(String[] auditArgs, Classifier model) {
        MODELS.get(key(auditArgs)).add(model);
    }

    /**
     * The request with a model file this executor can read: the audit's path where it exists here (local
     * mode, a shared file system), else the copy spark-submit's --files shipped, moved into a folder of its
     * own because DJL scans a model's folder for jars and the task's folder holds the application jar.
     */
    private static ModelRequest reachable(ModelRequest request) {
        if (Files.isReadable(request.file())) {
            return request;
        }
        Path shipped = Path.of(SparkFiles.get(request.file().getFileName().toString()));
        if (!Files.isReadable(shipped)) {
            throw new IllegalStateException("The model " + request.file() + " is not readable on this executor; ship it with"
                    + " spark-submit --files or put it on a file system every executor mounts at the same path.");
        }
        try {
            Path own = Files.createTempDirectory("vigil-model");
            Path copy = own.resolve(shipped.getFileName());
            Files.copy(shipped, copy, StandardCopyOption.REPLACE_EXISTING);
            return request.withFile(copy);
        } catch (IOException e) {
            throw new IllegalStateException("The shipped model " + shipped + " could not be copied: " + e.getMessage(), e);
        }
    }

    private static String key(String[] auditArgs) {
        return String.join("\u0000", auditArgs);
    }
}
