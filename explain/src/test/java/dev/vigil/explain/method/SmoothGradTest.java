package dev.vigil.explain.method;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.vigil.core.model.Classifier;
import dev.vigil.core.model.InputSpec;
import dev.vigil.core.testing.Fixtures;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SmoothGradTest {
    private static final InputSpec SPEC = new InputSpec(3, 8, 8);
    private static final Images IMAGES = TestData.random(SPEC, 5, 21);
    private static final int[] TARGETS = {0, 1, 2, 3, 0};

    @Test
    void withoutNoiseItIsTheBaseMethod() {
        try (Classifier model = Fixtures.load("nonlinear.pt", SPEC, 4)) {
            float[] plain = new Saliency(8).attribute(model, IMAGES, TARGETS).values();
            float[] smooth = new SmoothGrad(new Saliency(8), 0, 3, 8, 1).attribute(model, IMAGES, TARGETS).values();
            assertArrayEquals(plain, smooth, 1e-6f);
        }
    }

    @Test
    void theNoiseDependsOnTheSeedAndTheImageNotOnHowImagesAreGrouped() {
        try (Classifier model = Fixtures.load("nonlinear.pt", SPEC, 4)) {
            float[] small = new SmoothGrad(new Saliency(4), 0.15, 6, 7, 9).attribute(model, IMAGES, TARGETS).values();
            float[] large = new SmoothGrad(new Saliency(100), 0.15, 6, 100, 9).attribute(model, IMAGES, TARGETS).values();
            assertArrayEquals(large, small, 1e-6f);
            float[] other = new SmoothGrad(new Saliency(100), 0.15, 6, 100, 10).attribute(model, IMAGES, TARGETS).values();
            assertFalse(Arrays.equals(large, other));
            float[] plain = new Saliency(8).attribute(model, IMAGES, TARGETS).values();
            assertFalse(Arrays.equals(plain, large), "the noise changes the gradients of a nonlinear model");
        }
    }

    @Test
    void gaussianNoiseHasUnitVariance() {
        SplittableRandom random = new SplittableRandom(4);
        double sum = 0;
        double squares = 0;
        int n = 200_000;
        for (int i = 0; i < n; i++) {
            double g = SmoothGrad.gaussian(random);
            sum += g;
            squares += g * g;
        }
        assertEquals(0, sum / n, 0.01);
        assertEquals(1, squares / n, 0.01);
    }
}
