package dev.vigil.explain.quality;

import dev.vigil.core.model.Classifier;
import dev.vigil.explain.method.BatchedPasses;
import dev.vigil.explain.method.Images;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Deletion and insertion curves (Petsiuk et al. 2018, RISE). Pixels are taken in a given order, most
 * important first, in {@code steps} equal groups. Deletion starts from the image and sets the taken
 * pixels to black in every channel; insertion starts from the image blurred (σ = 1/16 of the larger
 * side) and puts the taken pixels back. After each group the target class's softmax probability is
 * recorded, so a curve has steps + 1 points from 0% to 100% of the pixels, and its area is the trapezoid
 * rule over the fraction of pixels on [0, 1]. A map that finds what the model uses makes deletion fall
 * fast (low AUC) and insertion rise fast (high AUC); a seeded random order is the yardstick.
 *
 * @param steps     groups of pixels (default 32)
 * @param batchSize images per forward pass
 */
public record DeletionInsertion(int steps, int batchSize) {
    public static final int DEFAULT_STEPS = 32;

    public DeletionInsertion {
        if (steps < 1 || batchSize < 1) {
            throw new IllegalArgumentException("steps and batch size must be at least 1");
        }
    }

    /** Per-image probability curves, [image][step 0..steps]. */
    public record Curves(double[][] deletion, double[][] insertion) {
        public double deletionAuc(int image) {
            return auc(deletion[image]);
        }

        public double insertionAuc(int image) {
            return auc(insertion[image]);
        }

        public double meanDeletionAuc() {
            return IntStream.range(0, deletion.length).mapToDouble(this::deletionAuc).average().orElse(Double.NaN);
        }

        public double meanInsertionAuc() {
            return IntStream.range(0, insertion.length).mapToDouble(this::insertionAuc).average().orElse(Double.NaN);
        }

        /** The mean curve over images, for charts. */
        public static double[] mean(double[][] curves) {
            double[] out = new double[curves.length == 0 ? 0 : curves[0].length];
            for (double[] c : curves) {
                for (int k = 0; k < out.length; k++) {
                    out[k] += c[k] / curves.length;
                }
            }
            return out;
        }
    }

    /**
     * Both curves of every image for the given pixel orders ({@code orders[i]} lists image i's pixel
     * indices y·W + x, most important first).
     */
    public Curves run(Classifier model, Images images, int[] targets, int[][] orders) {
        int n = images.count();
        int d = images.size();
        int plane = images.spec().height() * images.spec().width();
        int channels = images.spec().channels();
        float[] x = images.pixels();
        float[] blurred = images.blurred();
        int perImage = 2 * (steps + 1);
        double[][] deletion = new double[n][steps + 1];
        double[][] insertion = new double[n][steps + 1];
        int classes = model.labels().size();
        BatchedPasses.logits(model, n * perImage, batchSize,
                (p, dest, offset) -> {
                    int i = p / perImage;
                    int k = p % perImage;
                    boolean insert = k > steps;
                    int taken = taken(insert ? k - steps - 1 : k, plane);
                    System.arraycopy(insert ? blurred : x, i * d, dest, offset, d);
                    for (int t = 0; t < taken; t++) {
                        int pixel = orders[i][t];
                        for (int c = 0; c < channels; c++) {
                            dest[offset + c * plane + pixel] = insert ? x[i * d + c * plane + pixel] : 0f;
                        }
                    }
                },
                (p, logits, offset) -> {
                    int i = p / perImage;
                    int k = p % perImage;
                    double probability = softmax(logits, offset, classes, targets[i]);
                    if (k > steps) {
                        insertion[i][k - steps - 1] = probability;
                    } else {
                        deletion[i][k] = probability;
                    }
                });
        return new Curves(deletion, insertion);
    }

    /** Pixels taken after {@code step} of {@code steps} groups. */
    int taken(int step, int plane) {
        return (int) Math.round((double) step * plane / steps);
    }

    /** Trapezoid area under a curve sampled at equal steps on [0, 1]. */
    public static double auc(double[] curve) {
        int m = curve.length - 1;
        if (m < 1) {
            return curve.length == 1 ? curve[0] : Double.NaN;
        }
        double s = 0;
        for (int k = 0; k < m; k++) {
            s += (curve[k] + curve[k + 1]) / 2;
        }
        return s / m;
    }

    /** Pixel indices by decreasing importance; equal values keep index order, so the order is deterministic. */
    public static int[] order(double[] importance) {
        return IntStream.range(0, importance.length).boxed()
                .sorted(Comparator.comparingDouble((Integer j) -> -importance[j]).thenComparingInt(j -> j))
                .mapToInt(Integer::intValue).toArray();
    }

    /** A uniformly random order of {@code plane} pixels. */
    public static int[] randomOrder(int plane, SplittableRandom random) {
        int[] order = IntStream.range(0, plane).toArray();
        for (int j = plane - 1; j > 0; j--) {
            int k = random.nextInt(j + 1);
            int t = order[j];
            order[j] = order[k];
            order[k] = t;
        }
        return order;
    }

    static double softmax(float[] logits, int offset, int classes, int target) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < classes; c++) {
            max = Math.max(max, logits[offset + c]);
        }
        double total = 0;
        for (int c = 0; c < classes; c++) {
            total += Math.exp(logits[offset + c] - max);
        }
        return Math.exp(logits[offset + target] - max) / total;
    }
}
