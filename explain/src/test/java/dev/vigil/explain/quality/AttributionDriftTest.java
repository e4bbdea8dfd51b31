package dev.vigil.explain.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.core.model.Classifier;
import dev.vigil.core.testing.Fixtures;
import dev.vigil.core.testing.LinearFixture;
import dev.vigil.explain.method.Attributions;
import dev.vigil.explain.method.ChannelAggregation;
import dev.vigil.explain.method.GradientTimesInput;
import dev.vigil.explain.method.Images;
import dev.vigil.explain.method.Saliency;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AttributionDriftTest {
    private static final Images IMAGES = images();
    private static final int[] TARGETS = {0, 1, 2};

    private static Images images() {
        Random r = new Random(2);
        float[] x = new float[3 * 48];
        for (int j = 0; j < x.length; j++) {
            x[j] = r.nextFloat();
        }
        return new Images(LinearFixture.SPEC, 3, x);
    }

    /** Left-right mirror of 4x4 images; maps are mirrored back, and the two middle columns are left out of the comparison. */
    private static final Variant MIRROR = new Variant() {
        @Override
        public String id() {
            return "mirror";
        }

        @Override
        public String title() {
            return "mirrored";
        }

        @Override
        public Images apply(Classifier model, Images images, int[] labels) {
            float[] out = new float[images.pixels().length];
            for (int p = 0; p < out.length / 16; p++) {
                for (int y = 0; y < 4; y++) {
                    for (int x = 0; x < 4; x++) {
                        out[p * 16 + y * 4 + x] = images.pixels()[p * 16 + y * 4 + 3 - x];
                    }
                }
            }
            return new Images(images.spec(), images.count(), out);
        }

        @Override
        public double[] toOriginalFrame(double[] map, int height, int width) {
            double[] out = new double[16];
            for (int y = 0; y < 4; y++) {
                for (int x = 0; x < 4; x++) {
                    out[y * 4 + x] = map[y * 4 + 3 - x];
                }
            }
            return out;
        }

        @Override
        public boolean[] comparable(int height, int width) {
            boolean[] keep = new boolean[16];
            for (int j = 0; j < 16; j++) {
                keep[j] = j % 4 == 0 || j % 4 == 3;
            }
            return keep;
        }
    };

    private static final Variant SAME = new Variant() {
        @Override
        public String id() {
            return "same";
        }

        @Override
        public String title() {
            return "unchanged";
        }

        @Override
        public Images apply(Classifier model, Images images, int[] labels) {
            return images;
        }
    };

    @Test
    void anUnchangedImageHasAPerfectlyCorrelatedMap() {
        try (Classifier model = Fixtures.load("linear.pt", LinearFixture.SPEC, 3)) {
            GradientTimesInput method = new GradientTimesInput(8);
            Attributions original = method.attribute(model, IMAGES, TARGETS);
            AttributionDrift.Result r = AttributionDrift.run(model, method, SAME, SAME.apply(model, IMAGES, TARGETS), TARGETS, original);
            for (double c : r.correlation()) {
                assertEquals(1.0, c, 1e-12);
            }
        }
    }

    @Test
    void aGeometricVariantIsComparedInTheOriginalFrameOnTheComparablePixelsOnly() {
        try (Classifier model = Fixtures.load("linear.pt", LinearFixture.SPEC, 3)) {
            Saliency saliency = new Saliency(8);
            Attributions original = saliency.attribute(model, IMAGES, TARGETS);
            Images mirrored = MIRROR.apply(model, IMAGES, TARGETS);
            AttributionDrift.Result r = AttributionDrift.run(model, saliency, MIRROR, mirrored, TARGETS, original);
            for (int i = 0; i < 3; i++) {
                // saliency of a linear model is |w| whatever the input, so the mirrored-back map is |w| mirrored
                double[] w = ChannelAggregation.SUM_ABS.pixels(original, i);
                double[] expected = MIRROR.toOriginalFrame(w, 4, 4);
                double rho = RankCorrelation.spearman(w, expected, MIRROR.comparable(4, 4));
                assertEquals(rho, r.correlation()[i], 1e-12);
                assertTrue(rho < 0.99, "the map moved with the mirror, so the test can fail");
            }
        }
    }
}
