package dev.vigil.attacks.drift.corruptions;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.core.data.PillowResize;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Known answers for each corruption on small hand-made images. */
class CorruptionValuesTest {
    private static float[] constant(int n, float v) {
        float[] out = new float[n];
        Arrays.fill(out, v);
        return out;
    }

    @Test
    void gaussianNoiseHasTheStatedStandardDeviation() {
        float[] gray = constant(3 * 64 * 64, 0.5f);
        float[] out = new GaussianNoise().apply(gray, 3, 64, 64, 3, new SplittableRandom(1));
        double mean = 0;
        double var = 0;
        for (float v : out) {
            mean += v - 0.5;
            var += (v - 0.5) * (v - 0.5);
        }
        mean /= out.length;
        var /= out.length;
        assertEquals(0, mean, 0.003);
        assertEquals(0.08, Math.sqrt(var), 0.08 * 0.03);
    }

    @Test
    void shotNoiseIsUnbiasedWithPoissonVariance() {
        float[] gray = constant(3 * 64 * 64, 0.5f);
        float[] out = new ShotNoise().apply(gray, 3, 64, 64, 5, new SplittableRandom(2));
        double mean = 0;
        double var = 0;
        for (float v : out) {
            mean += v;
        }
        mean /= out.length;
        for (float v : out) {
            var += (v - mean) * (v - mean);
        }
        var /= out.length;
        assertEquals(0.5, mean, 0.005);
        assertEquals(0.5 / 50, var, 0.5 / 50 * 0.05, "Var[Poisson(0.5·50)/50] = 0.5/50");
    }

    @Test
    void poissonSamplerHasMeanAndVarianceLambda() {
        SplittableRandom random = new SplittableRandom(3);
        for (double lambda : new double[] {0.5, 4, 25, 250}) {
            int n = 40_000;
            double sum = 0;
            double sq = 0;
            for (int i = 0; i < n; i++) {
                long k = Sampling.poisson(random, lambda);
                assertTrue(k >= 0);
                sum += k;
                sq += (double) k * k;
            }
            double mean = sum / n;
            double var = sq / n - mean * mean;
            assertEquals(lambda, mean, 4 * Math.sqrt(lambda / n), "mean at λ=" + lambda);
            assertEquals(lambda, var, lambda * 0.05, "variance at λ=" + lambda);
        }
        assertEquals(0, Sampling.poisson(random, 0));
    }

    @Test
    void blurKeepsAConstantImageAndItsKernelFollowsScipy() {
        float[] gray = constant(3 * 8 * 8, 0.3f);
        assertArrayEquals(gray, new GaussianBlur().apply(gray, 3, 8, 8, 5, null), 1e-6f);
        double[] k = GaussianBlur.kernel(1.0);
        assertEquals(9, k.length, "radius int(4σ + 0.5) = 4");
        assertEquals(1.0, Arrays.stream(k).sum(), 1e-12);
        assertEquals(Math.exp(-0.5) * k[4], k[5], 1e-12);
        assertEquals(1.2, GaussianBlur.sigma(4, 48, 48), 1e-12, "0.8 px at 32x32 becomes 1.2 px at 48x48");
    }

    @Test
    void blurSpreadsASpotSymmetrically() {
        int n = 32;
        int centre = 16 * n + 16;
        float[] spot = new float[n * n];
        spot[centre] = 1f;
        float[] out = new GaussianBlur().apply(spot, 1, n, n, 5, null);
        assertEquals(out[centre - 1], out[centre + 1], 1e-7);
        assertEquals(out[centre - n], out[centre - 1], 1e-7);
        double[] k = GaussianBlur.kernel(1.0);
        assertEquals(k[4] * k[4], out[centre], 1e-6, "σ = 1 px at 32x32, severity 5");
        assertEquals(k[4] * k[5], out[centre + 1], 1e-6);
    }

    @Test
    void brightnessRaisesHsvValueKeepingHueAndSaturation() {
        // (0.5, 0.25, 0) has V = 0.5; V + 0.1 = 0.6 scales the pixel by 1.2 (Python's colorsys gives (0.6, 0.3, 0.0)).
        float[] pixel = {0.5f, 0.25f, 0f};
        float[] out = new Brightness().apply(pixel, 3, 1, 1, 2, null);
        assertArrayEquals(new float[] {0.6f, 0.3f, 0f}, out, 1e-6f);
        float[] black = new Brightness().apply(new float[3], 3, 1, 1, 5, null);
        assertArrayEquals(new float[] {0.3f, 0.3f, 0.3f}, black, 1e-6f);
        float[] bright = new Brightness().apply(new float[] {0.9f, 0.45f, 0f}, 3, 1, 1, 5, null);
        assertArrayEquals(new float[] {1f, 0.5f, 0f}, bright, 1e-6f, "V is clipped at 1");
    }

    @Test
    void contrastPullsEachChannelTowardsItsMean() {
        float[] image = {0.2f, 0.6f, 1.0f, 0.0f};
        float[] out = new Contrast().apply(image, 2, 1, 2, 2, null);
        assertArrayEquals(new float[] {0.3f, 0.5f, 0.75f, 0.25f}, out, 1e-6f);
    }

