package dev.vigil.cli.bench;

import ai.djl.ndarray.NDArray;
import dev.vigil.core.model.Classifier;
import dev.vigil.core.model.ForwardingClassifier;
import dev.vigil.core.model.GradientResult;
import dev.vigil.core.model.Objective;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the images that pass through a classifier's forward and forward+backward calls. It has the
 * inner model's capabilities, and its fresh copies count into the same totals, so an audit through it
 * runs exactly the steps it runs without it.
 */
public final class CountingClassifier extends ForwardingClassifier {
    private final AtomicLong forwardImages;
    private final AtomicLong backwardImages;

    public CountingClassifier(Classifier inner) {
        this(inner, new AtomicLong(), new AtomicLong());
    }

    private CountingClassifier(Classifier inner, AtomicLong forwardImages, AtomicLong backwardImages) {
        super(inner);
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
    public NDArray logits(NDArray pixels) {
        forwardImages.addAndGet(pixels.getShape().get(0));
        return inner().logits(pixels);
    }

    @Override
    public GradientResult gradient(NDArray pixels, Objective objective) {
        backwardImages.addAndGet(pixels.getShape().get(0));
        return inner().gradient(pixels, objective);
    }

    @Override
    public Classifier freshCopy() {
        return new CountingClassifier(inner().freshCopy(), forwardImages, backwardImages);
    }
}
