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
            RandomizationCheck.Result r = new RandomizationCheck(0.5, 1).run(model, saliency, DATA.images(), DATA.labels(), original);

            assertEquals(List.of("fc", "layers.2.short.1", "layers.2.short.0", "layers.2.b2"), r.layers().subList(0, 4));
            assertEquals("stem.0", r.layers().get(r.layers().size() - 1));
            assertEquals(19, r.correlation().length);
            double first = r.mean(0);
            double last = r.fullyRandomized();
            System.out.printf(java.util.Locale.ROOT, "saliency randomization on CIFAR: output layer %.3f, every layer %.3f%n", first, last);
            assertTrue(first < 0.95, "randomizing the output layer already changes the map: " + first);
            assertTrue(last < 0.5 && last < first, "a fully random model gives unrelated maps: " + last);
            assertFalse(r.insensitive(0.5));

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
            RandomizationCheck.Result r = new RandomizationCheck(0.5, 1).run(model, edges, DATA.images(), DATA.labels(), original);
            assertEquals(1.0, r.fullyRandomized(), 1e-12);
            assertTrue(r.insensitive(0.5));
        }
    }

    private static float[] logits(Classifier model, Images images) {
        try (NDManager scope = model.newBatchScope()) {
            return model.logits(model.pixels(scope, images.pixels(), images.count())).toFloatArray();
        }
    }
}
