package dev.vigil.attacks.adversarial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.core.data.Dataset;
import dev.vigil.core.model.Classifier;
import dev.vigil.core.perturb.Epsilon;
import dev.vigil.core.perturb.Norm;
import dev.vigil.core.result.Finding;
import dev.vigil.core.result.Section;
import dev.vigil.core.testing.Fixtures;
import dev.vigil.core.testing.LinearFixture;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each red flag fires on a model built to trigger it and stays silent on the plain linear model (the
 * trained CIFAR model's silence on all of them is in {@link TrainedModelSweepTest}).
 */
class RedFlagFixturesTest {
    private static final List<String> SOUNDNESS = List.of("zero-input-gradients", "probabilities-as-logits",
            "nondeterministic-outputs", "accuracy-above-chance-at-eps-1");

    @TempDir
    Path dir;

    /** The probe's findings on 30 images labelled by {@code labeller}, pixels in [26, 229] / 255. */
    private List<String> findings(String model, ToIntFunction<float[]> labeller, AdversarialPlan plan) throws Exception {
        Path data = TinyImageSet.write(dir.resolve(model), 30, 4, 9, 26, 229, 3, labeller);
        Dataset dataset = Dataset.open(data);
        try (Classifier classifier = Fixtures.load(model, LinearFixture.SPEC, 3)) {
            return ProbeRun.of(classifier, dataset, ProbeRun.clean(classifier, dataset, 16), plan, 16, 0, dir.resolve("out")).findingIds();
        }
    }

    private static AdversarialPlan fgsmOnly(String... linf) {
        return TestPlans.plan(true, false, List.of(Norm.LINF), Epsilon.parseList(List.of(linf), "--eps"), AdversarialPlan.DEFAULT_L2,
                PgdSettings.DEFAULT, "none");
    }

    private static ToIntFunction<float[]> linearLabels() throws IOException {
        LinearFixture f = LinearFixture.read();
        return x -> LinearFgsmClosedFormTest.argmax(LinearFgsmClosedFormTest.logits(f, x, 0));
    }

    @Test
    void aModelWithSoftmaxInsideIsFlagged() throws Exception {
        List<String> ids = findings("linear_softmax.pt", linearLabels(), fgsmOnly("8/255"));
        assertTrue(ids.contains("probabilities-as-logits"), ids.toString());
    }

    @Test
    void anOnnxModelWithSoftmaxInsideIsFlaggedThoughItGivesNoGradients() throws Exception {
        Path data = TinyImageSet.write(dir.resolve("onnx"), 30, 4, 9, 26, 229, 3, linearLabels());
        Dataset dataset = Dataset.open(data);
        try (Classifier classifier = dev.vigil.core.model.ModelLoader.open(new dev.vigil.core.model.ModelRequest(
                Fixtures.testdata("onnx/linear_softmax.onnx"), LinearFixture.SPEC, dev.vigil.core.model.Normalization.NONE,
                Fixtures.labels(3), dev.vigil.core.model.DeviceChoice.CPU))) {
            List<String> ids = ProbeRun.of(classifier, dataset, ProbeRun.clean(classifier, dataset, 16), fgsmOnly("8/255"), 16, 0,
                    dir.resolve("out-onnx")).findingIds();
            assertTrue(ids.contains("probabilities-as-logits"), ids.toString());
            assertTrue(ids.contains("attack-not-run.fgsm"), ids.toString());
        }
    }

    @Test
    void aModelWithoutInputGradientsIsFlaggedTwice() throws Exception {
        LinearFixture f = LinearFixture.read();
        // zero_grad.pt is the linear model on floor(8x)/8
        ToIntFunction<float[]> quantized = x -> {
            float[] q = new float[x.length];
            for (int j = 0; j < x.length; j++) {
                q[j] = (float) (Math.floor(x[j] * 8) / 8);
            }
            return LinearFgsmClosedFormTest.argmax(LinearFgsmClosedFormTest.logits(f, q, 0));
        };
        List<String> ids = findings("zero_grad.pt", quantized, fgsmOnly("8/255"));
        assertTrue(ids.contains("zero-input-gradients"), ids.toString());
        assertTrue(ids.contains("accuracy-above-chance-at-eps-1"), ids.toString());
    }

    @Test
    void aModelWithDropoutLeftOnIsFlagged() throws Exception {
        List<String> ids = findings("stochastic.pt", linearLabels(), fgsmOnly("8/255"));
        assertTrue(ids.contains("nondeterministic-outputs"), ids.toString());
    }

    @Test
    void checksOnASampleOfTheImagesStillFlagRandomnessAndDeadGradients() throws Exception {
        AdversarialPlan sampled = TestPlans.plan(true, false, List.of(Norm.LINF), Epsilon.parseList(List.of("8/255"), "--eps"),
                AdversarialPlan.DEFAULT_L2, PgdSettings.DEFAULT, "none", 6);
        List<String> random = findings("stochastic.pt", linearLabels(), sampled);
        assertTrue(random.contains("nondeterministic-outputs"), random.toString());
        List<String> plain = findings("linear.pt", linearLabels(), sampled);
        assertEquals(List.of("robust-accuracy-upper-bound"), plain);
    }

    @Test
    void aLossPeriodicInTheInputMakesFgsmRobustAccuracyRiseWithEpsilon() throws Exception {
        // Labels are the model's own predictions, so every image starts out right.
        List<String> ids;
        Path data = dir.resolve("periodic-data");
        try (Classifier model = Fixtures.load("periodic.pt", LinearFixture.SPEC, 3)) {
            TinyImageSet.write(data, 30, 4, 9, 26, 229, 3, x -> predict(model, x));
            Dataset dataset = Dataset.open(data);
            AdversarialPlan plan = TestPlans.plan(true, true, List.of(Norm.LINF), AdversarialPlan.DEFAULT_LINF,
                    AdversarialPlan.DEFAULT_L2, PgdSettings.DEFAULT, "none");
            ids = ProbeRun.of(model, dataset, ProbeRun.clean(model, dataset, 16), plan, 16, 0, dir.resolve("out")).findingIds();
        }
        assertTrue(ids.contains("robust-accuracy-rises-with-eps.fgsm.linf"), ids.toString());
        assertFalse(ids.contains("robust-accuracy-rises-with-eps.pgd.linf"), "PGD searches the whole ball: " + ids);
        assertFalse(ids.stream().anyMatch(i -> i.startsWith("pgd-weaker-than-fgsm")), ids.toString());
    }

    @Test
    void gradientsThatAreRightOnlyOnThePixelGridMakePgdWeakerThanFgsm() throws Exception {
        List<String> ids;
        Path data = dir.resolve("masked-data");
        try (Classifier model = Fixtures.load("masked_gradient.pt", LinearFixture.SPEC, 3)) {
            TinyImageSet.write(data, 30, 4, 9, 26, 229, 3, x -> predict(model, x));
            Dataset dataset = Dataset.open(data);
            AdversarialPlan plan = TestPlans.plan(true, true, List.of(Norm.LINF), Epsilon.parseList(List.of("0.02", "0.05"), "--eps"),
                    AdversarialPlan.DEFAULT_L2, PgdSettings.DEFAULT, "none");
            ids = ProbeRun.of(model, dataset, ProbeRun.clean(model, dataset, 16), plan, 16, 0, dir.resolve("out")).findingIds();
        }
        assertTrue(ids.contains("pgd-weaker-than-fgsm.pgd.linf"), ids.toString());
    }

    @Test
    void aLossWithAHillBeforeItsPeakMakesMorePgdIterationsWeaker() throws Exception {
        // iteration_trap.pt (testdata/make_iteration_fixture.py): 10 steps of eps/4 from the image climb a low hill of
        // the loss and oscillate on it, where the model is right; 3 steps of the same path length jump past it.
        Path data = dir.resolve("trap-data");
        ProbeRun run;
        try (Classifier model = Fixtures.load("iteration_trap.pt", LinearFixture.SPEC, 2)) {
            TinyImageSet.write(data, 30, 4, 9, 26, 229, 2, x -> predict(model, x));
            Dataset dataset = Dataset.open(data);
            AdversarialPlan plan = TestPlans.plan(false, true, List.of(Norm.LINF), Epsilon.parseList(List.of("0.0016"), "--eps"),
                    AdversarialPlan.DEFAULT_L2, new PgdSettings(10, StepSize.QUARTER_OF_EPS, 1, false), "none");
            run = ProbeRun.of(model, dataset, ProbeRun.clean(model, dataset, 16), plan, 16, 0, dir.resolve("out"));
        }
        Finding flag = run.finding("robust-accuracy-rises-with-iterations.").orElseThrow(() -> new AssertionError(run.findingIds()));
        assertEquals("robust-accuracy-rises-with-iterations.pgd.linf", flag.id());
        assertEquals("warning", flag.severity());
        assertTrue(flag.detail().contains("10 steps of eps/4 leaves 30 robust, but an independent run with 3 steps, each 10/3 times"
                + " as long leaves only 0: 30 images"), flag.detail());
        assertEquals(List.of("PGD L∞", "0.0016", "10 steps of eps/4", "3 steps, each 10/3 times as long", "30 of 30", "0 of 30",
                "30 / 0", "red flag"), iterationRows(run).get(0));
    }

    @Test
    void morePgdAndApgdIterationsDoNotHelpThePlainLinearModel() throws Exception {
        Path data = TinyImageSet.write(dir.resolve("linear-iterations"), 30, 4, 9, 26, 229, 3, linearLabels());
        Dataset dataset = Dataset.open(data);
        AdversarialPlan plan = new AdversarialPlan(List.of(new AdversarialPlan.ChosenAttack(AttackCatalogue.PGD, PgdSettings.DEFAULT),
                new AdversarialPlan.ChosenAttack(AttackCatalogue.APGD_CE, ApgdSettings.CE)), List.of(Norm.LINF, Norm.L2),
                Epsilon.parseList(List.of("1/255", "4/255", "16/255"), "--eps"), Epsilon.parseList(List.of("0.05", "0.2"), "--eps-l2"),
                "none", AdversarialPlan.DEFAULT_CHECK_IMAGES);
        ProbeRun run;
        try (Classifier classifier = Fixtures.load("linear.pt", LinearFixture.SPEC, 3)) {
            run = ProbeRun.of(classifier, dataset, ProbeRun.clean(classifier, dataset, 16), plan, 16, 0, dir.resolve("out"));
        }
        assertFalse(run.findingIds().stream().anyMatch(i -> i.startsWith("robust-accuracy-rises-with-iterations")), run.findingIds().toString());
        List<List<String>> rows = iterationRows(run);
        assertEquals(4, rows.size(), rows.toString());
        for (List<String> row : rows) {
            assertEquals("ok", row.get(7), row.toString());
            assertFalse(row.get(1).equals("-"), "the full attacks leave images robust at small ε, so the check compares: " + row);
        }
    }

    private static List<List<String>> iterationRows(ProbeRun run) {
        Section checks = run.recorder().sections().stream().filter(s -> s.id().equals("adversarial-checks")).findFirst().orElseThrow();
        return checks.tables().get(1).rows();
    }

    @Test
    void thePlainLinearModelRaisesNoSoundnessFlag() throws Exception {
        List<String> ids = findings("linear.pt", linearLabels(), fgsmOnly("1/255", "8/255", "0.1"));
        for (String flag : SOUNDNESS) {
            assertFalse(ids.contains(flag), flag + " on a plain linear model: " + ids);
        }
        assertEquals(List.of("robust-accuracy-upper-bound"), ids);
    }

    private static int predict(Classifier model, float[] chw) {
        try (var scope = model.newBatchScope()) {
            float[] logits = model.logits(model.pixels(scope, chw, 1)).toFloatArray();
            return ProjectedGradientDescent.argmax(logits, 0, logits.length);
        }
    }
}
