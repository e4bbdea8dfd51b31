package dev.vigil.explain.quality;

import dev.vigil.core.model.Classifier;
import dev.vigil.core.perturb.Grayscale;
import dev.vigil.explain.method.Images;

/** The images in grayscale (BT.601 luma in every channel), with the drift probe's {@link Grayscale}. */
public record GrayscaleVariant() implements Variant {
    @Override
    public String id() {
        return "grayscale";
    }

    @Override
    public String title() {
        return "in grayscale";
    }

    @Override
    public Images apply(Classifier model, Images images, int[] labels) {
        return new Images(images.spec(), images.count(), Grayscale.applyBatch(images.pixels(), images.count(),
                images.spec().channels(), images.spec().height(), images.spec().width()));
    }
}
