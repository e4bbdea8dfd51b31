package dev.vigil.attacks.drift.corruptions;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Properties every corruption of the suite must have, checked for each one. */
class CorruptionPropertiesTest {
    static Stream<Corruption> suite() {
        return Corruptions.all().stream();
    }

    private static float[] randomImage(int n, long seed) {
        Random r = new Random(seed);
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = r.nextFloat();
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("suite")
    void mapsTheUnitIntervalIntoItself(Corruption corruption) throws Exception {
        int n = 3 * 32 * 32;
        float[] black = new float[n];
        float[] white = new float[n];
        Arrays.fill(white, 1f);
        for (float[] image : new float[][] {black, white, randomImage(n, 3), TestPictures.load(TestPictures.FILES.get(0))}) {
            for (int s = 1; s <= 5; s++) {
                float[] out = corruption.apply(image, 3, 32, 32, s, new SplittableRandom(s));
                assertEquals(n, out.length);
                for (float v : out) {
                    assertTrue(v >= 0f && v <= 1f, corruption.id() + " at severity " + s + " gave " + v);
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("suite")
    void isDeterministicForASeedAndLeavesItsInputAlone(Corruption corruption) throws Exception {
        float[] image = TestPictures.load(TestPictures.FILES.get(1));
        float[] copy = image.clone();
        for (int s = 1; s <= 5; s++) {
            float[] first = corruption.apply(image, 3, 32, 32, s, new SplittableRandom(42));
            float[] second = corruption.apply(image, 3, 32, 32, s, new SplittableRandom(42));
            assertArrayEquals(first, second, corruption.id() + " at severity " + s);
        }
        assertArrayEquals(copy, image);
    }

    @ParameterizedTest
    @MethodSource("suite")
    void strengthDoesNotFallAsSeverityRises(Corruption corruption) throws Exception {
        for (String file : TestPictures.FILES) {
            if (corruption instanceof Translation && TestPictures.PERIODIC.contains(file)) {
                // A shift by a whole period leaves a periodic texture as it was, so on stripes and checkers the
                // change of a shift is not monotone in its length; the shift itself grows with severity
                // (CorruptionValuesTest checks it exactly).
                continue;
            }
            float[] image = TestPictures.load(file);
            double previous = 0;
            for (int s = 1; s <= 5; s++) {
                float[] out = corruption.apply(image, 3, 32, 32, s, new SplittableRandom(7));
                double change = TestPictures.meanAbsoluteChange(image, out);
                if (s == 1) {
                    assertTrue(change > 0, corruption.id() + " changes " + file + " at severity 1");
                }
                assertTrue(change >= previous - 1e-9, corruption.id() + " on " + file + ": mean absolute change "
                        + change + " at severity " + s + " is below " + previous + " at severity " + (s - 1));
                previous = change;
            }
        }
    }

    @ParameterizedTest
    @MethodSource("suite")
    void worksOnOneChannelAndNonSquareImages(Corruption corruption) {
        float[] gray = randomImage(20 * 28, 5);
        for (int s = 1; s <= 5; s++) {
            float[] out = corruption.apply(gray, 1, 20, 28, s, new SplittableRandom(1));
            assertEquals(gray.length, out.length);
            for (float v : out) {
                assertTrue(v >= 0f && v <= 1f);
            }
        }
        float[] colour = randomImage(3 * 20 * 28, 6);
        assertEquals(colour.length, corruption.apply(colour, 3, 20, 28, 3, new SplittableRandom(1)).length);
    }

    @ParameterizedTest
    @MethodSource("suite")
    void randomCorruptionsDrawFromTheGeneratorOnly(Corruption corruption) throws Exception {
        float[] image = TestPictures.load(TestPictures.FILES.get(2));
        boolean random = corruption instanceof GaussianNoise || corruption instanceof ShotNoise || corruption instanceof Translation;
        boolean differs = false;
        float[] first = corruption.apply(image, 3, 32, 32, 3, new SplittableRandom(0));
        for (long seed = 1; seed <= 8; seed++) {
            differs |= !Arrays.equals(first, corruption.apply(image, 3, 32, 32, 3, new SplittableRandom(seed)));
        }
        if (random) {
            assertTrue(differs, corruption.id() + " draws from its generator");
        } else {
            assertFalse(differs, corruption.id() + " is not random");
        }
    }
}
