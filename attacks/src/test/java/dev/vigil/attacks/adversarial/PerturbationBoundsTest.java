package dev.vigil.attacks.adversarial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.vigil.core.model.Classifier;
import dev.vigil.core.model.InputSpec;
import dev.vigil.core.perturb.Epsilon;
import dev.vigil.core.perturb.Norm;
import dev.vigil.core.testing.Fixtures;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Property: whatever the input and the budget, every adversarial image FGSM or PGD returns lies within
 * ε of its original in the attack's norm and inside [0, 1], and the sizes it reports are those of the
 * change it made.
 */
class PerturbationBoundsTest {
    private static final InputSpec SPEC = new InputSpec(3, 8, 8);
    private static final int D = SPEC.pixelsPerImage();

    @Test
    void adversarialImagesStayInTheBallAndInTheValidRange() {
        SplittableRandom random = new SplittableRandom(2024);
        int n = 16;
        boolean[] keep = new boolean[n];
        Arrays.fill(keep, true);
        int checked = 0;
        try (Classifier model = Fixtures.load("nonlinear.pt", SPEC, 4)) {
            for (int trial = 0; trial < 6; trial++) {
                float[] x = new float[n * D];
                for (int j = 0; j < x.length; j++) {
                    // a share of pixels sits exactly on the edges, where clipping must act
                    double u = random.nextDouble();
                    x[j] = u < 0.1 ? 0f : u > 0.9 ? 1f : random.nextFloat();
                }
                int[] labels = random.ints(n, 0, 4).toArray();
                for (Norm norm : Norm.values()) {
                    double scale = norm == Norm.LINF ? 0.3 : 3.0;
                    Epsilon eps = new Epsilon("random", scale * random.nextDouble());
                    try (NDManager scope = model.newBatchScope()) {
                        NDArray pixels = model.pixels(scope, x, n);
                        boolean[] all = new boolean[n];
                        Arrays.fill(all, true);
                        Criterion goal = new Criterion(labels, null, all);
                        String[] ids = new String[n];
                        Arrays.setAll(ids, i -> "image" + i);
                        AttackBatch batch = new AttackBatch(model, pixels, goal, ids, keep, i -> null);
                        AttackSample[] fgsm = new FastGradient(norm).run(batch, List.of(eps))[0];
                        PgdSettings settings = new PgdSettings(4, StepSize.QUARTER_OF_EPS, 2, true);
                        AttackSample[] pgd = settings.create(norm, trial).run(batch, List.of(eps))[0];
                        for (AttackSample[] attack : List.of(fgsm, pgd)) {
                            for (int i = 0; i < n; i++) {
                                checkBounds(norm, eps.value(), x, i, attack[i]);
                                checked++;
                            }
                        }
                    }
                }
            }
        }
        assertEquals(6 * 2 * 2 * n, checked);
    }

    private static void checkBounds(Norm norm, double eps, float[] x, int i, AttackSample a) {
        double linf = 0;
        double squares = 0;
        for (int j = 0; j < D; j++) {
            float v = a.pixels()[j];
            assertTrue(v >= 0f && v <= 1f, "pixel " + j + " = " + v + " outside [0, 1]");
            double d = (double) v - x[i * D + j];
            linf = Math.max(linf, Math.abs(d));
            squares += d * d;
        }
        double l2 = Math.sqrt(squares);
        double size = norm == Norm.LINF ? linf : l2;
        // float32 arithmetic: a relative slack of a few units in the last place
        assertTrue(size <= eps * (1 + 1e-6) + 1e-7, norm.symbol() + " size " + size + " exceeds ε " + eps);
        assertEquals(linf, a.linf(), 1e-6);
        assertEquals(l2, a.l2(), 1e-5 * Math.max(1, l2));
    }
}
