package dev.vigil.core.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.vigil.core.InputError;
import dev.vigil.core.testing.Fixtures;
import dev.vigil.core.testing.LinearFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TorchScriptClassifierTest {
    static float[] randomPixels(int n, long seed) {
        Random random = new Random(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = random.nextFloat();
        }
        return x;
    }

    @Test
    void linearLogitsAndCrossEntropyGradientMatchTheAnalyticModel() throws IOException {
        LinearFixture f = LinearFixture.read();
        int n = 5;
        int d = LinearFixture.SPEC.pixelsPerImage();
        float[] x = randomPixels(n * d, 1);
        int[] labels = {0, 1, 2, 1, 0};
        try (Classifier model = Fixtures.load("linear.pt", LinearFixture.SPEC, 3);
             NDManager scope = model.newBatchScope()) {
            NDArray pixels = model.pixels(scope, x, n);
            float[] logits = model.logits(pixels).toFloatArray();
            GradientResult g = model.gradient(pixels, Objective.crossEntropy(labels));
            float[] grad = g.gradient().toFloatArray();
            assertArrayEquals(logits, g.logits().toFloatArray(), 1e-6f);
            for (int i = 0; i < n; i++) {
                double[] p = new double[3];
                double total = 0;
                for (int c = 0; c < 3; c++) {
                    assertEquals(f.logit(x, i * d, c), logits[i * 3 + c], 1e-5);
                    p[c] = Math.exp(f.logit(x, i * d, c));
                    total += p[c];
                }
                // d/dx of mean CE = (softmax - onehot)·W / n
                for (int j = 0; j < d; j++) {
                    double expected = 0;
                    for (int c = 0; c < 3; c++) {
                        expected += (p[c] / total - (c == labels[i] ? 1 : 0)) * f.w()[c][j];
                    }
                    assertEquals(expected / n, grad[i * d + j], 1e-6, "sample " + i + " pixel " + j);
                }
            }
            assertArrayEquals(x, pixels.toFloatArray(), "the caller's batch is left untouched");
        }
    }

    @Test
    void logitGradientOfTheLinearModelIsItsWeightRow() throws IOException {
        LinearFixture f = LinearFixture.read();
        int d = LinearFixture.SPEC.pixelsPerImage();
        int[] targets = {2, 0};
        try (Classifier model = Fixtures.load("linear.pt", LinearFixture.SPEC, 3);
             NDManager scope = model.newBatchScope()) {
            float[] grad = model.gradient(model.pixels(scope, randomPixels(2 * d, 2), 2), Objective.logitOf(targets))
                    .gradient().toFloatArray();
            for (int i = 0; i < 2; i++) {
                for (int j = 0; j < d; j++) {
                    assertEquals(f.w()[targets[i]][j], grad[i * d + j], 0.0);
                }
            }
        }
    }

    @Test
    void gradientAgreesWithCentralFiniteDifferencesOnANonlinearModel() {
        InputSpec spec = new InputSpec(3, 8, 8);
        int d = spec.pixelsPerImage();
        float[] x = randomPixels(d, 3);
        int[] label = {1};
        try (Classifier model = Fixtures.load("nonlinear.pt", spec, 4);
             NDManager scope = model.newBatchScope()) {
            float[] grad = model.gradient(model.pixels(scope, x, 1), Objective.logitOf(label)).gradient().toFloatArray();
            // float32 forward passes: a step of 1e-2 keeps rounding error (~1e-7/1e-2) well below the
            // truncation error of the central difference on this tanh network (~h^2).
            float h = 1e-2f;
            double num = 0;
            double den = 0;
            for (int j = 0; j < d; j += 7) {
                float[] plus = x.clone();
                float[] minus = x.clone();
                plus[j] += h;
                minus[j] -= h;
                double fp = model.logits(model.pixels(scope, plus, 1)).toFloatArray()[1];
                double fm = model.logits(model.pixels(scope, minus, 1)).toFloatArray()[1];
                double fd = (fp - fm) / ((double) plus[j] - minus[j]);
                num += (fd - grad[j]) * (fd - grad[j]);
                den += grad[j] * grad[j];
            }
            double relativeError = Math.sqrt(num / den);
            assertTrue(relativeError < 1e-3, "relative error " + relativeError);
        }
    }

    @Test
    void normalizationInsideTheAdapterEqualsNormalizationInsideTheModel() {
        InputSpec spec = new InputSpec(3, 8, 8);
        Normalization norm = new Normalization(new float[] {0.4914f, 0.4822f, 0.4465f}, new float[] {0.2470f, 0.2435f, 0.2616f});
        float[] x = randomPixels(4 * spec.pixelsPerImage(), 4);
        int[] labels = {0, 1, 2, 0};
        try (Classifier inside = TorchScriptClassifier.load(Fixtures.testdata("norm_inside.pt"), spec, Normalization.NONE, Fixtures.labels(3), DeviceChoice.CPU);
             Classifier raw = TorchScriptClassifier.load(Fixtures.testdata("norm_raw.pt"), spec, norm, Fixtures.labels(3), DeviceChoice.CPU);
             NDManager a = inside.newBatchScope();
             NDManager b = raw.newBatchScope()) {
            GradientResult gi = inside.gradient(inside.pixels(a, x, 4), Objective.crossEntropy(labels));
            GradientResult gr = raw.gradient(raw.pixels(b, x, 4), Objective.crossEntropy(labels));
            assertArrayEquals(gi.logits().toFloatArray(), gr.logits().toFloatArray(), 1e-5f);
            assertArrayEquals(gi.gradient().toFloatArray(), gr.gradient().toFloatArray(), 1e-5f);
            assertArrayEquals(inside.logits(inside.pixels(a, x, 4)).toFloatArray(), raw.logits(raw.pixels(b, x, 4)).toFloatArray(), 1e-5f);
        }
    }

    @Test
    void aMissingModelFileIsAnInputError() {
        InputError e = assertThrows(InputError.class, () -> TorchScriptClassifier.load(Path.of("no/such/model.pt"),
                LinearFixture.SPEC, Normalization.NONE, Fixtures.labels(3), DeviceChoice.CPU));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void aFileThatIsNotTorchScriptIsAnInputError(@TempDir Path dir) throws IOException {
        Path bogus = Files.writeString(dir.resolve("model.pt"), "this is not a model");
        InputError e = assertThrows(InputError.class, () -> TorchScriptClassifier.load(bogus,
                LinearFixture.SPEC, Normalization.NONE, Fixtures.labels(3), DeviceChoice.CPU));
        assertTrue(e.getMessage().contains("could not be loaded as TorchScript"), e.getMessage());
    }

    @Test
    void aModelWithTheWrongNumberOfOutputsIsRejectedInOneSentence() {
        InputError e = assertThrows(InputError.class, () -> TorchScriptClassifier.load(Fixtures.testdata("linear.pt"),
                LinearFixture.SPEC, Normalization.NONE, List.of("a", "b", "c", "d"), DeviceChoice.CPU));
        assertTrue(e.getMessage().contains("2-D logits [batch, 4]"), e.getMessage());
    }

    @Test
    void anInputOfTheWrongShapeIsAnInputError() {
        InputError e = assertThrows(InputError.class, () -> TorchScriptClassifier.load(Fixtures.testdata("linear.pt"),
                new InputSpec(3, 5, 5), Normalization.NONE, Fixtures.labels(3), DeviceChoice.CPU));
        assertTrue(e.getMessage().contains("--image-size"), e.getMessage());
    }

    @Test
    void withoutLabelsTheClassesAreNamedByIndexFromTheOutputWidth() {
        try (TorchScriptClassifier model = TorchScriptClassifier.load(Fixtures.testdata("linear.pt"), LinearFixture.SPEC,
                Normalization.NONE, List.of(), DeviceChoice.CPU)) {
            assertEquals(List.of("0", "1", "2"), model.labels());
        }
    }

    @Test
    void aReloadedCopyHasItsOwnParametersSoChangingThemLeavesTheOriginalAlone() throws IOException {
        LinearFixture f = LinearFixture.read();
        float[] x = randomPixels(LinearFixture.SPEC.pixelsPerImage(), 4);
        try (TorchScriptClassifier model = Fixtures.load("linear.pt", LinearFixture.SPEC, 3);
             TorchScriptClassifier copy = model.freshCopy();
             NDManager scope = model.newBatchScope()) {
            assertEquals(List.of("fc.weight", "fc.bias"), copy.parameters().keys());
            NDArray weight = copy.parameters().get("fc.weight").getArray();
            assertEquals(f.w()[1][5], weight.toFloatArray()[48 + 5], 0.0);
            weight.set(new ai.djl.ndarray.index.NDIndex("..."), scope.zeros(weight.getShape()));
            float[] copied = copy.logits(copy.pixels(scope, x, 1)).toFloatArray();
            float[] original = model.logits(model.pixels(scope, x, 1)).toFloatArray();
            for (int c = 0; c < 3; c++) {
                assertEquals(f.b()[c], copied[c], 1e-6, "the copy's weights are zero now");
                assertEquals(f.logit(x, 0, c), original[c], 1e-5, "the original is unchanged");
            }
        }
    }
}
