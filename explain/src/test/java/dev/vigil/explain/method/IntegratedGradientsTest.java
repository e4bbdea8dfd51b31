package dev.vigil.explain.method;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.core.data.Batch;
import dev.vigil.core.data.BatchStream;
import dev.vigil.core.data.Dataset;
import dev.vigil.core.model.Classifier;
import dev.vigil.core.model.InputSpec;
import dev.vigil.core.testing.CifarFixture;
import dev.vigil.core.testing.Fixtures;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class IntegratedGradientsTest {
    private static final InputSpec NONLINEAR = new InputSpec(3, 8, 8);

    @Test
    void completenessGapOnASmoothNonlinearModelFallsBelowOnePercentAt64GaussLegendreSteps() {
        Images images = TestData.random(NONLINEAR, 12, 3);
        int[] targets = {0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3};
        try (Classifier model = Fixtures.load("nonlinear.pt", NONLINEAR, 4)) {
            Completeness fine = new IntegratedGradients(64, QuadratureRule.GAUSS_LEGENDRE, Baseline.BLACK, 100, 0)
                    .attribute(model, images, targets).completeness();
            Completeness coarse = new IntegratedGradients(2, QuadratureRule.TRAPEZOID, Baseline.BLACK, 100, 0)
                    .attribute(model, images, targets).completeness();
            double worstCoarse = 0;
            for (int i = 0; i < images.count(); i++) {
                assertTrue(Math.abs(fine.outputDifference()[i]) > 0.05, "the path changes the logit: the gap is meaningful");
                assertTrue(fine.relativeGap(i) < 0.01, "image " + i + ": relative gap " + fine.relativeGap(i));
                worstCoarse = Math.max(worstCoarse, coarse.relativeGap(i));
            }
            assertTrue(worstCoarse > 0.01, "a two-point trapezoid misses on this model, so the bound can fail: " + worstCoarse);
        }
    }

    @Test
    void resultsDoNotDependOnHowPathPointsAreBatched() {
        Images images = TestData.random(NONLINEAR, 5, 4);
        int[] targets = {3, 1, 0, 2, 1};
        try (Classifier model = Fixtures.load("nonlinear.pt", NONLINEAR, 4)) {
            Attributions one = new IntegratedGradients(13, QuadratureRule.GAUSS_LEGENDRE, Baseline.UNIFORM, 7, 9).attribute(model, images, targets);
            Attributions all = new IntegratedGradients(13, QuadratureRule.GAUSS_LEGENDRE, Baseline.UNIFORM, 1000, 9).attribute(model, images, targets);
            assertArrayEquals(all.values(), one.values(), 1e-6f);
            Attributions otherSeed = new IntegratedGradients(13, QuadratureRule.GAUSS_LEGENDRE, Baseline.UNIFORM, 7, 10).attribute(model, images, targets);
            assertTrue(Math.abs(otherSeed.values()[0] - one.values()[0]) > 0 || Math.abs(otherSeed.values()[1] - one.values()[1]) > 0,
                    "the noise baseline follows its seed");
        }
    }

    /**
     * The team's plain-PyTorch peer (../shared/peers/pytorch_peer.py) computes the mean absolute completeness
     * gap of IG on the first 32 CIFAR fixture images: midpoint rule, 50 steps, black baseline, true class.
     */
    @Test
    void meanAbsoluteCompletenessGapAgreesWithPlainPyTorch() throws IOException {
        double peer = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(Fixtures.testdata("cifar/peer_output.json").toFile()).get("ig_mean_abs_completeness_gap").asDouble();
        Dataset data = CifarFixture.dataset();
        Batch first;
        try (BatchStream stream = new BatchStream(data.samples().subList(0, 32), CifarFixture.SPEC, 32)) {
            first = stream.iterator().next();
        }
        try (Classifier model = CifarFixture.model()) {
            Images images = new Images(CifarFixture.SPEC, 32, first.pixels());
            long start = System.nanoTime();
            Completeness c = new IntegratedGradients(50, QuadratureRule.MIDPOINT, Baseline.BLACK, 128, 0)
                    .attribute(model, images, first.labels()).completeness();
            double seconds = (System.nanoTime() - start) / 1e9;
            double mean = 0;
            for (int i = 0; i < 32; i++) {
                mean += c.absoluteGap(i) / 32;
            }
            System.out.printf(java.util.Locale.ROOT, "IG (50 midpoint steps) on 32 CIFAR images: %.1f images/s;"
                    + " mean |gap| %.6f (peer %.6f)%n", 32 / seconds, mean, peer);
            assertEquals(peer, mean, 1e-4);
        }
    }
}
