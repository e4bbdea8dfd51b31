package dev.vigil.explain.method;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.vigil.core.model.Classifier;
import dev.vigil.core.model.Objective;

/**
 * Evaluates a model at many generated input points (path points, noisy copies, occluded or
 * partly deleted images), at most {@code batchSize} points per forward or backward pass, each pass
 * in its own memory scope. Memory stays bounded by the batch size however many points there are,
 * and consecutive points share passes, so several images and several path positions go through
 * the model together.
 */
public final class BatchedPasses {
    /** Writes the pixels of generated point {@code point} at {@code dest[offset...]}. */
    @FunctionalInterface
    public interface PointWriter {
        void write(int point, float[] dest, int offset);
    }

    /** Receives ∇f_target of one point: {@code gradient[offset ... offset + pixelsPerImage)}. */
    @FunctionalInterface
    public interface GradientSink {
        void accept(int point, float[] gradient, int offset);
    }

    /** Receives the logits of one point: {@code logits[offset ... offset + classes)}. */
    @FunctionalInterface
    public interface LogitSink {
        void accept(int point, float[] logits, int offset);
    }

    private BatchedPasses() {
    }

    /** The gradient of each point's target logit, f_{target(p)}, with respect to the point. */
    public static void gradients(Classifier model, int points, int batchSize, PointWriter writer,
                                 java.util.function.IntUnaryOperator target, GradientSink sink) {
        int d = model.inputSpec().pixelsPerImage();
        for (int start = 0; start < points; start += batchSize) {
            int n = Math.min(batchSize, points - start);
            float[] chunk = fill(writer, start, n, d);
            int[] targets = new int[n];
            for (int i = 0; i < n; i++) {
                targets[i] = target.applyAsInt(start + i);
            }
            try (NDManager scope = model.newBatchScope()) {
                NDArray pixels = model.pixels(scope, chunk, n);
                float[] gradient = model.gradient(pixels, Objective.logitOf(targets)).gradient().toFloatArray();
                for (int i = 0; i < n; i++) {
                    sink.accept(start + i, gradient, i * d);
                }
            }
        }
    }

    /** The logits of each point, without autograd. */
    public static void logits(Classifier model, int points, int batchSize, PointWriter writer, LogitSink sink) {
        int d = model.inputSpec().pixelsPerImage();
        int k = model.labels().size();
        for (int start = 0; start < points; start += batchSize) {
            int n = Math.min(batchSize, points - start);
            float[] chunk = fill(writer, start, n, d);
            try (NDManager scope = model.newBatchScope()) {
                float[] logits = model.logits(model.pixels(scope, chunk, n)).toFloatArray();
                for (int i = 0; i < n; i++) {
                    sink.accept(start + i, logits, i * k);
                }
            }
        }
    }

    /** The target logit f_{targets[i]} of each image. */
    public static double[] targetLogits(Classifier model, Images images, int[] targets, int batchSize) {
        double[] out = new double[images.count()];
        logits(model, images.count(), batchSize,
                (p, dest, offset) -> System.arraycopy(images.pixels(), images.offset(p), dest, offset, images.size()),
                (p, logits, offset) -> out[p] = logits[offset + targets[p]]);
        return out;
    }

    private static float[] fill(PointWriter writer, int start, int n, int d) {
        float[] chunk = new float[n * d];
        for (int i = 0; i < n; i++) {
            writer.write(start + i, chunk, i * d);
        }
        return chunk;
    }
}
