package dev.vigil.attacks.adversarial;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.vigil.core.eval.Predictions;
import dev.vigil.core.model.Capability;
import dev.vigil.core.model.Classifier;
import dev.vigil.core.model.GradientResult;
import dev.vigil.core.perturb.Epsilon;
import dev.vigil.core.perturb.Norm;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * PGD (Madry et al. 2018) in one norm on one batch, at each budget of a sweep in turn. A run starts at
 * a seeded random point of the ball (or at the image), takes gradient steps of the norm's
 * steepest-ascent direction and projects back onto the ball and onto [0, 1] after each. An image leaves
 * the run as soon as the attack succeeds on it, because further steps cannot change that result.
 * Restarts are {@link Restarts} around this attack.
 *
 * <p>Memory: each step runs in its own NDManager scope that keeps only the next iterate, so no
 * gradient graph or intermediate array outlives a step.
 */
public final class ProjectedGradientDescent implements Attack {
    private final Norm norm;
    private final PgdSettings settings;
    private final RandomStarts starts;

    public ProjectedGradientDescent(Norm norm, PgdSettings settings, long seed) {
        this.norm = norm;
        this.settings = settings;
        this.starts = new RandomStarts(seed);
    }

    @Override
    public Norm norm() {
        return norm;
    }

    @Override
    public Set<Capability> needs() {
        return EnumSet.of(Capability.LOGITS, Capability.INPUT_GRADIENT);
    }

    @Override
    public AttackSample[][] run(AttackBatch batch, List<Epsilon> budgets) {
        AttackSample[][] out = new AttackSample[budgets.size()][];
        for (int e = 0; e < out.length; e++) {
            out[e] = attack(batch, budgets.get(e));
        }
        return out;
    }

    private AttackSample[] attack(AttackBatch batch, Epsilon eps) {
        int n = batch.size();
        AttackSample[] out = new AttackSample[n];
        int count = 0;
        int[] open = new int[n];
        for (int i = 0; i < n; i++) {
            if (batch.criterion().attacked()[i]) {
                open[count++] = i;
            } else {
                out[i] = batch.unattacked().at(i);
            }
        }
        if (count > 0) {
            run(batch, eps, java.util.Arrays.copyOf(open, count), out);
        }
        return out;
    }

    private void run(AttackBatch batch, Epsilon eps, int[] positions, AttackSample[] out) {
        Classifier model = batch.model();
        NDArray images = batch.images();
        Criterion goal = batch.criterion();
        String[] sampleIds = batch.sampleIds();
        int restart = batch.restart();
        int classes = model.labels().size();
        double stepSize = settings.stepSize().at(eps.value());
        try (NDManager run = Scopes.borrowing(images.getManager(), images)) {
            NDArray original = images.get(run.create(toLong(positions)));
            NDArray adversarial = original;
            if (settings.randomStart() && eps.value() > 0) {
                int pixels = (int) (original.size() / positions.length);
                String[] ids = new String[positions.length];
                for (int k = 0; k < positions.length; k++) {
                    ids[k] = sampleIds[positions[k]];
                }
                float[] offsets = starts.offsets(norm, eps, restart, ids, pixels);
                adversarial = run.create(offsets, original.getShape()).add(original).clip(0, 1);
            }
            int[] open = positions;
            // At epsilon 0 no step can move the image: only the final evaluation is left.
            int steps = eps.value() == 0 ? 0 : settings.steps();
            for (int step = 0; step <= steps; step++) {
                boolean last = step == steps;
                try (NDManager scope = run.newSubManager()) {
                    original.attach(scope);
                    adversarial.attach(scope);
                    NDArray gradient = null;
                    float[] logits;
                    if (last) {
                        logits = model.logits(adversarial).toFloatArray();
                    } else {
                        GradientResult g = model.gradient(adversarial, goal.objective(open));
                        logits = g.logits().toFloatArray();
                        gradient = g.gradient();
                    }
                    boolean[] done = new boolean[open.length];
                    int finished = 0;
                    for (int k = 0; k < open.length; k++) {
                        done[k] = last || goal.stops(open[k], argmax(logits, k, classes));
                        finished += done[k] ? 1 : 0;
                    }
                    if (finished > 0) {
                        record(original, adversarial, logits, classes, open, done, goal, batch.keepPixels(), out);
                    }
                    if (finished == open.length) {
                        return;
                    }
                    if (finished > 0) {
                        NDArray keep = scope.create(toLong(indicesOf(done, false)));
                        original = original.get(keep);
                        adversarial = adversarial.get(keep);
                        gradient = gradient.get(keep);
                        open = select(open, done, false);
                    }
                    NDArray stepped = norm.direction(gradient).mul(goal.direction() * stepSize).add(adversarial);
                    adversarial = norm.project(stepped, original, eps.value());
                    adversarial.attach(run);
                    original.attach(run);
                }
            }
        }
    }

    static void record(NDArray original, NDArray adversarial, float[] logits, int classes, int[] open, boolean[] done,
                               Criterion goal, boolean[] keepPixels, AttackSample[] out) {
        int[] rows = indicesOf(done, true);
        int[] positions = select(open, done, true);
        NDArray idx = adversarial.getManager().create(toLong(rows));
        NDArray orig = rows.length == open.length ? original : original.get(idx);
        NDArray adv = rows.length == open.length ? adversarial : adversarial.get(idx);
        float[] chosen = new float[rows.length * classes];
        int[] labels = new int[rows.length];
        boolean[] keep = new boolean[rows.length];
        for (int k = 0; k < rows.length; k++) {
            System.arraycopy(logits, rows[k] * classes, chosen, k * classes, classes);
            labels[k] = goal.labels()[positions[k]];
            keep[k] = keepPixels[positions[k]];
        }
        AttackSample[] samples = Outcomes.of(orig, adv, chosen, classes, labels, Outcomes.progress(goal, chosen, classes, positions), keep);
        for (int k = 0; k < rows.length; k++) {
            out[positions[k]] = samples[k];
        }
    }

    /** The arg-max class of a row, or {@link Predictions#NONE} when a logit is not finite. */
    static int argmax(float[] logits, int row, int classes) {
        if (!Predictions.finiteRow(logits, row, classes)) {
            return Predictions.NONE;
        }
        int best = 0;
        for (int c = 1; c < classes; c++) {
            if (logits[row * classes + c] > logits[row * classes + best]) {
                best = c;
            }
        }
        return best;
    }

    static int[] indicesOf(boolean[] flags, boolean value) {
        int[] out = new int[flags.length];
        int count = 0;
        for (int k = 0; k < flags.length; k++) {
            if (flags[k] == value) {
                out[count++] = k;
            }
        }
        return java.util.Arrays.copyOf(out, count);
    }

    static int[] select(int[] values, boolean[] flags, boolean value) {
        int[] rows = indicesOf(flags, value);
        int[] out = new int[rows.length];
        for (int k = 0; k < rows.length; k++) {
            out[k] = values[rows[k]];
        }
        return out;
    }

    static long[] toLong(int[] values) {
        long[] out = new long[values.length];
        for (int k = 0; k < values.length; k++) {
            out[k] = values[k];
        }
        return out;
    }
}
