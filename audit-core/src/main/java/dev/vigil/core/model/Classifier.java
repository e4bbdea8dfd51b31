package dev.vigil.core.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;

/**
 * An image classifier seen in pixel space: inputs are NCHW float32 batches in [0, 1]; any
 * normalization happens inside. This is the only way probes reach a model.
 */
public interface Classifier extends AutoCloseable {
    InputSpec inputSpec();

    List<String> labels();

    Device device();

    /** A fresh memory scope for one batch; close it when the batch is done. */
    NDManager newBatchScope();

    /** Logits [N, classes] without autograd. */
    NDArray logits(NDArray pixels);

    /** Logits and the gradient of {@code objective(logits)} with respect to {@code pixels}, which is left untouched. */
    GradientResult gradient(NDArray pixels, Objective objective);

    /** Creates a pixel batch on this model's device inside {@code scope}. */
    default NDArray pixels(NDManager scope, float[] data, int batchSize) {
        return scope.create(data, new ai.djl.ndarray.types.Shape(inputSpec().batchShape(batchSize)));
    }

    @Override
    void close();
}
