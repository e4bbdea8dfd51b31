package dev.vigil.core.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import dev.vigil.core.InputError;
import dev.vigil.core.data.Batch;
import dev.vigil.core.data.BatchStream;
import dev.vigil.core.data.Dataset;
import dev.vigil.core.testing.CifarFixture;
import dev.vigil.core.testing.Fixtures;
import dev.vigil.core.testing.LinearFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ONNX models exported from the TorchScript fixtures (testdata/onnx/make_onnx_fixtures.py) give the
 * TorchScript file's predictions and logits; shapes, dtypes and outputs Vigil cannot use are refused.
 */
class OnnxClassifierTest {
    private static Classifier open(String file, InputSpec spec, Normalization norm, List<String> labels) {
        return ModelLoader.open(new ModelRequest(Fixtures.testdata(file), spec, norm, labels, DeviceChoice.CPU));
    }

    /** Logits of every CIFAR fixture image, in batches of {@code batchSize} (the last one short). */
    private static float[] cifarLogits(Classifier model, int batchSize) {
        Dataset data = CifarFixture.dataset();
        float[] all = new float[data.samples().size() * 10];
        int at = 0;
        try (BatchStream stream = new BatchStream(data.samples(), CifarFixture.SPEC, batchSize)) {
            for (Batch batch : stream) {
                try (NDManager scope = model.newBatchScope()) {
                    float[] logits = model.logits(model.pixels(scope, batch.pixels(), batch.size())).toFloatArray();
                    System.arraycopy(logits, 0, all, at, logits.length);
                    at += logits.length;
                }
            }
        }
        assertEquals(all.length, at, "every fixture image was read");
        return all;
    }

    private static int argmax(float[] logits, int row, int classes) {
        int best = 0;
        for (int c = 1; c < classes; c++) {
            if (logits[row * classes + c] > logits[row * classes + best]) {
                best = c;
            }
        }
        return best;
    }

    private static void assertSameModel(float[] expected, float[] actual, int classes, double tolerance) {
        double worst = 0;
        for (int j = 0; j < expected.length; j++) {
            worst = Math.max(worst, Math.abs(expected[j] - actual[j]));
        }
        assertTrue(worst <= tolerance, "max |Δlogit| " + worst + " over " + expected.length / classes + " images");
        for (int i = 0; i < expected.length / classes; i++) {
            assertEquals(argmax(expected, i, classes), argmax(actual, i, classes), "prediction of image " + i);
        }
    }

    @Test
    void theCifarExportGivesTheTorchScriptPredictionsAndLogitsOnEveryFixtureImage() {
        float[] torch;
        try (Classifier source = CifarFixture.model()) {
            torch = cifarLogits(source, 64);
        }
        try (Classifier onnx = open("onnx/cifar.onnx", CifarFixture.SPEC, CifarFixture.NORM, CifarFixture.dataset().classNames())) {
            assertEquals(Set.of(Capability.LOGITS), onnx.capabilities());
            assertSameModel(torch, cifarLogits(onnx, 64), 10, 1e-4);
        }
    }

    @Test
    void aFixedBatchExportRunsInChunksWithThePaddingDropped() {
        float[] dynamic;
        try (Classifier onnx = open("onnx/cifar.onnx", CifarFixture.SPEC, CifarFixture.NORM, CifarFixture.dataset().classNames())) {
            dynamic = cifarLogits(onnx, 30);
        }
        try (OnnxClassifier fixed = (OnnxClassifier) open("onnx/cifar_fixed_batch.onnx", CifarFixture.SPEC, CifarFixture.NORM,
                CifarFixture.dataset().classNames())) {
            assertEquals(8, fixed.fixedBatch());
            // batches of 30 (and a last one of 20): chunks of 8 with 2 and 4 padding images
            assertSameModel(dynamic, cifarLogits(fixed, 30), 10, 1e-5);
        }
    }

    @Test
    void theDemoExportGivesTheTorchScriptLogits() throws IOException {
        List<String> labels = Files.readAllLines(Fixtures.demo("labels.txt")).stream().filter(s -> !s.isBlank()).toList();
        Normalization norm = new Normalization(new float[] {0.5f, 0.5f, 0.5f}, new float[] {0.25f, 0.25f, 0.25f});
        float[] x = TorchScriptClassifierTest.randomPixels(12 * CifarFixture.SPEC.pixelsPerImage(), 3);
        float[] torch;
        float[] onnx;
        try (Classifier source = ModelLoader.open(new ModelRequest(Fixtures.demo("model.pt"), CifarFixture.SPEC, norm, labels,
                DeviceChoice.CPU)); NDManager scope = source.newBatchScope()) {
            torch = source.logits(source.pixels(scope, x, 12)).toFloatArray();
        }
        try (Classifier model = open("onnx/demo.onnx", CifarFixture.SPEC, norm, labels); NDManager scope = model.newBatchScope()) {
            onnx = model.logits(model.pixels(scope, x, 12)).toFloatArray();
        }
        assertSameModel(torch, onnx, 6, 1e-4);
    }

