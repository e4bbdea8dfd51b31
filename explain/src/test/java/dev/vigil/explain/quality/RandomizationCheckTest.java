package dev.vigil.explain.quality;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import dev.vigil.core.model.Classifier;
import dev.vigil.core.model.TorchScriptClassifier;
import dev.vigil.core.testing.CifarFixture;
import dev.vigil.explain.method.AttributionMethod;
import dev.vigil.explain.method.Attributions;
import dev.vigil.explain.method.Images;
import dev.vigil.explain.method.Saliency;
import java.util.List;
import org.junit.jupiter.api.Test;

class RandomizationCheckTest {
    private static final CifarImages DATA = CifarImages.firstOfEachClass(4);

    @Test
    void saliencyDecorrelatesAsTheTrainedCifarModelIsRandomizedAndTheAuditedModelIsUntouched() {
        try (TorchScriptClassifier model = CifarFixture.model()) {
            float[] before = logits(model, DATA.images());
            Saliency saliency = new Saliency(64);
            Attributions original = saliency.attribute(model, DATA.images(), DATA.labels());
            RandomizationCheck.Result r = new RandomizationCheck(0.5, 100, 1).run(model, saliency, DATA.images(), DATA.labels(), original);

            assertEquals(List.of("fc", "layers.2.short.1", "layers.2.short.0", "layers.2.b2"), r.layers().subList(0, 4));
            assertEquals("stem.0", r.layers().get(r.layers().size() - 1));
            assertEquals(19, r.correlation().length, "one step per layer when the steps allow");
            double first = r.mean(0);
            double last = r.fullyRandomized();
            System.out.printf(java.util.Locale.ROOT, "saliency randomization on CIFAR: output layer %.3f, every layer %.3f%n", first, last);
            assertTrue(first < 0.95, "randomizing the output layer already changes the map: " + first);
            assertTrue(last < 0.5 && last < first, "a fully random model gives unrelated maps: " + last);
            assertFalse(r.insensitive(0.5));
            assertEquals(19, r.independent().length, "the independent variant has one step per layer group too");
            double ssim = r.fullyRandomizedSsim();
            System.out.printf(java.util.Locale.ROOT, "saliency on CIFAR: SSIM after the cascade %.3f; independent ρ, output layer %.3f,"
                    + " most similar %.3f%n", ssim, r.meanIndependent(0), r.mostSimilarIndependent());
            assertTrue(ssim < 0.5, "SSIM agrees that a fully random model gives other maps: " + ssim);
            assertEquals(r.mean(0), r.meanIndependent(0), 1e-12, "the first step randomizes the output layer alone in both variants");
            assertEquals(r.meanSsim(0), r.meanIndependentSsim(0), 1e-12);
            assertTrue(r.mostSimilarIndependent() >= r.meanIndependent(r.layers().size() - 1));

            assertArrayEquals(before, logits(model, DATA.images()), "the audited model's outputs are unchanged");
            assertArrayEquals(original.values(), saliency.attribute(model, DATA.images(), DATA.labels()).values());
        }
    }

    @Test
    void aMapThatIgnoresTheModelIsFlaggedInsensitive() {
        AttributionMethod edges = new AttributionMethod() {
            @Override
            public String id() {
                return "input";
            }

            @Override
            public String title() {
                return "the image itself";
            }

            @Override
            public Attributions attribute(Classifier model, Images images, int[] targets) {
                return new Attributions(images.spec(), images.count(), images.pixels().clone());
            }
        };
        try (TorchScriptClassifier model = CifarFixture.model()) {
            Attributions original = edges.attribute(model, DATA.images(), DATA.labels());
            RandomizationCheck.Result r = new RandomizationCheck(0.5, 100, 1).run(model, edges, DATA.images(), DATA.labels(), original);
            assertEquals(1.0, r.fullyRandomized(), 1e-12);
            assertEquals(1.0, r.fullyRandomizedSsim(), 1e-12);
            assertEquals(1.0, r.mostSimilarIndependent(), 1e-12);
            assertTrue(r.insensitive(0.5));
        }
    }

    private static float[] logits(Classifier model, Images images) {
        try (NDManager scope = model.newBatchScope()) {
            return model.logits(model.pixels(scope, images.pixels(), images.count())).toFloatArray();
        }
    }

    @Test
    void aDeepModelsLayersAreGroupedIntoAtMostTheGivenNumberOfSteps() {
        try (TorchScriptClassifier model = CifarFixture.model()) {
            Saliency saliency = new Saliency(64);
            Images two = DATA.images().select(new int[] {0, 1});
            int[] targets = {DATA.labels()[0], DATA.labels()[1]};
            RandomizationCheck.Result r = new RandomizationCheck(0.5, 4, 1).run(model, saliency, two, targets,
                    saliency.attribute(model, two, targets));
            assertEquals(List.of("fc … layers.2.b2", "layers.2.c2 … layers.1.short.0", "layers.1.b2 … layers.0.b2", "layers.0.c2 … stem.0"),
                    r.layers(), "19 layers in groups of 4, 5, 5 and 5");
            assertTrue(r.fullyRandomized() < 0.5);
        }
    }
}
