package dev.vigil.explain.quality;

import dev.vigil.core.model.Classifier;
import dev.vigil.explain.method.BatchedPasses;
import dev.vigil.explain.method.Images;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Faithfulness by pixel flipping in both orders with one imputation (Blücher, Vielhaben, Strodthoff,
 * "Decoupling Pixel Flipping and Occlusion Strategy for Consistent XAI Benchmarks", TMLR 2024). The image
 * is cut into units (single pixels, or square patches of {@code patch} pixels, whose relevance is the sum
 * of theirs); units are removed most relevant first (MoRF) and, on a second curve, least relevant first
 * (LeRF, the exact reverse order), in {@code steps} equal groups, each removed unit filled by the
 * {@link Imputation}. After each group the target-class softmax probability is recorded. A faithful map
 * makes MoRF fall fast (low area) and LeRF stay high; the symmetric relevance gain AUC(LeRF) − AUC(MoRF)
 * cancels what both orders share — the model's reaction to the imputation itself, the out-of-distribution
 * effect that makes a scattered random order look good on a MoRF curve alone. A random order has gain 0
 * in expectation.
 *
 * <p>The noise of the noisy linear imputation is drawn per image from {@code imageSeeds}, per order and
 * step, so every method meets the same noise on the same image and a result does not depend on batching.
 *
 * @param steps      groups of units (default 16)
 * @param patch      unit side in pixels, 1 for single pixels
 * @param imputation what a removed unit shows
 * @param batchSize  images per forward pass
 */
public record PixelFlipping(int steps, int patch, Imputation imputation, int batchSize) {
    public PixelFlipping {
        if (steps < 1 || patch < 1 || batchSize < 1) {
            throw new IllegalArgumentException("steps, patch and batch size must be at least 1");
        }
    }

    /** Per-image probability curves, [image][step 0..steps], of both orders. */
    public record Curves(double[][] morf, double[][] lerf) {
        public double morfAuc(int image) {
            return DeletionInsertion.auc(morf[image]);
        }

        public double lerfAuc(int image) {
            return DeletionInsertion.auc(lerf[image]);
        }

        /** The symmetric relevance gain of one image: AUC(LeRF) − AUC(MoRF). */
        public double gain(int image) {
            return lerfAuc(image) - morfAuc(image);
        }

        public double[] gains() {
            return IntStream.range(0, morf.length).mapToDouble(this::gain).toArray();
        }

        public int count() {
            return morf.length;
        }
    }

    /** The unit of each pixel of an H×W plane, units numbered row by row. */
    int[] units(int height, int width) {
        int across = (width + patch - 1) / patch;
        int[] unit = new int[height * width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                unit[y * width + x] = (y / patch) * across + x / patch;
            }
        }
        return unit;
    }

    /** Units by decreasing summed relevance (ties in unit order): the MoRF order. */
    int[] order(double[] relevance, int height, int width) {
        int[] unit = units(height, width);
        int count = unit[unit.length - 1] + 1;
        double[] total = new double[count];
        for (int j = 0; j < relevance.length; j++) {
            total[unit[j]] += relevance[j];
        }
        return DeletionInsertion.order(total);
    }

    /**
     * Both curves of every image.
     *
     * @param relevance  per image, one value per pixel of the H×W plane (larger = more relevant)
     * @param imageSeeds per image, the seed of its imputation noise
     */
    public Curves run(Classifier model, Images images, int[] targets, double[][] relevance, long[] imageSeeds) {
        int n = images.count();
        int h = images.spec().height();
        int w = images.spec().width();
        int channels = images.spec().channels();
        int plane = h * w;
        int d = images.size();
        int[] unit = units(h, w);
        int unitCount = unit[plane - 1] + 1;
        int[][] orders = new int[n][];
        for (int i = 0; i < n; i++) {
            orders[i] = order(relevance[i], h, w);
        }
        float[] x = images.pixels();
        float[] blurred = imputation == Imputation.BLUR ? images.blurred() : null;
        int perImage = 2 * (steps + 1);
        double[][] morf = new double[n][steps + 1];
        double[][] lerf = new double[n][steps + 1];
        int classes = model.labels().size();
        BatchedPasses.logits(model, n * perImage, batchSize,
                (p, dest, offset) -> {
                    int i = p / perImage;
                    int k = p % perImage;
                    boolean least = k > steps;
                    int step = least ? k - steps - 1 : k;
                    int taken = (int) Math.round((double) step * unitCount / steps);
                    boolean[] removedUnit = new boolean[unitCount];
                    for (int t = 0; t < taken; t++) {
                        removedUnit[orders[i][least ? unitCount - 1 - t : t]] = true;
                    }
                    boolean[] removed = new boolean[plane];
                    for (int j = 0; j < plane; j++) {
                        removed[j] = removedUnit[unit[j]];
                    }
                    SplittableRandom noise = new SplittableRandom(imageSeeds[i] ^ (0x9E3779B97F4A7C15L * (k + 1)));
                    imputation.fill(x, i * d, blurred, removed, channels, h, w, noise, dest, offset);
                },
                (p, logits, offset) -> {
                    int i = p / perImage;
                    int k = p % perImage;
                    double probability = DeletionInsertion.softmax(logits, offset, classes, targets[i]);
                    if (k > steps) {
                        lerf[i][k - steps - 1] = probability;
                    } else {
                        morf[i][k] = probability;
                    }
                });
        return new Curves(morf, lerf);
    }
}
