package dev.vigil.explain.method;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.core.model.Capability;
import dev.vigil.core.model.Classifier;
import dev.vigil.core.model.DeviceChoice;
import dev.vigil.core.model.ModelLoader;
import dev.vigil.core.model.ModelRequest;
import dev.vigil.core.model.Normalization;
import dev.vigil.core.testing.Fixtures;
import dev.vigil.core.testing.LinearFixture;
import java.io.IOException;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/**
 * RISE on f(x) = W·x + b, run through ONNX Runtime (logits only): with a black fill the masked score is
 * Σ_j W_cj x_j M(j) + b_c, so the map is (1/(N·p)) Σ_i (W_c·(x ⊙ M_i) + b_c) M_i, computed here from the
 * method's own masks; and the masks are the paper's (values in [0, 1], mean p, random shifts).
 */
class RiseTest {
    private static final int D = LinearFixture.SPEC.pixelsPerImage();

    @Test
    void theMapIsTheMaskWeightedMeanOfTheMaskedScoresOnALogitsOnlyModel() throws IOException {
        LinearFixture f = LinearFixture.read();
        Images images = TestData.random(LinearFixture.SPEC, 3, 4);
        int[] targets = {2, 0, 1};
        Rise rise = new Rise(50, 2, 0.5, Baseline.BLACK, 7, 9);
        assertEquals(EnumSet.of(Capability.LOGITS), rise.needs());
        Attributions a;
        try (Classifier model = ModelLoader.open(new ModelRequest(Fixtures.testdata("onnx/linear.onnx"), LinearFixture.SPEC,
                Normalization.NONE, Fixtures.labels(3), DeviceChoice.CPU))) {
            assertFalse(model.can(Capability.INPUT_GRADIENT));
            a = rise.attribute(model, images, targets);
        }
        int plane = 16;
        for (int i = 0; i < images.count(); i++) {
            double[] expected = new double[plane];
            for (int k = 0; k < rise.masks(); k++) {
                float[] m = rise.mask(k, 4, 4);
                double score = f.b()[targets[i]];
                for (int j = 0; j < D; j++) {
                    score += f.w()[targets[i]][j] * images.pixels()[i * D + j] * m[j % plane];
                }
                for (int p = 0; p < plane; p++) {
                    expected[p] += score * m[p] / (rise.masks() * rise.keep());
                }
            }
            for (int j = 0; j < D; j++) {
                assertEquals(expected[j % plane], a.values()[i * D + j], 1e-4 * (1 + Math.abs(expected[j % plane])),
                        "image " + i + " value " + j);
            }
        }
    }

    @Test
    void masksAreSmoothKeepAFractionPOfTheImageAndShiftAtRandom() {
        Rise rise = new Rise(2000, 7, 0.3, Baseline.BLACK, 64, 1);
        double total = 0;
        float[] first = rise.mask(0, 32, 32);
        boolean differs = false;
        for (int k = 0; k < 400; k++) {
            float[] m = rise.mask(k, 32, 32);
            for (float v : m) {
                assertTrue(v >= 0 && v <= 1, "mask value " + v);
                total += v;
            }
            differs |= !java.util.Arrays.equals(first, m);
        }
        assertTrue(differs);
        assertEquals(0.3, total / (400 * 32 * 32), 0.02, "E[M] = p: bilinear weights sum to one");
        assertArrayEquals(rise.mask(17, 32, 32), rise.mask(17, 32, 32), "the same seed and index give the same mask");
        int fractional = 0;
        for (float v : first) {
            fractional += v > 0 && v < 1 ? 1 : 0;
        }
        assertTrue(fractional > 0, "upsampled masks are smooth, not binary");
    }
}
