package dev.vigil.core.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.ParameterList;
import java.util.List;
import java.util.Set;

/**
 * A classifier that hands every call to another one; wrappers (a pass counter, a view with fewer
 * capabilities) extend it and override only what they change, so they pass the inner model's
 * capabilities through unless they mean to change them.
 */
public abstract class ForwardingClassifier implements Classifier {
    private final Classifier inner;

    protected ForwardingClassifier(Classifier inner) {
        this.inner = inner;
    }

    /** The model this one forwards to. */
    protected final Classifier inner() {
        return inner;
    }

    @Override
    public InputSpec inputSpec() {
        return inner.inputSpec();
    }

    @Override
    public List<String> labels() {
        return inner.labels();
    }

    @Override
    public Device device() {
        return inner.device();
    }

    @Override
    public EngineInfo engine() {
        return inner.engine();
    }

    @Override
    public Set<Capability> capabilities() {
        return inner.capabilities();
    }

    @Override
    public NDManager newBatchScope() {
        return inner.newBatchScope();
    }

    @Override
    public NDArray logits(NDArray pixels) {
        return inner.logits(pixels);
    }

    @Override
    public GradientResult gradient(NDArray pixels, Objective objective) {
        return inner.gradient(pixels, objective);
    }

    @Override
    public Classifier freshCopy() {
        return inner.freshCopy();
    }

    @Override
    public ParameterList parameters() {
        return inner.parameters();
    }

    @Override
    public void close() {
        inner.close();
    }
}
