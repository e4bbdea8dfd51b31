package dev.vigil.attacks.adversarial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.vigil.core.data.Dataset;
import dev.vigil.core.model.Capability;
import dev.vigil.core.model.Classifier;
import dev.vigil.core.model.ForwardingClassifier;
import dev.vigil.core.model.GradientResult;
import dev.vigil.core.model.Objective;
import dev.vigil.core.perturb.Epsilon;
import dev.vigil.core.perturb.Norm;
import dev.vigil.core.testing.Fixtures;
import dev.vigil.core.testing.LinearFixture;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Square needs logits only and finds what gradient attacks miss when the gradients mislead them; every
 * attack's images stay in the ball and in [0, 1].
 */
class AutoAttackMaskingTest {
    @TempDir
    Path dir;

    /** A model that declares logits only and fails the test if anyone asks it for a gradient. */
    static final class LogitsOnly extends ForwardingClassifier {
        LogitsOnly(Classifier inner) {
            super(inner);
        }

        @Override
        public Set<Capability> capabilities() {
            return EnumSet.of(Capability.LOGITS);
        }

        @Override
        public GradientResult gradient(NDArray pixels, Objective objective) {
            throw new AssertionError("Square asked for a gradient");
        }
    }

    private static int predict(Classifier model, float[] chw) {
        try (var scope = model.newBatchScope()) {
            float[] logits = model.logits(model.pixels(scope, chw, 1)).toFloatArray();
            return ProjectedGradientDescent.argmax(logits, 0, logits.length);
        }
    }

    @Test
    void onGradientsThatMisleadSquareBreaksWhatTheGradientAttacksMissAndTheFlagFires() throws Exception {
        Path data = dir.resolve("masked-data");
        List<Epsilon> linf = Epsilon.parseList(List.of("0.02", "0.05"), "--eps");
        ProbeRun run;
        try (Classifier model = Fixtures.load("masked_gradient.pt", LinearFixture.SPEC, 3)) {
            TinyImageSet.write(data, 30, 4, 9, 26, 229, 3, x -> predict(model, x));
            Dataset dataset = Dataset.open(data);
            AdversarialPlan plan = new AdversarialPlan(List.of(
                    new AdversarialPlan.ChosenAttack(AttackCatalogue.PGD, PgdSettings.DEFAULT),
                    new AdversarialPlan.ChosenAttack(AttackCatalogue.APGD_CE, ApgdSettings.CE),
                    new AdversarialPlan.ChosenAttack(AttackCatalogue.APGD_T, ApgdSettings.TARGETED),
                    new AdversarialPlan.ChosenAttack(AttackCatalogue.SQUARE, new SquareSettings(500, 0.8, 1))),
                    List.of(Norm.LINF), linf, AdversarialPlan.DEFAULT_L2, "none", 8);
            run = ProbeRun.of(model, dataset, ProbeRun.clean(model, dataset, 16), plan, 16, 0, dir.resolve("out"));
        }
        List<String> ids = run.findingIds();
        assertTrue(ids.contains("square-beats-white-box.autoattack.linf"), ids.toString());
        for (Epsilon eps : linf) {
            String at = ".linf." + eps.parameter() + ".robust_accuracy";
            double square = run.metric("square" + at).value();
            assertTrue(square < run.metric("pgd" + at).value(), eps.text() + ": Square " + square + ", PGD " + run.metric("pgd" + at).value());
        }
        // At 0.05 Square breaks images that PGD, APGD-CE and APGD-T, whose gradients mislead them, all left robust.
        assertTrue(run.rows("autoattack.linf", "eps=0.05").stream()
                .anyMatch(r -> r.extra().get(AutoAttackSuite.BROKEN_BY).equals("square")));
    }

    @Test
    void squareRunsOnALogitsOnlyModelAndKeepsEveryImageInTheBallAndInTheUnitCube() throws Exception {
        Path data = dir.resolve("linear-data");
        LinearFixture f = LinearFixture.read();
        TinyImageSet.write(data, 12, 4, 9, 26, 229, 3, x -> LinearFgsmClosedFormTest.argmax(LinearFgsmClosedFormTest.logits(f, x, 0)));
        Dataset dataset = Dataset.open(data);
        try (Classifier linear = Fixtures.load("linear.pt", LinearFixture.SPEC, 3)) {
            for (Norm norm : Norm.values()) {
                double eps = norm == Norm.LINF ? 0.1 : 0.5;
                List<Attack> attacks = List.of(new SquareSettings(200, 0.8, 1).create(norm, 3), ApgdSettings.CE.create(norm, 3),
                        ApgdSettings.TARGETED.create(norm, 3));
                for (Attack attack : attacks) {
                    Classifier model = attack instanceof SquareAttack ? new LogitsOnly(linear) : linear;
                    inBall(model, dataset, attack, norm, eps);
                }
            }
        }
    }

    private static void inBall(Classifier model, Dataset dataset, Attack attack, Norm norm, double eps) throws Exception {
        int n = dataset.samples().size();
        int pixels = LinearFixture.SPEC.pixelsPerImage();
        float[] clean = new float[n * pixels];
        int[] labels = new int[n];
        String[] ids = new String[n];
        for (int i = 0; i < n; i++) {
            float[] x = dev.vigil.core.data.ImageDecoder.decode(java.nio.file.Files.readAllBytes(dataset.samples().get(i).path()), LinearFixture.SPEC);
            System.arraycopy(x, 0, clean, i * pixels, pixels);
            labels[i] = dataset.samples().get(i).label();
            ids[i] = dataset.samples().get(i).id();
        }
        try (NDManager scope = model.newBatchScope()) {
            NDArray images = model.pixels(scope, clean, n);
            boolean[] all = new boolean[n];
            java.util.Arrays.fill(all, true);
            Criterion criterion = new Criterion(labels, null, all);
            AttackBatch batch = new AttackBatch(model, images, criterion, ids, all, i -> { throw new AssertionError("all attacked"); });
            AttackSample[] out = attack.run(batch, List.of(new Epsilon(Double.toString(eps), eps)))[0];
            for (int i = 0; i < n; i++) {
                float[] adv = out[i].pixels();
                double size = 0;
                for (int j = 0; j < pixels; j++) {
                    assertTrue(adv[j] >= 0 && adv[j] <= 1, attack.getClass().getSimpleName());
                    double d = adv[j] - clean[i * pixels + j];
                    size = norm == Norm.LINF ? Math.max(size, Math.abs(d)) : size + d * d;
                }
                size = norm == Norm.LINF ? size : Math.sqrt(size);
                assertTrue(size <= eps + 1e-5, attack.getClass().getSimpleName() + " " + norm + " " + size);
                assertEquals(norm == Norm.LINF ? size : out[i].l2(), norm == Norm.LINF ? out[i].linf() : size, 1e-4);
            }
        }
    }
}
