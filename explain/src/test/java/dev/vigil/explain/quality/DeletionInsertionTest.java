package dev.vigil.explain.quality;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import dev.vigil.core.eval.Predictions;
import dev.vigil.core.model.Classifier;
import dev.vigil.core.testing.CifarFixture;
import dev.vigil.core.testing.Fixtures;
import dev.vigil.core.testing.LinearFixture;
import dev.vigil.explain.method.Attributions;
import dev.vigil.explain.method.ChannelAggregation;
import dev.vigil.explain.method.Images;
import dev.vigil.explain.method.Saliency;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DeletionInsertionTest {
    @Test
    void trapezoidAreaOfKnownCurves() {
        assertEquals(0.5, DeletionInsertion.auc(new double[] {1, 0}), 1e-15);
        assertEquals(0.5, DeletionInsertion.auc(new double[] {1, 0.75, 0.5, 0.25, 0}), 1e-15);
        assertEquals(0.375, DeletionInsertion.auc(new double[] {1, 0, 0.5}), 1e-15);
        assertEquals(1, DeletionInsertion.auc(new double[] {1, 1, 1}), 1e-15);
    }

    @Test
    void ordersAreByDecreasingImportanceAndRandomOrdersArePermutations() {
        assertArrayEquals(new int[] {2, 0, 3, 1}, DeletionInsertion.order(new double[] {0.5, -1, 0.9, 0.5}));
        int[] random = DeletionInsertion.randomOrder(100, new SplittableRandom(3));
        assertArrayEquals(random, DeletionInsertion.randomOrder(100, new SplittableRandom(3)));
        assertArrayEquals(java.util.stream.IntStream.range(0, 100).toArray(), java.util.Arrays.stream(random).sorted().toArray());
    }

    @Test
    void curvesRunFromTheImageToBlackAndFromTheBlurToTheImage() throws Exception {
        Images images = new Images(LinearFixture.SPEC, 2, randomPixels(2 * LinearFixture.SPEC.pixelsPerImage()));
        int[] targets = {1, 2};
        int[][] orders = {DeletionInsertion.randomOrder(16, new SplittableRandom(1)), DeletionInsertion.randomOrder(16, new SplittableRandom(2))};
        try (Classifier model = Fixtures.load("linear.pt", LinearFixture.SPEC, 3)) {
            DeletionInsertion.Curves c = new DeletionInsertion(4, 3).run(model, images, targets, orders);
            float[] blurred = images.blurred();
            for (int i = 0; i < 2; i++) {
                assertEquals(probability(model, images.image(i), targets[i]), c.deletion()[i][0], 1e-6);
                assertEquals(probability(model, new float[48], targets[i]), c.deletion()[i][4], 1e-6);
                assertEquals(probability(model, java.util.Arrays.copyOfRange(blurred, i * 48, i * 48 + 48), targets[i]), c.insertion()[i][0], 1e-6);
                assertEquals(probability(model, images.image(i), targets[i]), c.insertion()[i][4], 1e-6);
                float[] half = images.image(i);
                for (int t = 0; t < 8; t++) {
                    for (int ch = 0; ch < 3; ch++) {
                        half[ch * 16 + orders[i][t]] = 0;
                    }
                }
                assertEquals(probability(model, half, targets[i]), c.deletion()[i][2], 1e-6, "half the pixels deleted after 2 of 4 steps");
            }
        }
    }

    @Test
    void deletionByTheGradientMapBeatsARandomOrderOnTheTrainedCifarModel() {
        CifarImages data = CifarImages.firstOfEachClass(10);
        try (Classifier model = CifarFixture.model()) {
            Attributions saliency = new Saliency(64).attribute(model, data.images(), data.labels());
            int n = data.images().count();
            int[][] byMap = new int[n][];
            int[][] random = new int[n][];
            SplittableRandom seed = new SplittableRandom(7);
            for (int i = 0; i < n; i++) {
                byMap[i] = DeletionInsertion.order(ChannelAggregation.SUM_ABS.pixels(saliency, i));
                random[i] = DeletionInsertion.randomOrder(32 * 32, seed.split());
            }
            DeletionInsertion check = new DeletionInsertion(16, 128);
            DeletionInsertion.Curves map = check.run(model, data.images(), data.labels(), byMap);
            DeletionInsertion.Curves chance = check.run(model, data.images(), data.labels(), random);
            System.out.printf(java.util.Locale.ROOT, "CIFAR saliency: deletion AUC %.3f (random %.3f), insertion AUC %.3f (random %.3f)%n",
                    map.meanDeletionAuc(), chance.meanDeletionAuc(), map.meanInsertionAuc(), chance.meanInsertionAuc());
            assertTrue(map.meanDeletionAuc() < chance.meanDeletionAuc() - 0.05,
                    map.meanDeletionAuc() + " vs random " + chance.meanDeletionAuc());
        }
    }

    private static double probability(Classifier model, float[] image, int target) {
        try (NDManager scope = model.newBatchScope()) {
            return Predictions.of(model.logits(model.pixels(scope, image, 1))).probability(0, target);
        }
    }

    private static float[] randomPixels(int n) {
        java.util.Random r = new java.util.Random(5);
        float[] x = new float[n];
        for (int j = 0; j < n; j++) {
            x[j] = r.nextFloat();
        }
        return x;
    }
}
