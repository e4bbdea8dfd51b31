package dev.vigil.cli.bench;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.vigil.core.model.Classifier;
import dev.vigil.core.model.GradientResult;
import dev.vigil.core.model.InputSpec;
import dev.vigil.core.model.Objective;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Counts the images that pass through a classifier's forward and forward+backward calls. */
public final class CountingClassifier implements Classifier {
    private final Classifier inner;
    private final AtomicLong forwardImages = new AtomicLong();
    private final AtomicLong backwardImages = new AtomicLong();

    public CountingClassifier(Classifier inner) {
        this.inner = inner;
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
    public void close() {
        inner.close();
    }
}
