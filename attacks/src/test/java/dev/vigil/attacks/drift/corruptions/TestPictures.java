package dev.vigil.attacks.drift.corruptions;

import dev.vigil.core.data.ImageDecoder;
import dev.vigil.core.model.InputSpec;
import dev.vigil.core.testing.Fixtures;
import java.nio.file.Files;
import java.util.List;

/** Real 32x32 colour pictures from testdata/cifar, decoded as the audit decodes them. */
final class TestPictures {
    static final int C = 3;
    static final int H = 32;
    static final int W = 32;
    static final List<String> FILES = List.of("c0_circle/circle_000.png", "c3_cross/cross_004.png", "c5_hstripes/hstripes_002.png",
            "c7_checker/checker_001.png", "c9_dots/dots_003.png");
    /** The pictures that are periodic textures. */
    static final List<String> PERIODIC = List.of("c5_hstripes/hstripes_002.png", "c7_checker/checker_001.png");

    private TestPictures() {
    }

    static float[] load(String file) throws Exception {
        byte[] bytes = Files.readAllBytes(Fixtures.testdata("cifar/images/" + file));
        return ImageDecoder.decode(bytes, new InputSpec(C, H, W));
    }

    static double meanAbsoluteChange(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += Math.abs(a[i] - b[i]);
        }
        return sum / a.length;
    }
}
