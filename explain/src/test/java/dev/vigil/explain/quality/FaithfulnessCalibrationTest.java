package dev.vigil.explain.quality;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.core.data.Batch;
import dev.vigil.core.data.BatchStream;
import dev.vigil.core.data.Dataset;
import dev.vigil.core.data.Sample;
import dev.vigil.core.model.Classifier;
import dev.vigil.core.model.DeviceChoice;
import dev.vigil.core.model.InputSpec;
import dev.vigil.core.model.Normalization;
import dev.vigil.core.model.TorchScriptClassifier;
import dev.vigil.core.testing.CifarFixture;
import dev.vigil.core.testing.Fixtures;
import dev.vigil.explain.method.BatchedPasses;
import dev.vigil.explain.method.Images;
import dev.vigil.explain.method.IntegratedGradients;
import dev.vigil.explain.method.Occlusion;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The faithfulness check with its defaults on real models: on the CIFAR fixture and the demo, Integrated
 * Gradients and occlusion are not flagged, and a random attribution (an independent random map, not the
 * control itself) is: the first 2 images of each CIFAR class (20) and 3 of each demo class (18), as an
 * audit's selection of a few per class.
 */
class FaithfulnessCalibrationTest {
    private static final InputSpec SPEC = new InputSpec(3, 32, 32);

    @Test
    void onTheCifarFixtureIgAndOcclusionAreNotFlaggedAndARandomMapIs() {
        calibrate("CIFAR fixture", CifarFixture.dataset(), 2, CifarFixture::model);
    }

    @Test
    void onTheDemoIgAndOcclusionAreNotFlaggedAndARandomMapIs() {
        Dataset demo = Dataset.open(Fixtures.demo("images"));
        calibrate("demo", demo, 3, () -> TorchScriptClassifier.load(Fixtures.demo("model.pt"), SPEC,
                new Normalization(new float[] {0.5f, 0.5f, 0.5f}, new float[] {0.25f, 0.25f, 0.25f}), demo.classNames(), DeviceChoice.CPU));
    }

    private static void calibrate(String name, Dataset data, int perClass, Supplier<TorchScriptClassifier> load) {
        List<Sample> picked = new ArrayList<>();
        for (int c = 0; c < data.classNames().size(); c++) {
            int label = c;
            data.samples().stream().filter(s -> s.label() == label).limit(perClass).forEach(picked::add);
        }
        Images images;
        try (BatchStream stream = new BatchStream(picked, SPEC, picked.size())) {
            Batch b = stream.iterator().next();
            images = new Images(SPEC, b.size(), b.pixels());
        }
        List<String> ids = picked.stream().map(Sample::id).toList();
        FaithfulnessCheck check = new FaithfulnessCheck(new PixelFlipping(16, 1, Imputation.NOISY_LINEAR, 128), FaithfulnessCheck.DEFAULT_MARGIN, 7);
        try (Classifier model = load.get()) {
            int[] targets = predictions(model, images);
            FaithfulnessCheck.Controls controls = check.controls(model, images, targets, ids);
            FaithfulnessCheck.Result ig = check.evaluate(model, images, targets,
                    FaithfulnessCheck.relevance(IntegratedGradients.defaults().attribute(model, images, targets)), ids, controls);
            FaithfulnessCheck.Result occlusion = check.evaluate(model, images, targets,
                    FaithfulnessCheck.relevance(Occlusion.defaults().attribute(model, images, targets)), ids, controls);
            long[] other = new long[ids.size()];
            for (int i = 0; i < other.length; i++) {
                other[i] = 1000 + i;
            }
            FaithfulnessCheck.Result random = check.evaluate(model, images, targets,
                    ControlMaps.random(images.count(), 32 * 32, other), ids, controls);
            for (var r : List.of(new Object[] {"IG", ig}, new Object[] {"occlusion", occlusion}, new Object[] {"random map", random})) {
                FaithfulnessCheck.Result f = (FaithfulnessCheck.Result) r[1];
                System.out.printf(Locale.ROOT, "%s, %d images, %s: gain %.3f [%.3f, %.3f]; over random %.3f [%.3f, %.3f] (Wilcoxon p %.2g);"
                                + " over edges %.3f [%.3f, %.3f]%n", name, images.count(), r[0], f.gain().mean(), f.gain().lower(), f.gain().upper(),
                        f.versusRandom().meanDifference(), f.versusRandom().lower(), f.versusRandom().upper(), f.versusRandom().wilcoxonP(),
                        f.versusEdges().meanDifference(), f.versusEdges().lower(), f.versusEdges().upper());
            }
            PairedComparison.Interval r = PairedComparison.Interval.mean(controls.random().gains());
            PairedComparison.Interval e = PairedComparison.Interval.mean(controls.edges().gains());
            System.out.printf(Locale.ROOT, "%s controls: random %.3f [%.3f, %.3f], edges %.3f [%.3f, %.3f]%n", name, r.mean(), r.lower(),
                    r.upper(), e.mean(), e.lower(), e.upper());
            assertFalse(ig.noBetterThanRandom(check.margin()), name + ": IG is not flagged");
            assertFalse(occlusion.noBetterThanRandom(check.margin()), name + ": occlusion is not flagged");
            assertTrue(occlusion.versusRandom().better(), name + ": occlusion is significantly better than random");
            assertTrue(random.noBetterThanRandom(check.margin()), name + ": a random attribution is flagged");
        }
    }

    private static int[] predictions(Classifier model, Images images) {
        int k = model.labels().size();
        int[] out = new int[images.count()];
        float[] best = new float[images.count()];
        java.util.Arrays.fill(best, Float.NEGATIVE_INFINITY);
        BatchedPasses.logits(model, images.count(), 64,
                (p, dest, offset) -> System.arraycopy(images.pixels(), images.offset(p), dest, offset, images.size()),
                (p, logits, offset) -> {
                    for (int c = 0; c < k; c++) {
                        if (logits[offset + c] > best[p]) {
                            best[p] = logits[offset + c];
                            out[p] = c;
                        }
                    }
                });
        return out;
    }
}
