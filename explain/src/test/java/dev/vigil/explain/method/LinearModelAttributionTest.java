package dev.vigil.explain.method;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.vigil.core.model.Classifier;
import dev.vigil.core.testing.Fixtures;
import dev.vigil.core.testing.LinearFixture;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** On f(x) = W·x + b every gradient method has a closed form in W and x (testdata/linear.json). */
class LinearModelAttributionTest {
    private static final int D = LinearFixture.SPEC.pixelsPerImage();
    private static LinearFixture fixture;
    private static Classifier model;
    private static final Images IMAGES = TestData.random(LinearFixture.SPEC, 5, 11);
    private static final int[] TARGETS = {0, 2, 1, 2, 0};

    @BeforeAll
    static void load() throws IOException {
        fixture = LinearFixture.read();
        model = Fixtures.load("linear.pt", LinearFixture.SPEC, 3);
    }

    @AfterAll
    static void close() {
        model.close();
    }

    private static double wx(int image, int j) {
        return fixture.w()[TARGETS[image]][j] * IMAGES.pixels()[image * D + j];
    }

    @Test
    void saliencyIsTheAbsoluteWeightRowOfTheTarget() {
        Attributions a = new Saliency(2).attribute(model, IMAGES, TARGETS);
        for (int i = 0; i < IMAGES.count(); i++) {
            for (int j = 0; j < D; j++) {
                assertEquals(Math.abs(fixture.w()[TARGETS[i]][j]), a.values()[i * D + j], 0.0, "image " + i + " value " + j);
            }
        }
    }

    @Test
    void gradientTimesInputIsWeightTimesInput() {
        Attributions a = new GradientTimesInput(3).attribute(model, IMAGES, TARGETS);
        for (int i = 0; i < IMAGES.count(); i++) {
            for (int j = 0; j < D; j++) {
                assertEquals(wx(i, j), a.values()[i * D + j], 1e-7);
            }
        }
    }

    @Test
    void integratedGradientsFromBlackIsWeightTimesInputForEveryRuleAndStepCount() {
        for (QuadratureRule rule : QuadratureRule.values()) {
            for (int steps : new int[] {2, 3, 7, 50}) {
                Attributions a = new IntegratedGradients(steps, rule, Baseline.BLACK, 4, 0).attribute(model, IMAGES, TARGETS);
                for (int i = 0; i < IMAGES.count(); i++) {
                    for (int j = 0; j < D; j++) {
                        assertEquals(wx(i, j), a.values()[i * D + j], 1e-6, rule + " steps " + steps + " image " + i);
                    }
                    Completeness c = a.completeness();
                    assertNotNull(c);
                    double expected = fixture.logit(IMAGES.pixels(), i * D, TARGETS[i]) - fixture.b()[TARGETS[i]];
                    assertEquals(expected, c.outputDifference()[i], 1e-5);
                    assertEquals(0, c.absoluteGap(i), 1e-5);
                }
            }
        }
        Attributions one = new IntegratedGradients(1, QuadratureRule.MIDPOINT, Baseline.BLACK, 4, 0).attribute(model, IMAGES, TARGETS);
        assertEquals(wx(3, 17), one.values()[3 * D + 17], 1e-6, "a single midpoint is exact on a linear model too");
    }

    @Test
    void integratedGradientsFromAnyBaselineIsWeightTimesTheDifference() {
        for (Baseline baseline : Baseline.values()) {
            float[] base = baseline.of(IMAGES, 5);
            Attributions a = new IntegratedGradients(6, QuadratureRule.GAUSS_LEGENDRE, baseline, 128, 5).attribute(model, IMAGES, TARGETS);
            for (int i = 0; i < IMAGES.count(); i++) {
                for (int j = 0; j < D; j++) {
                    double expected = fixture.w()[TARGETS[i]][j] * (IMAGES.pixels()[i * D + j] - base[i * D + j]);
                    assertEquals(expected, a.values()[i * D + j], 1e-6, baseline + " image " + i);
                }
                assertEquals(0, a.completeness().absoluteGap(i), 1e-5);
            }
        }
    }

    @Test
    void smoothGradOverSaliencyOfALinearModelIsStillTheAbsoluteWeights() {
        Attributions a = new SmoothGrad(new Saliency(16), 0.15, 9, 16, 3).attribute(model, IMAGES, TARGETS);
        for (int i = 0; i < IMAGES.count(); i++) {
            for (int j = 0; j < D; j++) {
                assertEquals(Math.abs(fixture.w()[TARGETS[i]][j]), a.values()[i * D + j], 1e-6);
            }
        }
    }

    @Test
    void occlusionWithoutOverlapGivesEachPixelItsPatchSumOfWeightTimesInput() {
        Attributions a = new Occlusion(2, 2, Baseline.BLACK, 3, 0).attribute(model, IMAGES, TARGETS);
        for (int i = 0; i < IMAGES.count(); i++) {
            for (int ch = 0; ch < 3; ch++) {
                for (int y = 0; y < 4; y++) {
                    for (int x = 0; x < 4; x++) {
                        double patchSum = patchSum(i, y / 2 * 2, x / 2 * 2, 2);
                        assertEquals(patchSum, a.values()[i * D + ch * 16 + y * 4 + x], 1e-5, "image " + i + " y " + y + " x " + x);
                    }
                }
            }
        }
    }

    @Test
    void overlappingOcclusionPatchesAverageTheirSumsAndReachTheEdges() {
        // patch 3, stride 2 on a 4-pixel side: corners 0 and (added, flush with the edge) 1
        Attributions a = new Occlusion(3, 2, Baseline.BLACK, 128, 0).attribute(model, IMAGES, TARGETS);
        int[] corners = {0, 1};
        for (int i = 0; i < IMAGES.count(); i++) {
            for (int y = 0; y < 4; y++) {
                for (int x = 0; x < 4; x++) {
                    double total = 0;
                    int count = 0;
                    for (int y0 : corners) {
                        for (int x0 : corners) {
                            if (y >= y0 && y < y0 + 3 && x >= x0 && x < x0 + 3) {
                                total += patchSum(i, y0, x0, 3);
                                count++;
                            }
                        }
                    }
                    assertEquals(total / count, a.values()[i * D + 16 + y * 4 + x], 1e-5);
                }
            }
        }
    }

    private static double patchSum(int image, int y0, int x0, int side) {
        double s = 0;
        for (int ch = 0; ch < 3; ch++) {
            for (int y = y0; y < y0 + side; y++) {
                for (int x = x0; x < x0 + side; x++) {
                    s += wx(image, ch * 16 + y * 4 + x);
                }
            }
        }
        return s;
    }
}
