package dev.vigil.cli;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.vigil.attacks.adversarial.Attack;
import dev.vigil.attacks.adversarial.AttackBatch;
import dev.vigil.attacks.adversarial.AttackDefinition;
import dev.vigil.attacks.adversarial.AttackOption;
import dev.vigil.attacks.adversarial.AttackRecipe;
import dev.vigil.attacks.adversarial.AttackSample;
import dev.vigil.attacks.adversarial.Outcomes;
import dev.vigil.core.InputError;
import dev.vigil.core.model.Capability;
import dev.vigil.core.perturb.Epsilon;
import dev.vigil.core.perturb.Norm;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A toy attack added the way any new attack is added — this one class and its catalogue entry
 * ({@link #DEFINITION}) — to show that nothing else in Vigil needs to change: random corners of the
 * L∞ ball (±ε per pixel, seeded by the sample id), {@code --toy-tries} of them per image, the first that
 * flips the prediction kept. It needs only logits.
 */
final class ToyNoiseAttack implements Attack {
    static final AttackDefinition DEFINITION = new AttackDefinition("toy-noise", "Toy noise",
            "random corners of the L∞ ball, the first that flips the prediction kept (a test attack)",
            EnumSet.of(Capability.LOGITS), false,
            List.of(new AttackOption("--toy-tries", "N", "2", "Random corners tried per image by the toy attack.")),
            values -> new Settings(Integer.parseInt(values.apply("--toy-tries"))), List.of());

    /** The toy attack's settings: how many corners per image. */
    record Settings(int tries) implements AttackRecipe {
        Settings {
            if (tries < 1) {
                throw new InputError("--toy-tries must be at least 1, not " + tries + ".");
            }
        }

        @Override
        public Attack create(Norm norm, long seed) {
            return new ToyNoiseAttack(norm, tries, seed);
        }

        @Override
        public String summary() {
            return "The toy attack tries " + tries + " random corners of the ε-ball per image.";
        }

        @Override
        public Map<String, String> reportSettings(long seed) {
            return Map.of("tries", Integer.toString(tries));
        }
    }

    private final Norm norm;
    private final int tries;
    private final long seed;

    private ToyNoiseAttack(Norm norm, int tries, long seed) {
        this.norm = norm;
        this.tries = tries;
        this.seed = seed;
    }

    @Override
    public Norm norm() {
        return norm;
    }

    @Override
    public Set<Capability> needs() {
        return EnumSet.of(Capability.LOGITS);
    }

    @Override
    public AttackSample[][] run(AttackBatch batch, List<Epsilon> budgets) {
        int n = batch.size();
        int classes = batch.classes();
        int pixels = (int) (batch.images().size() / n);
        int[] positions = new int[n];
        java.util.Arrays.setAll(positions, i -> i);
        AttackSample[][] out = new AttackSample[budgets.size()][];
        for (int e = 0; e < budgets.size(); e++) {
            double eps = budgets.get(e).value();
            AttackSample[] best = new AttackSample[n];
            for (int t = 0; t < tries; t++) {
                float[] signs = new float[n * pixels];
                for (int i = 0; i < n; i++) {
                    SplittableRandom random = new SplittableRandom(seed ^ t ^ batch.sampleIds()[i].hashCode() * 31L
                            ^ java.util.Arrays.hashCode(batch.sampleIds()[i].getBytes(StandardCharsets.UTF_8)));
                    for (int j = 0; j < pixels; j++) {
                        signs[i * pixels + j] = random.nextBoolean() ? 1f : -1f;
                    }
                }
                try (NDManager scope = batch.images().getManager().newSubManager()) {
                    NDArray adversarial = scope.create(signs, batch.images().getShape()).mul(eps).add(batch.images()).clip(0, 1);
                    float[] logits = batch.model().logits(adversarial).toFloatArray();
                    double[] progress = new double[n];
                    for (int i = 0; i < n; i++) {
                        progress[i] = batch.criterion().progress(logits, i, classes, i);
                    }
                    AttackSample[] tried = Outcomes.of(batch.images(), adversarial, logits, classes, batch.criterion().labels(),
                            progress, batch.keepPixels());
                    for (int i = 0; i < n; i++) {
                        boolean keepBest = best[i] != null && batch.criterion().succeeded(i, best[i].prediction());
                        if (!keepBest) {
                            best[i] = tried[i];
                        }
                    }
                }
            }
            for (int i = 0; i < n; i++) {
                if (!batch.criterion().attacked()[i]) {
                    best[i] = batch.unattacked().at(i);
                }
            }
            out[e] = best;
        }
        return out;
    }
}
