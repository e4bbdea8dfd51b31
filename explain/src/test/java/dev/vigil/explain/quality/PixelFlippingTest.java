package dev.vigil.explain.quality;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.core.model.Classifier;
import dev.vigil.core.testing.Fixtures;
import dev.vigil.core.testing.LinearFixture;
import dev.vigil.explain.method.Images;
import java.io.IOException;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Known answers on f(x) = W·x + b (testdata/linear.json): with black imputation, removing a set S of
 * pixels lowers logit t by exactly Σ_{j∈S} Σ_c W_t,cj x_cj, so every point of both curves, and the gain,
 * follow in closed form from W and x.
 */
class PixelFlippingTest {
    private static final int H = 4;
    private static final int W = 4;
    private static final int PLANE = H * W;

    @Test
    void onTheLinearFixtureTheOrdersCurvesAndGainOfBothOrdersAreExact() throws IOException {
        LinearFixture fixture = LinearFixture.read();
        Images images = random(3, 21);
        int[] targets = {2, 0, 1};
        long[] seeds = {1, 2, 3};
        try (Classifier model = Fixtures.load("linear.pt", LinearFixture.SPEC, 3)) {
            for (int patch : new int[] {1, 2}) {
                PixelFlipping flipping = new PixelFlipping(patch == 1 ? 16 : 4, patch, Imputation.BLACK, 5);
                double[][] relevance = new double[3][];
                for (int i = 0; i < 3; i++) {
                    relevance[i] = contribution(fixture, images, i, targets[i]);
                }
                PixelFlipping.Curves curves = flipping.run(model, images, targets, relevance, seeds);
                for (int i = 0; i < 3; i++) {
                    int[] order = flipping.order(relevance[i], H, W);
                    int[] unit = flipping.units(H, W);
                    int units = unit[PLANE - 1] + 1;
                    assertEquals(patch == 1 ? 16 : 4, units);
                    for (int k = 1; k < order.length; k++) {
                        assertTrue(unitSum(relevance[i], unit, order[k - 1]) >= unitSum(relevance[i], unit, order[k]), "MoRF order decreasing");
                    }
                    double[] morf = new double[flipping.steps() + 1];
                    double[] lerf = new double[flipping.steps() + 1];
                    for (int step = 0; step <= flipping.steps(); step++) {
                        int taken = step * units / flipping.steps();
                        boolean[] mostFirst = new boolean[units];
                        boolean[] leastFirst = new boolean[units];
                        for (int t = 0; t < taken; t++) {
                            mostFirst[order[t]] = true;
                            leastFirst[order[units - 1 - t]] = true;
                        }
                        morf[step] = probabilityWithout(fixture, images, i, targets[i], mostFirst, unit);
                        lerf[step] = probabilityWithout(fixture, images, i, targets[i], leastFirst, unit);
                    }
                    assertArrayEquals(morf, curves.morf()[i], 1e-5, "MoRF curve, patch " + patch + ", image " + i);
                    assertArrayEquals(lerf, curves.lerf()[i], 1e-5, "LeRF curve, patch " + patch + ", image " + i);
                    double gain = DeletionInsertion.auc(lerf) - DeletionInsertion.auc(morf);
                    assertEquals(gain, curves.gain(i), 1e-5);
                    assertEquals(morf[flipping.steps()], lerf[flipping.steps()], 1e-6, "both orders end on the all-black image");
                }
                PixelFlipping.Curves reversed = flipping.run(model, images, targets, negate(relevance), seeds);
                for (int i = 0; i < 3; i++) {
                    assertEquals(-curves.gain(i), reversed.gain(i), 1e-5, "the reversed map swaps MoRF and LeRF");
                }
            }
        }
    }

