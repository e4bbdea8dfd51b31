package dev.vigil.explain.method;

import dev.vigil.core.model.Classifier;

/**
 * Integrated Gradients (Sundararajan et al. 2017): (x − x') ⊙ ∫₀¹ ∇f_c(x' + α(x − x')) dα, the
 * integral taken with a quadrature rule. The attributions of an image should sum to
 * f_c(x) − f_c(x'); {@link Attributions#completeness()} says by how much they miss.
 *
 * <p>All (image, α) path points of a call are evaluated {@code batchSize} at a time, image by image
 * and α by α, so one pass holds several images × several positions and memory does not grow with
 * {@code steps}.
 *
 * @param steps     gradient evaluations per image along the path (default 50)
 * @param rule      quadrature rule (default Gauss–Legendre)
 * @param baseline  reference input x' (default black)
 * @param batchSize path points per backward pass (default 128)
 * @param seed      seed of the uniform-noise baseline
 */
public record IntegratedGradients(int steps, QuadratureRule rule, Baseline baseline, int batchSize, long seed)
        implements AttributionMethod {
    public static final String ID = "ig";
    public static final int DEFAULT_STEPS = 50;

    public IntegratedGradients {
        rule.points(steps);
        Checks.positive(batchSize, "batch size");
    }

    public static IntegratedGradients defaults() {
        return new IntegratedGradients(DEFAULT_STEPS, QuadratureRule.GAUSS_LEGENDRE, Baseline.BLACK, 128, 0);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Integrated Gradients";
    }

    @Override
    public Attributions attribute(Classifier model, Images images, int[] targets) {
        QuadratureRule.Points points = rule.points(steps);
        int m = points.size();
        int d = images.size();
        float[] x = images.pixels();
        float[] base = baseline.of(images, seed);
        double[] integral = new double[x.length];
        BatchedPasses.gradients(model, images.count() * m, batchSize,
                (p, dest, offset) -> {
                    int i = p / m;
                    float alpha = (float) points.alphas()[p % m];
                    for (int j = i * d, o = offset, end = i * d + d; j < end; j++, o++) {
                        dest[o] = base[j] + alpha * (x[j] - base[j]);
                    }
                },
                p -> targets[p / m],
                (p, gradient, offset) -> {
                    int i = p / m;
                    double w = points.weights()[p % m];
                    for (int j = 0; j < d; j++) {
                        integral[i * d + j] += w * gradient[offset + j];
                    }
                });
        float[] out = new float[x.length];
        double[] sums = new double[images.count()];
        for (int j = 0; j < x.length; j++) {
            out[j] = (float) ((x[j] - base[j]) * integral[j]);
            sums[j / d] += out[j];
        }
        double[] atInput = BatchedPasses.targetLogits(model, images, targets, batchSize);
        double[] atBaseline = BatchedPasses.targetLogits(model, new Images(images.spec(), images.count(), base), targets, batchSize);
        double[] difference = new double[images.count()];
        for (int i = 0; i < difference.length; i++) {
            difference[i] = atInput[i] - atBaseline[i];
        }
        return new Attributions(images.spec(), images.count(), out, new Completeness(difference, sums));
    }
}
