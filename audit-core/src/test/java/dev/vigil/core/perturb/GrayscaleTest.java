package dev.vigil.core.perturb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class GrayscaleTest {
    @Test
    void aGrayImageStaysTheSame() {
        int plane = 5 * 4;
        float[] image = new float[3 * plane];
        Random r = new Random(2);
        for (int i = 0; i < plane; i++) {
            float v = r.nextInt(256) / 255f;
            image[i] = v;
            image[plane + i] = v;
            image[2 * plane + i] = v;
        }
        // 0.299 + 0.587 + 0.114 is 1, but each float product rounds: equal up to one unit in the last place.
        assertArrayEquals(image, Grayscale.apply(image, 3, 5, 4), 1e-7f);
    }

    @Test
    void pureRedBecomesLumaPointTwoNineNineInEveryChannel() {
        int plane = 3 * 3;
        float[] red = new float[3 * plane];
        java.util.Arrays.fill(red, 0, plane, 1f);
        for (float v : Grayscale.apply(red, 3, 3, 3)) {
            assertEquals(0.299f, v);
        }
    }

    @Test
    void greenAndBlueWeighAsBt601Says() {
        float[] pixel = {0.2f, 0.6f, 1.0f};
        float[] gray = Grayscale.apply(pixel, 3, 1, 1);
        assertEquals(0.299 * 0.2 + 0.587 * 0.6 + 0.114 * 1.0, gray[0], 1e-6);
        assertEquals(gray[0], gray[1]);
        assertEquals(gray[0], gray[2]);
    }

    @Test
    void oneChannelImagesAreAlreadyGray() {
        float[] image = {0.1f, 0.5f, 0.9f, 0.3f};
        assertArrayEquals(image, Grayscale.apply(image, 1, 2, 2));
    }
}
