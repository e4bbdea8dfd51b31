package dev.vigil.cli.bench;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.ParameterList;
import dev.vigil.core.model.Capability;
import dev.vigil.core.model.Classifier;
import dev.vigil.core.model.EngineInfo;
import dev.vigil.core.model.GradientResult;
import dev.vigil.core.model.InputSpec;
import dev.vigil.core.model.Objective;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the images that pass through a classifier's forward and forward+backward calls. It has the
 * inner model's capabilities, and its fresh copies count into the same totals, so an audit through it
 * runs exactly the steps it runs without it.
 */
public final class CountingClassifier implements Classifier {
    private final Classifier inner;
    private final AtomicLong forwardImages;
    private final AtomicLong backwardImages;

    public CountingClassifier(Classifier inner) {
        this(inner, new AtomicLong(), new AtomicLong());
    }

    private CountingClassifier(Classifier inner, AtomicLong forwardImages, AtomicLong backwardImages) {
        this.inner = inner;
        this.forwardImages = forwardImages;
        this.backwardImages = backwardImages;
    }

    public long forwardImages() {
        return forwardImages.get();
    }

    public long backwardImages() {
        return backwardImages.get();
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
        forwardImages.addAndGet(pixels.getShape().get(0));
        return inner.logits(pixels);
    }

    @Override
    public GradientResult gradient(NDArray pixels, Objective objective) {
        backwardImages.addAndGet(pixels.getShape().get(0));
        return inner.gradient(pixels, objective);
    }

    @Override
    public Classifier freshCopy() {
        return new CountingClassifier(inner.freshCopy(), forwardImages, backwardImages);
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
