package dev.vigil.explain.method;

import dev.vigil.core.model.Classifier;

/**
 * Gradient × Input (Shrikumar et al. 2016): x ⊙ ∂f_c/∂x, signed. For a linear model it is each pixel
 * value's exact contribution to the logit.
 *
 * @param batchSize images per backward pass (default 128)
 */
public record GradientTimesInput(int batchSize) implements AttributionMethod {
    public static final String ID = "gradxinput";

    public GradientTimesInput {
        Checks.positive(batchSize, "batch size");
    }

    public static GradientTimesInput defaults() {
        return new GradientTimesInput(128);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Gradient × Input";
    }

    @Override
    public Attributions attribute(Classifier model, Images images, int[] targets) {
        float[] x = images.pixels();
        float[] out = new float[x.length];
        int d = images.size();
        BatchedPasses.gradients(model, images.count(), batchSize,
                (p, dest, offset) -> System.arraycopy(x, images.offset(p), dest, offset, d),
                p -> targets[p],
                (p, gradient, offset) -> {
                    for (int j = 0; j < d; j++) {
                        out[p * d + j] = x[p * d + j] * gradient[offset + j];
                    }
                });
        return new Attributions(images.spec(), images.count(), out);
    }
}