    @Test
    void saturationScalesHsvSaturationKeepingHueAndValue() {
        // (0.5, 0.25, 0.4): S = 0.5; × 1.5 = 0.75 with H and V kept gives (0.5, 0.125, 0.35) (Python's colorsys).
        float[] out = new Saturation().apply(new float[] {0.5f, 0.25f, 0.4f}, 3, 1, 1, 2, null);
        assertArrayEquals(new float[] {0.5f, 0.125f, 0.35f}, out, 1e-6f);
        float[] gray = {0.4f, 0.4f, 0.4f};
        assertArrayEquals(gray, new Saturation().apply(gray, 3, 1, 1, 5, null));
        float[] full = new Saturation().apply(new float[] {0.8f, 0.4f, 0.2f}, 3, 1, 1, 5, null);
        // S = 0.75 × 3 is clipped at 1: the smallest channel goes to 0, the middle one keeps its place (colorsys: 0.2667).
        assertArrayEquals(new float[] {0.8f, 0.8f - 0.4f / 0.75f, 0f}, full, 1e-6f);
    }

    @Test
    void jpegKeepsColoursInTheirChannelsAndLosesMoreAtLowerQuality() throws Exception {
        int plane = 16 * 16;
        float[] red = new float[3 * plane];
        Arrays.fill(red, 0, plane, 0.9f);
        Arrays.fill(red, plane, 3 * plane, 0.1f);
        float[] out = new JpegCompression().apply(red, 3, 16, 16, 1, null);
        assertEquals(0.9, out[5], 0.03);
        assertEquals(0.1, out[plane + 5], 0.03);
        assertEquals(0.1, out[2 * plane + 5], 0.03);
        float[] picture = TestPictures.load(TestPictures.FILES.get(3));
        double mild = TestPictures.meanAbsoluteChange(picture, new JpegCompression().apply(picture, 3, 32, 32, 1, null));
        double strong = TestPictures.meanAbsoluteChange(picture, new JpegCompression().apply(picture, 3, 32, 32, 5, null));
        assertTrue(mild > 0.001 && strong > mild, mild + " then " + strong);
    }

    @Test
    void pixelateKeepsTheCifarSizesAndAveragesBlocks() {
        int[] sides = new int[5];
        for (int s = 1; s <= 5; s++) {
            sides[s - 1] = Pixelate.reduced(32, s);
        }
        assertArrayEquals(new int[] {30, 28, 27, 24, 20}, sides, "int(32·c) as in CIFAR-10-C");
        float[] constant = constant(3 * 32 * 32, 0.7f);
        assertArrayEquals(constant, new Pixelate().apply(constant, 3, 32, 32, 5, null), 1e-6f);
        // Halving a 4-wide row averages pairs; doubling back copies each average twice.
        float[] row = {0.0f, 0.4f, 0.6f, 1.0f};
        float[] half = PillowResize.resize(row, 1, 4, 1, 2, PillowResize.Filter.BOX);
        assertArrayEquals(new float[] {0.2f, 0.8f}, half, 1e-6f);
        assertArrayEquals(new float[] {0.2f, 0.2f, 0.8f, 0.8f}, PillowResize.resize(half, 1, 2, 1, 4, PillowResize.Filter.BOX), 1e-6f);
    }

    @Test
    void horizontalFlipMirrorsEachRowAndHasNoSeverity() {
        float[] image = {1, 2, 3, 4, 5, 6};
        for (int i = 0; i < image.length; i++) {
            image[i] /= 10f;
        }
        HorizontalFlip flip = new HorizontalFlip();
        assertArrayEquals(new float[] {0.3f, 0.2f, 0.1f, 0.6f, 0.5f, 0.4f}, flip.apply(image, 1, 2, 3, 1, null));
        assertArrayEquals(image, flip.apply(flip.apply(image, 1, 2, 3, 1, null), 1, 2, 3, 1, null));
        assertTrue(!flip.graded());
    }

    @Test
    void translationShiftsByWholePixelsInACompassDirectionAndFillsWithBlack() {
        int n = 32;
        float[] image = new float[n * n];
        java.util.Random r = new java.util.Random(4);
        for (int i = 0; i < image.length; i++) {
            image[i] = 0.01f + 0.99f * r.nextFloat();
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (long seed = 0; seed < 40; seed++) {
            float[] out = new Translation().apply(image, 1, n, n, 3, new SplittableRandom(seed));
            int matches = 0;
            for (int dx = -1; dx <= 1; dx++) {
                for (int dy = -1; dy <= 1; dy++) {
                    if ((dx != 0 || dy != 0) && Arrays.equals(out, shifted(image, n, 3 * dx, 3 * dy))) {
                        matches++;
                        seen.add(dx + "," + dy);
                    }
                }
            }
            assertEquals(1, matches, "seed " + seed + " gives the image shifted by 3 px in one compass direction");
        }
        assertEquals(8, seen.size(), "all eight directions occur");
        assertEquals(6, Translation.shift(3, 64, 64), "3 px at 32x32 is 6 px at 64x64");
    }

    private static float[] shifted(float[] image, int n, int dx, int dy) {
        float[] out = new float[image.length];
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                int sx = x - dx;
                int sy = y - dy;
                out[y * n + x] = sx >= 0 && sx < n && sy >= 0 && sy < n ? image[sy * n + sx] : 0f;
            }
        }
        return out;
    }

    @Test
    void corruptionsParseByIdAndRejectUnknownNames() {
        assertEquals(10, Corruptions.all().size());
        assertEquals(java.util.List.of("jpeg_compression", "pixelate"),
                Corruptions.parse(java.util.List.of("jpeg_compression", " Pixelate")).stream().map(Corruption::id).toList());
        assertEquals(Corruptions.all(), Corruptions.parse(java.util.List.of("all")));
        var e = org.junit.jupiter.api.Assertions.assertThrows(dev.vigil.core.InputError.class,
                () -> Corruptions.parse(java.util.List.of("fog")));
        assertTrue(e.getMessage().contains("'fog'") && e.getMessage().contains("gaussian_noise"));
    }
}
