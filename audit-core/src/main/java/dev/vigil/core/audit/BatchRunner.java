package dev.vigil.core.audit;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.vigil.core.data.Batch;
import dev.vigil.core.data.BatchStream;
import dev.vigil.core.data.Sample;
import dev.vigil.core.model.Classifier;
import java.util.List;

/**
 * Runs work over a dataset batch by batch, each batch in its own NDManager scope so that native
 * memory is freed as soon as the batch is done, and reports progress in images.
 */
public final class BatchRunner {
    private BatchRunner() {
    }

    /** Work on one batch; {@code pixels} lives in {@code scope}, which closes after the call. */
    @FunctionalInterface
    public interface BatchWork {
        void run(Batch batch, NDArray pixels, NDManager scope) throws Exception;
    }

    /** Throughput of one pass: images processed and seconds taken. */
    public record Throughput(long images, double seconds) {
        public double imagesPerSecond() {
            return seconds > 0 ? images / seconds : 0;
        }
    }

    public static Throughput run(Classifier classifier, List<Sample> samples, int batchSize, Progress.Task task,
                                 BatchWork work) throws Exception {
        long start = System.nanoTime();
        long images = 0;
        try (BatchStream stream = new BatchStream(samples, classifier.inputSpec(), batchSize)) {
            for (Batch batch : stream) {
                if (batch.size() > 0) {
                    try (NDManager scope = classifier.newBatchScope()) {
                        work.run(batch, classifier.pixels(scope, batch.pixels(), batch.size()), scope);
                    }
                    images += batch.size();
                }
                task.advance(batch.attempted());
            }
        }
        return new Throughput(images, (System.nanoTime() - start) / 1e9);
    }

    /** The context's samples that the clean pass read, for probes that need clean predictions. */
    public static List<Sample> readSamples(AuditContext context) {
        return context.dataset().samples().stream().filter(s -> context.clean().read(s.index())).toList();
    }
}
