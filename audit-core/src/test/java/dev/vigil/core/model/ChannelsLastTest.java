package dev.vigil.core.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.vigil.core.testing.Fixtures;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The channels-last input layout changes only speed: the same logits and input gradients as the
 * usual layout, chosen only for models that accept it.
 */
class ChannelsLastTest {
    private static final InputSpec CIFAR = new InputSpec(3, 32, 32);
    private static final Normalization CIFAR_NORM = new Normalization(new float[] {0.4914f, 0.4822f, 0.4465f},
            new float[] {0.2470f, 0.2435f, 0.2616f});

    private static TorchScriptClassifier load(String file, InputSpec spec, Normalization norm, int classes) {
        return TorchScriptClassifier.load(Fixtures.testdata(file), spec, norm, Fixtures.labels(classes), DeviceChoice.CPU);
    }

    private static <T> T withProperty(String value, Supplier<T> body) {
        String before = System.getProperty("vigil.channelsLast");
        System.setProperty("vigil.channelsLast", value);
        try {
            return body.get();
        } finally {
            if (before == null) {
                System.clearProperty("vigil.channelsLast");
            } else {
                System.setProperty("vigil.channelsLast", before);
            }
        }
    }

    private static float[] pixels(int n, int seed) {
        float[] x = new float[n * CIFAR.pixelsPerImage()];
        Random random = new Random(seed);
        for (int j = 0; j < x.length; j++) {
            x[j] = random.nextFloat();
        }
        return x;
    }

    @Test
    void aCopyInChannelsLastLayoutHoldsTheSameValuesInTheSameLogicalOrder() {
        try (TorchScriptClassifier model = load("linear.pt", new InputSpec(3, 4, 4), Normalization.NONE, 3);
             NDManager scope = model.newBatchScope()) {
            float[] x = new float[2 * 48];
            for (int j = 0; j < x.length; j++) {
                x[j] = j;
            }
            NDArray batch = model.pixels(scope, x, 2);
            NDArray last = ChannelsLast.of(batch);
            assertEquals(batch.getShape(), last.getShape());
            assertArrayEquals(x, last.toFloatArray(), 0f);
        }
    }

    @Test
    void theCifarModelRunsChannelsLastWithTheSameLogitsAndGradients() {
        int n = 16;
        float[] x = pixels(n, 5);
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 10;
        }
        float[][] fast;
        try (TorchScriptClassifier model = load("cifar/model.pt", CIFAR, CIFAR_NORM, 10); NDManager scope = model.newBatchScope()) {
            assertTrue(model.channelsLast(), "a plain conv net on the CPU takes channels-last input");
            NDArray batch = model.pixels(scope, x, n);
            fast = new float[][] {model.logits(batch).toFloatArray(),
                model.gradient(batch, Objective.crossEntropy(labels)).gradient().toFloatArray()};
        }
        float[][] usual = withProperty("false", () -> {
            try (TorchScriptClassifier model = load("cifar/model.pt", CIFAR, CIFAR_NORM, 10); NDManager scope = model.newBatchScope()) {
                assertFalse(model.channelsLast(), "-Dvigil.channelsLast=false turns it off");
                NDArray batch = model.pixels(scope, x, n);
                return new float[][] {model.logits(batch).toFloatArray(),
                    model.gradient(batch, Objective.crossEntropy(labels)).gradient().toFloatArray()};
            }
        });
        assertArrayEquals(usual[0], fast[0], 1e-4f, "logits");
        float scale = 0;
        for (float g : usual[1]) {
            scale = Math.max(scale, Math.abs(g));
        }
        assertTrue(scale > 0);
        assertArrayEquals(usual[1], fast[1], 1e-4f * scale, "input gradients");
    }

    @Test
    void aModelThatViewsItsActivationsKeepsTheUsualLayoutAndStillWorks() {
        try (TorchScriptClassifier model = load("view_flatten.pt", new InputSpec(3, 8, 8), Normalization.NONE, 3);
             NDManager scope = model.newBatchScope()) {
            assertFalse(model.channelsLast(), "view_flatten.pt fails on channels-last input");
            float[] x = new float[4 * 192];
            NDArray batch = model.pixels(scope, x, 4);
            assertEquals(12, model.logits(batch).toFloatArray().length);
            assertEquals(4 * 192, model.gradient(batch, Objective.crossEntropy(new int[] {0, 1, 2, 0})).gradient().toFloatArray().length);
        }
    }
}
