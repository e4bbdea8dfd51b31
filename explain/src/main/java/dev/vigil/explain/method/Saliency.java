package dev.vigil.explain.method;

import dev.vigil.core.model.Classifier;

/**
 * Saliency (Simonyan et al. 2014): the absolute input gradient of the target logit, |∂f_c/∂x|, per
 * pixel value. Shows where the score is locally most sensitive, not why the model decided.
 *
 * @param batchSize images per backward pass (default 128)
 */
public record Saliency(int batchSize) implements AttributionMethod {
    public static final String ID = "saliency";

    public Saliency {
        Checks.positive(batchSize, "batch size");
    }

    public static Saliency defaults() {
        return new Saliency(128);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Saliency";
    }

    @Override
    public Attributions attribute(Classifier model, Images images, int[] targets) {
        float[] out = new float[images.pixels().length];
        int d = images.size();
        BatchedPasses.gradients(model, images.count(), batchSize,
                (p, dest, offset) -> System.arraycopy(images.pixels(), images.offset(p), dest, offset, d),
                p -> targets[p],
                (p, gradient, offset) -> {
                    for (int j = 0; j < d; j++) {
                        out[p * d + j] = Math.abs(gradient[offset + j]);
                    }
                });
        return new Attributions(images.spec(), images.count(), out);
    }
}
