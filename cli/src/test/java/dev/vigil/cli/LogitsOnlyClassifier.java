package dev.vigil.cli;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.vigil.core.model.Capability;
import dev.vigil.core.model.Classifier;
import dev.vigil.core.model.EngineInfo;
import dev.vigil.core.model.InputSpec;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** A model seen through logits alone, as an engine without gradients (ONNX Runtime) gives it. */
final class LogitsOnlyClassifier implements Classifier {
    private final Classifier inner;

    LogitsOnlyClassifier(Classifier inner) {
        this.inner = inner;
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
        return new EngineInfo("LogitsOnly", "test", "logits-only");
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.LOGITS);
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
    public void close() {
        inner.close();
    }
}
