package dev.vigil.explain.method;

import dev.vigil.core.model.Classifier;
import java.util.SplittableRandom;

/**
 * SmoothGrad (Smilkov et al. 2017): the mean of another method's maps over {@code samples} noisy copies
 * x + ε of each image, ε ~ N(0, σ²) per pixel value with σ = {@code noiseLevel} × (max x − min x) of that
 * image. Over saliency it is the original SmoothGrad; over Integrated Gradients it smooths IG. The noisy
 * copies are not clipped to [0, 1], as in the paper, so the noise has zero mean everywhere.
 *
 * <p>Images go through the base method in groups of about {@code batchSize / samples}, so the noisy
 * copies held at once stay near one batch, and the base method's own batching fills each pass.
 *
 * @param base       the method averaged (saliency or Integrated Gradients)
 * @param noiseLevel σ relative to the image's value range (default 0.15)
 * @param samples    noisy copies per image (default 25)
 * @param batchSize  noisy copies per group (default 128)
 * @param seed       seed of the noise; image i's noise depends only on the seed and i
 */
public record SmoothGrad(AttributionMethod base, double noiseLevel, int samples, int batchSize, long seed)
        implements AttributionMethod {
    public static final double DEFAULT_NOISE = 0.15;
    public static final int DEFAULT_SAMPLES = 25;

    public SmoothGrad {
        if (!(noiseLevel >= 0)) {
            throw new IllegalArgumentException("noise level must be at least 0, not " + noiseLevel);
        }
        Checks.positive(samples, "samples");
        Checks.positive(batchSize, "batch size");
    }

    public static SmoothGrad over(AttributionMethod base, long seed) {
        return new SmoothGrad(base, DEFAULT_NOISE, DEFAULT_SAMPLES, 128, seed);
    }

    /** "smoothgrad" over saliency, "smoothgrad_" + the base's id otherwise (e.g. smoothgrad_ig). */
    @Override
    public String id() {
        return base.id().equals(Saliency.ID) ? "smoothgrad" : "smoothgrad_" + base.id();
    }

    @Override
    public String title() {
        return "SmoothGrad (" + base.title() + ")";
    }

    @Override
    public Attributions attribute(Classifier model, Images images, int[] targets) {
        int d = images.size();
        float[] out = new float[images.pixels().length];
        int group = Math.max(1, batchSize / samples);
        for (int first = 0; first < images.count(); first += group) {
            int n = Math.min(group, images.count() - first);
            float[] noisy = new float[n * samples * d];
            int[] noisyTargets = new int[n * samples];
            for (int i = 0; i < n; i++) {
                addNoise(images, first + i, noisy, i * samples * d);
                java.util.Arrays.fill(noisyTargets, i * samples, (i + 1) * samples, targets[first + i]);
            }
            float[] maps = base.attribute(model, new Images(images.spec(), n * samples, noisy), noisyTargets).values();
            for (int i = 0; i < n; i++) {
                for (int s = 0; s < samples; s++) {
                    int from = (i * samples + s) * d;
                    int to = (first + i) * d;
                    for (int j = 0; j < d; j++) {
                        out[to + j] += maps[from + j] / samples;
                    }
                }
            }
        }
        return new Attributions(images.spec(), images.count(), out);
    }

    private void addNoise(Images images, int image, float[] dest, int offset) {
        float[] x = images.pixels();
        int d = images.size();
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (int j = images.offset(image); j < images.offset(image) + d; j++) {
            min = Math.min(min, x[j]);
            max = Math.max(max, x[j]);
        }
        double sigma = noiseLevel * (max - min);
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + image);
        for (int s = 0; s < samples; s++) {
            for (int j = 0; j < d; j++) {
                dest[offset + s * d + j] = (float) (x[images.offset(image) + j] + sigma * gaussian(random));
            }
        }
    }

    /** A standard normal value by the Box–Muller transform (SplittableRandom has no nextGaussian in Java 17). */
    static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