    @Test
    void noisyLinearImputationReproducesALinearRampAndStaysBetweenItsNeighbours() {
        float[] ramp = new float[3 * 8 * 8];
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < 8; y++) {
                for (int x = 0; x < 8; x++) {
                    ramp[c * 64 + y * 8 + x] = 0.1f + 0.05f * x + 0.02f * y + 0.1f * c;
                }
            }
        }
        boolean[] removed = new boolean[64];
        for (int y = 2; y < 6; y++) {
            for (int x = 1; x < 6; x++) {
                removed[y * 8 + x] = true;
            }
        }
        float[] filled = ramp.clone();
        java.util.Arrays.fill(filled, 0, 1, ramp[0]);
        for (int c = 0; c < 3; c++) {
            for (int j = 0; j < 64; j++) {
                if (removed[j]) {
                    filled[c * 64 + j] = 0;
                }
            }
        }
        NoisyLinearImputation.fill(filled, 0, removed, 3, 8, 8, 0, new SplittableRandom(1));
        assertArrayEquals(ramp, filled, 1e-4f, "the neighbour mean of a linear ramp is the ramp: inside a block of removed pixels too");

        boolean[] all = new boolean[64];
        java.util.Arrays.fill(all, true);
        float[] none = ramp.clone();
        NoisyLinearImputation.fill(none, 0, all, 3, 8, 8, 0, new SplittableRandom(1));
        for (int c = 0; c < 3; c++) {
            double mean = 0;
            for (int j = 0; j < 64; j++) {
                mean += ramp[c * 64 + j] / 64.0;
            }
            assertEquals(mean, none[c * 64 + 17], 1e-5, "with nothing kept, the channel's mean");
        }
    }

    @Test
    void theNoiseFollowsTheImageSeedNotTheBatch() throws IOException {
        Images images = random(4, 5);
        int[] targets = {0, 1, 2, 0};
        long[] seeds = {11, 12, 13, 14};
        double[][] relevance = new double[4][];
        for (int i = 0; i < 4; i++) {
            relevance[i] = new Random(i).doubles(PLANE).toArray();
        }
        try (Classifier model = Fixtures.load("linear.pt", LinearFixture.SPEC, 3)) {
            PixelFlipping.Curves a = new PixelFlipping(8, 1, Imputation.NOISY_LINEAR, 3).run(model, images, targets, relevance, seeds);
            PixelFlipping.Curves b = new PixelFlipping(8, 1, Imputation.NOISY_LINEAR, 64).run(model, images, targets, relevance, seeds);
            for (int i = 0; i < 4; i++) {
                assertArrayEquals(a.morf()[i], b.morf()[i], 0.0);
                assertArrayEquals(a.lerf()[i], b.lerf()[i], 0.0);
            }
        }
    }

    private static Images random(int count, long seed) {
        Random random = new Random(seed);
        float[] x = new float[count * 3 * PLANE];
        for (int j = 0; j < x.length; j++) {
            x[j] = random.nextInt(64) / 64f;
        }
        return new Images(LinearFixture.SPEC, count, x);
    }

    private static double[] contribution(LinearFixture f, Images images, int i, int target) {
        double[] out = new double[PLANE];
        for (int c = 0; c < 3; c++) {
            for (int j = 0; j < PLANE; j++) {
                out[j] += f.w()[target][c * PLANE + j] * images.pixels()[i * 3 * PLANE + c * PLANE + j];
            }
        }
        return out;
    }

    private static double unitSum(double[] relevance, int[] unit, int u) {
        double s = 0;
        for (int j = 0; j < relevance.length; j++) {
            s += unit[j] == u ? relevance[j] : 0;
        }
        return s;
    }

    private static double probabilityWithout(LinearFixture f, Images images, int i, int target, boolean[] removedUnit, int[] unit) {
        float[] x = images.image(i);
        for (int c = 0; c < 3; c++) {
            for (int j = 0; j < PLANE; j++) {
                if (removedUnit[unit[j]]) {
                    x[c * PLANE + j] = 0;
                }
            }
        }
        double[] logits = new double[f.classes()];
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < logits.length; k++) {
            logits[k] = f.logit(x, 0, k);
            max = Math.max(max, logits[k]);
        }
        double total = 0;
        for (double l : logits) {
            total += Math.exp(l - max);
        }
        return Math.exp(logits[target] - max) / total;
    }

    private static double[][] negate(double[][] r) {
        double[][] out = new double[r.length][];
        for (int i = 0; i < r.length; i++) {
            out[i] = java.util.Arrays.stream(r[i]).map(v -> -v).toArray();
        }
        return out;
    }
}
