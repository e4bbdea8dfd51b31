package dev.vigil.attacks.drift;

import ai.djl.ndarray.NDManager;
import dev.vigil.core.audit.Progress;
import dev.vigil.core.data.Batch;
import dev.vigil.core.data.BatchStream;
import dev.vigil.core.data.Sample;
import dev.vigil.core.eval.Predictions;
import dev.vigil.core.model.Classifier;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The one pass over the data: each batch is decoded once and goes through every setting's transform
 * and then through the model (and the baseline for corruption settings). Transforms work on Java
 * arrays on the CPU before the pixels reach the model's device, and run one setting ahead on a
 * worker thread, so that the next setting's images are ready while the model runs on this one.
 */
final class DriftPass {
    /**
     * Time split of a pass.
     *
     * @param transformSeconds time the worker spent in transforms
     * @param waitSeconds      time the model side waited for a transform to finish
     */
    record Timing(long images, double seconds, double transformSeconds, double waitSeconds) {
        double imagesPerSecond() {
            return seconds > 0 ? images / seconds : 0;
        }

        /** The share of the pass the model side spent waiting for transforms: what they cost beyond the model. */
        double waitShare() {
            return seconds > 0 ? waitSeconds / seconds : 0;
        }
    }

    private DriftPass() {
    }

    /**
     * @param afterBatch called once a batch has been through every setting, with the batch whose
     *                   outcomes are now filled in
     */
    static Timing run(Classifier model, Classifier baseline, List<Sample> samples, int datasetSize, int batchSize,
                      List<DriftSetting> settings, DriftOutcomes outcomes, Progress.Task task,
                      java.util.function.Consumer<Batch> afterBatch) throws Exception {
        long start = System.nanoTime();
        long[] transformNanos = {0};
        long waitNanos = 0;
        long images = 0;
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "vigil-drift-transforms");
            t.setDaemon(true);
            return t;
        });
        try (BatchStream stream = new BatchStream(samples, model.inputSpec(), batchSize)) {
            for (Batch batch : stream) {
                if (batch.size() == 0) {
                    task.advance((long) batch.attempted() * settings.size());
                    continue;
                }
                Future<float[]> next = worker.submit(() -> transform(settings.get(0), batch, transformNanos));
                for (int s = 0; s < settings.size(); s++) {
                    long t = System.nanoTime();
                    float[] changed = await(next);
                    waitNanos += System.nanoTime() - t;
                    if (s + 1 < settings.size()) {
                        DriftSetting following = settings.get(s + 1);
                        next = worker.submit(() -> transform(following, batch, transformNanos));
                    }
                    record(model, baseline, settings.get(s), s, changed, batch, outcomes, datasetSize);
                    images += batch.size();
                    task.advance(batch.attempted());
                }
                afterBatch.accept(batch);
            }
        } finally {
            worker.shutdownNow();
        }
        return new Timing(images, (System.nanoTime() - start) / 1e9, transformNanos[0] / 1e9, waitNanos / 1e9);
    }

    private static float[] transform(DriftSetting setting, Batch batch, long[] nanos) {
        long t = System.nanoTime();
        float[] out = setting.transform().apply(batch.pixels(), batch.samples());
        // Only the worker thread writes this counter; the caller reads it after the worker is done.
        nanos[0] += System.nanoTime() - t;
        return out;
    }

    private static float[] await(Future<float[]> future) throws Exception {
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }

    private static void record(Classifier model, Classifier baseline, DriftSetting setting, int s, float[] changed, Batch batch,
                               DriftOutcomes outcomes, int datasetSize) {
        Predictions p = predict(model, changed, batch.size());
        for (int i = 0; i < batch.size(); i++) {
            Sample sample = batch.samples().get(i);
            if (!p.finite(i)) {
                outcomes.nonFinite[s][sample.index()] = true;
                continue;
            }
            outcomes.predictions[s][sample.index()] = p.predicted(i);
            outcomes.confidence[s][sample.index()] = p.confidence(i);
            outcomes.trueClassProbability[s][sample.index()] = p.probability(i, sample.label());
        }
        if (baseline != null && setting.family() == DriftFamily.CORRUPTIONS) {
            Predictions b = predict(baseline, changed, batch.size());
            int[] row = outcomes.baselineRow(s, datasetSize);
            for (int i = 0; i < batch.size(); i++) {
                row[batch.samples().get(i).index()] = b.finite(i) ? b.predicted(i) : DriftOutcomes.BASELINE_NONFINITE;
            }
        }
    }

    static Predictions predict(Classifier model, float[] pixels, int n) {
        try (NDManager scope = model.newBatchScope()) {
            return Predictions.of(model.logits(model.pixels(scope, pixels, n)));
        }
    }
}
