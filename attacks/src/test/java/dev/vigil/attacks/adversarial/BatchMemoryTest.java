package dev.vigil.attacks.adversarial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.BaseNDManager;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.vigil.core.model.Classifier;
import dev.vigil.core.model.ForwardingClassifier;
import dev.vigil.core.model.GradientResult;
import dev.vigil.core.model.InputSpec;
import dev.vigil.core.model.Objective;
import dev.vigil.core.perturb.Epsilon;
import dev.vigil.core.perturb.Norm;
import dev.vigil.core.testing.Fixtures;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * PGD keeps no more arrays alive at its twentieth step than at its second: each step runs in a scope
 * of its own that keeps only the next iterate, so neither intermediate arrays nor gradient graphs pile
 * up over the steps.
 */
class BatchMemoryTest {
    private static final InputSpec SPEC = new InputSpec(3, 8, 8);

    /** The real model, counting the live arrays of the batch scope (with its sub-scopes) at every gradient call. */
    private static final class CountingClassifier extends ForwardingClassifier {
        private final List<Integer> liveArrays = new ArrayList<>();
        private BaseNDManager batch;

        CountingClassifier(Classifier model) {
            super(model);
        }

        @Override
        public NDManager newBatchScope() {
            batch = (BaseNDManager) inner().newBatchScope();
            return batch;
        }

        @Override
        public GradientResult gradient(NDArray pixels, Objective objective) {
            liveArrays.add(batch.getManagedArrays().size());
            return inner().gradient(pixels, objective);
        }
    }

    @Test
    void liveArraysDoNotGrowWithTheStepsOfPgd() {
        int n = 8;
        float[] x = new float[n * SPEC.pixelsPerImage()];
        Random random = new Random(3);
        for (int j = 0; j < x.length; j++) {
            x[j] = random.nextFloat();
        }
        CountingClassifier model = new CountingClassifier(Fixtures.load("nonlinear.pt", SPEC, 4));
        try (model; NDManager scope = model.newBatchScope()) {
            NDArray pixels = model.pixels(scope, x, n);
            float[] logits = model.logits(pixels).toFloatArray();
            int[] predicted = new int[n];
            Arrays.setAll(predicted, i -> ProjectedGradientDescent.argmax(logits, i, 4));
            boolean[] all = new boolean[n];
            Arrays.fill(all, true);
            String[] ids = new String[n];
            Arrays.setAll(ids, i -> "image" + i);
            // A budget far too small to change any prediction keeps every image in the search for all 20 steps.
            new ProjectedGradientDescent(Norm.LINF, new PgdSettings(20, StepSize.QUARTER_OF_EPS, 1, true), 1)
                    .run(new AttackBatch(model, pixels, new Criterion(predicted, null, all), ids, new boolean[n], i -> null),
                            List.of(new Epsilon("1e-6", 1e-6)));
        }
        assertEquals(20, model.liveArrays.size(), "one gradient per step");
        assertEquals(model.liveArrays.get(1), model.liveArrays.get(19), "live arrays per step: " + model.liveArrays);
        assertTrue(model.liveArrays.get(1) < 12, "only the batch, the originals and the iterate: " + model.liveArrays);
    }
}
