package dev.vigil.explain.quality;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.core.data.Batch;
import dev.vigil.core.data.BatchStream;
import dev.vigil.core.data.Dataset;
import dev.vigil.core.eval.Predictions;
import dev.vigil.core.model.Classifier;
import dev.vigil.core.model.InputSpec;
import dev.vigil.core.perturb.Epsilon;
import dev.vigil.core.testing.CifarFixture;
import dev.vigil.explain.method.Images;
import org.junit.jupiter.api.Test;

class VariantsTest {
    private static final InputSpec SPEC = new InputSpec(3, 6, 6);

    @Test
    void namesFollowTheMetricStyle() {
        assertEquals("rotation.15", new RotationVariant(15).id());
        assertEquals("rotation.-7.5", new RotationVariant(-7.5).id());
        assertEquals("rotated 15°", new RotationVariant(15).title());
        assertEquals("grayscale", new GrayscaleVariant().id());
        assertEquals("fgsm.eps=8/255", new FgsmVariant(Epsilon.parse("8/255", "eps"), 8).id());
    }

    @Test
    void aQuarterTurnIsUndoneExactlyAndEveryPixelIsComparable() {
        RotationVariant quarter = new RotationVariant(90);
        double[] map = new double[36];
        float[] image = new float[3 * 36];
        for (int j = 0; j < 36; j++) {
            map[j] = j;
            image[j] = j / 36f;
        }
        Images rotated = quarter.apply(null, new Images(SPEC, 1, image), new int[] {0});
        double[] rotatedMap = new double[36];
        for (int j = 0; j < 36; j++) {
            rotatedMap[j] = rotated.pixels()[j] * 36;
        }
        double[] back = quarter.toOriginalFrame(rotatedMap, 6, 6);
        for (int j = 0; j < 36; j++) {
            assertEquals(map[j] / 35, back[j], 1e-5, "pixel " + j + " (the map comes back scaled to [0, 1])");
        }
        boolean[] keep = quarter.comparable(6, 6);
        for (boolean k : keep) {
            assertTrue(k);
        }
        boolean[] tilted = new RotationVariant(15).comparable(6, 6);
        assertFalse(tilted[0], "a corner leaves the frame at 15°");
        assertTrue(tilted[2 * 6 + 2], "the centre stays");
    }

    @Test
    void grayscaleIsTheLumaInEveryChannel() {
        float[] image = new float[3 * 36];
        image[0] = 1;
        image[36 + 1] = 1;
        image[72 + 2] = 1;
        float[] gray = new GrayscaleVariant().apply(null, new Images(SPEC, 1, image), new int[] {0}).pixels();
        assertEquals(0.299f, gray[0], 1e-7f);
        assertEquals(0.587f, gray[36 + 1], 1e-7f);
        assertEquals(0.114f, gray[72 + 2], 1e-7f);
        assertEquals(gray[0], gray[36], 0f);
    }

    /** testdata/cifar/expected.json has plain PyTorch's FGSM prediction of every image at 8/255. */
    @Test
    void fgsmImagesAreThoseOfPlainPyTorch() throws Exception {
        JsonNode expected = CifarFixture.expected();
        Dataset data = CifarFixture.dataset();
        Batch batch;
        try (BatchStream stream = new BatchStream(data.samples().subList(0, 24), CifarFixture.SPEC, 24)) {
            batch = stream.iterator().next();
        }
        try (Classifier model = CifarFixture.model()) {
            Images images = new Images(CifarFixture.SPEC, 24, batch.pixels());
            Images adversarial = new FgsmVariant(Epsilon.parse("8/255", "eps"), 10).apply(model, images, batch.labels());
            float max = 0;
            for (int j = 0; j < images.pixels().length; j++) {
                max = Math.max(max, Math.abs(adversarial.pixels()[j] - images.pixels()[j]));
            }
            assertEquals(8 / 255f, max, 1e-6f);
            int[] predicted;
            try (NDManager scope = model.newBatchScope()) {
                predicted = Predictions.of(model.logits(model.pixels(scope, adversarial.pixels(), 24))).classes();
            }
            int[] want = new int[24];
            for (int i = 0; i < 24; i++) {
                want[i] = expected.get("per_sample").get(i).get("fgsm_pred").get("8/255").asInt();
            }
            assertArrayEquals(want, predicted);
        }
    }
}
