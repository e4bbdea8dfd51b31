package dev.vigil.core.perturb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RotationTest {
    private static float[] random(int n, long seed) {
        Random r = new Random(seed);
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = r.nextFloat();
        }
        return out;
    }

    @ParameterizedTest
    @EnumSource(Fill.class)
    void rotationByZeroIsTheIdentity(Fill fill) {
        float[] image = random(3 * 5 * 7, 1);
        assertArrayEquals(image, Rotation.rotate(image, 3, 5, 7, 0, fill));
        assertArrayEquals(image, Rotation.rotate(image, 3, 5, 7, 360, fill));
    }

    /** Counter-clockwise on screen: output (x, y) reads the source at (n−1−y, x) for 90°, (n−1−x, n−1−y) for 180°. */
    @ParameterizedTest
    @EnumSource(Fill.class)
    void quarterAndHalfTurnsOfASquareImageArePixelPermutations(Fill fill) {
        for (int n : new int[] {6, 7}) {
            int c = 3;
            float[] image = random(c * n * n, n);
            float[] r90 = Rotation.rotate(image, c, n, n, 90, fill);
            float[] r180 = Rotation.rotate(image, c, n, n, 180, fill);
            float[] r270 = Rotation.rotate(image, c, n, n, -90, fill);
            for (int ch = 0; ch < c; ch++) {
                for (int y = 0; y < n; y++) {
                    for (int x = 0; x < n; x++) {
                        int o = ch * n * n + y * n + x;
                        assertEquals(image[ch * n * n + x * n + (n - 1 - y)], r90[o], "90° at " + x + "," + y);
                        assertEquals(image[ch * n * n + (n - 1 - y) * n + (n - 1 - x)], r180[o], "180° at " + x + "," + y);
                        assertEquals(image[ch * n * n + (n - 1 - x) * n + y], r270[o], "-90° at " + x + "," + y);
                    }
                }
            }
        }
    }

    @Test
    void aQuarterTurnMovesTheTopRightCornerToTheTopLeft() {
        float[] image = new float[4 * 4];
        image[3] = 1;
        float[] turned = Rotation.rotate(image, 1, 4, 4, 90, Fill.ZERO);
        assertEquals(1f, turned[0]);
        assertEquals(1f, sum(turned), 1e-6);
    }

    @Test
    void theInverseOfAQuarterTurnRestoresTheImage() {
        float[] image = random(2 * 5 * 5, 3);
        Rotation r = Rotation.of(5, 5, 90, Fill.REFLECT);
        assertArrayEquals(image, r.inverse().apply(r.apply(image, 1, 2), 1, 2));
        assertEquals(-90, r.inverse().degrees());
    }

    /** Bilinear interpolation reproduces a linear ramp exactly wherever all four neighbours are inside. */
    @ParameterizedTest
    @EnumSource(Fill.class)
    void interiorPixelsOfARotatedRampMatchTheClosedForm(Fill fill) {
        int h = 9;
        int w = 11;
        float[] ramp = new float[h * w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                ramp[y * w + x] = (0.5f * x + 0.25f * y) / 10f;
            }
        }
        double degrees = 30;
        float[] out = Rotation.rotate(ramp, 1, h, w, degrees, fill);
        double cos = Math.cos(Math.toRadians(degrees));
        double sin = Math.sin(Math.toRadians(degrees));
        double cx = (w - 1) / 2.0;
        double cy = (h - 1) / 2.0;
        int checked = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double xs = cx + (x - cx) * cos - (y - cy) * sin;
                double ys = cy + (x - cx) * sin + (y - cy) * cos;
                if (xs >= 0 && xs <= w - 1 && ys >= 0 && ys <= h - 1) {
                    assertEquals((0.5 * xs + 0.25 * ys) / 10, out[y * w + x], 1e-6, "at " + x + "," + y);
                    checked++;
                }
            }
        }
        assertTrue(checked > h * w / 2, "most pixels are interior");
    }

    @ParameterizedTest
    @EnumSource(Fill.class)
    void rotationKeepsPixelsInTheUnitInterval(Fill fill) {
        float[] ones = new float[3 * 16 * 16];
        java.util.Arrays.fill(ones, 1f);
        float[] noise = random(3 * 16 * 16, 9);
        for (double angle : new double[] {-30, -15, -5, 5, 15, 22.5, 30, 45, 90, 180, 271}) {
            for (float[] image : new float[][] {ones, noise}) {
                for (float v : Rotation.rotate(image, 3, 16, 16, angle, fill)) {
                    assertTrue(v >= 0f && v <= 1f, angle + "° gave " + v);
                }
            }
            if (fill != Fill.ZERO) {
                for (float v : Rotation.rotate(ones, 3, 16, 16, angle, fill)) {
                    assertEquals(1f, v, 1e-6, "a white image stays white with " + fill + " fill");
                }
            }
        }
    }

    @Test
    void zeroFillBlackensTheCornersOfAnOddAngle() {
        float[] ones = new float[8 * 8];
        java.util.Arrays.fill(ones, 1f);
        float[] out = Rotation.rotate(ones, 1, 8, 8, 45, Fill.ZERO);
        assertEquals(0f, out[0]);
        assertEquals(0f, out[63]);
        assertEquals(1f, out[3 * 8 + 3], 1e-6);
    }

    @Test
    void fillModesReadOutsideTheImageAsDocumented() {
        assertEquals(-1, Fill.ZERO.resolve(-1, 5));
        assertEquals(0, Fill.EDGE.resolve(-3, 5));
        assertEquals(4, Fill.EDGE.resolve(7, 5));
        assertEquals(0, Fill.REFLECT.resolve(-1, 5));
        assertEquals(1, Fill.REFLECT.resolve(-2, 5));
        assertEquals(4, Fill.REFLECT.resolve(5, 5));
        assertEquals(3, Fill.REFLECT.resolve(6, 5));
        assertEquals(0, Fill.REFLECT.resolve(9, 5));
        assertEquals(0, Fill.REFLECT.resolve(10, 5));
        assertEquals(2, Fill.REFLECT.resolve(2, 5));
    }

    @Test
    void aBatchRotatesEveryImageAndChannelAlike() {
        float[] a = random(3 * 6 * 8, 4);
        float[] b = random(3 * 6 * 8, 5);
        float[] batch = new float[a.length * 2];
        System.arraycopy(a, 0, batch, 0, a.length);
        System.arraycopy(b, 0, batch, a.length, b.length);
        float[] out = Rotation.of(6, 8, 15, Fill.EDGE).apply(batch, 2, 3);
        float[] ra = Rotation.rotate(a, 3, 6, 8, 15, Fill.EDGE);
        float[] rb = Rotation.rotate(b, 3, 6, 8, 15, Fill.EDGE);
        assertArrayEquals(ra, java.util.Arrays.copyOfRange(out, 0, a.length));
        assertArrayEquals(rb, java.util.Arrays.copyOfRange(out, a.length, out.length));
    }

    private static float sum(float[] v) {
        float s = 0;
        for (float x : v) {
            s += x;
        }
        return s;
    }
}
