package dev.vigil.explain.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SsimTest {
    @Test
    void identicalAndRescaledMapsScoreOneUnrelatedNoiseNearZeroAndABlankMapIsUndefined() {
        Random random = new Random(4);
        double[] a = random.doubles(32 * 32).toArray();
        double[] b = random.doubles(32 * 32).toArray();
        double[] scaled = java.util.Arrays.stream(a).map(v -> 7 * v).toArray();
        assertEquals(1.0, Ssim.of(a, a, 32, 32), 1e-12);
        assertEquals(1.0, Ssim.of(a, scaled, 32, 32), 1e-12, "each map is scaled by its maximum first");
        double noise = Ssim.of(a, b, 32, 32);
        assertTrue(Math.abs(noise) < 0.1, "independent noise: " + noise);
        double[] shifted = new double[32 * 32];
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 32; x++) {
                shifted[y * 32 + x] = a[y * 32 + Math.max(0, x - 1)];
            }
        }
        double near = Ssim.of(a, shifted, 32, 32);
        assertTrue(near < 0.5, "SSIM is sensitive to structure: a one-pixel shift of noise is a different map: " + near);
        assertTrue(Double.isNaN(Ssim.of(new double[1024], a, 32, 32)));
    }

    @Test
    void aSmoothMapAndItsSlightlyNoisyCopyAreSimilar() {
        Random random = new Random(5);
        double[] a = new double[32 * 32];
        double[] b = new double[32 * 32];
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 32; x++) {
                a[y * 32 + x] = Math.exp(-((x - 16) * (x - 16) + (y - 12) * (y - 12)) / 40.0);
                b[y * 32 + x] = a[y * 32 + x] + 0.02 * random.nextGaussian();
            }
        }
        double s = Ssim.of(a, b, 32, 32);
        assertTrue(s > 0.7 && s < 1, "close maps: " + s);
    }
}