    @Test
    void linearLogitsMatchTheAnalyticModelWithLabelsNamedByIndex() throws IOException {
        LinearFixture f = LinearFixture.read();
        int d = LinearFixture.SPEC.pixelsPerImage();
        float[] x = TorchScriptClassifierTest.randomPixels(5 * d, 1);
        try (Classifier model = open("onnx/linear.onnx", LinearFixture.SPEC, Normalization.NONE, List.of());
             NDManager scope = model.newBatchScope()) {
            assertEquals(List.of("0", "1", "2"), model.labels());
            float[] logits = model.logits(model.pixels(scope, x, 5)).toFloatArray();
            for (int i = 0; i < 5; i++) {
                for (int c = 0; c < 3; c++) {
                    assertEquals(f.logit(x, i * d, c), logits[i * 3 + c], 1e-5);
                }
            }
        }
    }

    @Test
    void provenanceNamesTheEngineTheProducerAndTheOpset() {
        try (Classifier model = open("onnx/linear.onnx", LinearFixture.SPEC, Normalization.NONE, Fixtures.labels(3))) {
            EngineInfo engine = model.engine();
            assertEquals("ONNX Runtime", engine.name());
            assertEquals("1.23.2", engine.version());
            assertEquals("ONNX", engine.format());
            assertEquals("pytorch 1.13.0", engine.modelMetadata().get("producer"));
            assertEquals("17", engine.modelMetadata().get("opset"));
            assertEquals("input [-1, 3, 4, 4]", engine.modelMetadata().get("input"));
        }
    }

    @Test
    void gradientsAndFreshCopiesAreRefusedAsMissingCapabilities() {
        try (Classifier model = open("onnx/linear.onnx", LinearFixture.SPEC, Normalization.NONE, Fixtures.labels(3));
             NDManager scope = model.newBatchScope()) {
            assertFalse(model.can(Capability.INPUT_GRADIENT));
            assertThrows(MissingCapabilityException.class,
                    () -> model.gradient(model.pixels(scope, new float[48], 1), Objective.logitOf(new int[] {0})));
            assertThrows(MissingCapabilityException.class, model::freshCopy);
        }
    }

    @Test
    void anOutputThatIsNotTwoDimensionalLogitsIsRefusedWithOneSentence() {
        InputError e = assertThrows(InputError.class,
                () -> open("onnx/linear_3d.onnx", LinearFixture.SPEC, Normalization.NONE, Fixtures.labels(3)));
        assertTrue(e.getMessage().contains("has shape (2, 3, 1)") && e.getMessage().contains("2-D logits"), e.getMessage());
    }

    @Test
    void theWrongImageSizeOrLabelCountIsRefusedNamingTheFix() {
        InputError size = assertThrows(InputError.class,
                () -> open("onnx/linear.onnx", new InputSpec(3, 8, 8), Normalization.NONE, Fixtures.labels(3)));
        assertTrue(size.getMessage().contains("--image-size 4x4"), size.getMessage());
        InputError labels = assertThrows(InputError.class,
                () -> open("onnx/linear.onnx", LinearFixture.SPEC, Normalization.NONE, Fixtures.labels(5)));
        assertTrue(labels.getMessage().contains("one column per label (5 labels)"), labels.getMessage());
        InputError gpu = assertThrows(InputError.class, () -> ModelLoader.open(new ModelRequest(Fixtures.testdata("onnx/linear.onnx"),
                LinearFixture.SPEC, Normalization.NONE, Fixtures.labels(3), DeviceChoice.GPU)));
        assertTrue(gpu.getMessage().contains("--device cpu"), gpu.getMessage());
    }

    @Test
    void aFileThatIsNotOnnxIsRefusedWithOneSentence(@TempDir Path dir) throws IOException {
        Path broken = dir.resolve("broken.onnx");
        Files.write(broken, new byte[] {0x08, 0x08, 0x12, 0x7f, 1, 2});
        InputError e = assertThrows(InputError.class, () -> ModelLoader.open(new ModelRequest(broken, LinearFixture.SPEC,
                Normalization.NONE, Fixtures.labels(3), DeviceChoice.CPU)));
        assertTrue(e.getMessage().contains("not a valid ONNX file"), e.getMessage());
    }

    @Test
    void anOnnxFileIsRecognizedByItsFirstBytesUnderAnotherName(@TempDir Path dir) throws IOException {
        Path renamed = dir.resolve("model.bin");
        Files.copy(Fixtures.testdata("onnx/linear.onnx"), renamed);
        assertEquals("ONNX", ModelLoader.formatOf(renamed).name());
        assertEquals("TorchScript", ModelLoader.formatOf(Fixtures.testdata("linear.pt")).name());
        assertArrayEquals(new byte[] {0x08, 0x08}, java.util.Arrays.copyOf(Files.readAllBytes(renamed), 2));
    }
}
