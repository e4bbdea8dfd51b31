package dev.vigil.explain.method;

import dev.vigil.core.model.InputSpec;
import java.util.Random;

/** Seeded random images for method tests. */
final class TestData {
    private TestData() {
    }

    static Images random(InputSpec spec, int count, long seed) {
        Random random = new Random(seed);
        float[] x = new float[count * spec.pixelsPerImage()];
        for (int j = 0; j < x.length; j++) {
            x[j] = random.nextFloat();
        }
        return new Images(spec, count, x);
    }
}
