package dev.vigil.core.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.ParameterList;
import java.util.List;
import java.util.Set;

/**
 * An image classifier seen in pixel space: inputs are NCHW float32 batches in [0, 1]; any
 * normalization happens inside. This is the only way probes reach a model.
 *
 * <p>Every model gives logits. What else it can do is declared by {@link #capabilities()}, in the
 * manner of DJL's {@code Engine.hasCapability}: callers check before they ask, and a model asked for
 * a capability it lacks throws {@link MissingCapabilityException}. Wrappers pass the inner model's
 * capabilities through.
 */
public interface Classifier extends AutoCloseable {
    InputSpec inputSpec();

    List<String> labels();

    Device device();

    /** The engine, its version and the file format, for the provenance. */
    EngineInfo engine();

    /** What this model can do; always contains {@link Capability#LOGITS}. */
    Set<Capability> capabilities();

    default boolean can(Capability capability) {
        return capabilities().contains(capability);
    }

    /** A fresh memory scope for one batch; close it when the batch is done. */
    NDManager newBatchScope();

    /** Logits [N, classes] without autograd. */
    NDArray logits(NDArray pixels);

    /**
     * Logits and the gradient of {@code objective(logits)} with respect to {@code pixels}, which is left
     * untouched. Needs {@link Capability#INPUT_GRADIENT}.
     */
    default GradientResult gradient(NDArray pixels, Objective objective) {
        throw new MissingCapabilityException(this, Capability.INPUT_GRADIENT);
    }

    /**
     * An independent copy loaded again from the model file, with the same input, normalization, labels
     * and device; changing its parameters leaves this model untouched. Needs {@link Capability#FRESH_COPY}.
     */
    default Classifier freshCopy() {
        throw new MissingCapabilityException(this, Capability.FRESH_COPY);
    }

    /**
     * The model's own parameter tensors, named as in the source framework, in definition order. Writing
     * into them changes this model's outputs, so only do it on a {@link #freshCopy()}. Needs
     * {@link Capability#FRESH_COPY}.
     */
    default ParameterList parameters() {
        throw new MissingCapabilityException(this, Capability.FRESH_COPY);
    }

    /** Creates a pixel batch on this model's device inside {@code scope}. */
    default NDArray pixels(NDManager scope, float[] data, int batchSize) {
        return scope.create(data, new ai.djl.ndarray.types.Shape(inputSpec().batchShape(batchSize)));
    }

    @Override
    void close();
}
