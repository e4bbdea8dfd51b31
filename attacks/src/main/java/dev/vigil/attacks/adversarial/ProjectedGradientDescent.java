package dev.vigil.attacks.adversarial;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.vigil.core.model.Classifier;
import dev.vigil.core.model.GradientResult;

/**
 * PGD (Madry et al. 2018) in one norm at one epsilon on one batch. Each run starts at a seeded random
 * point of the ball (or at the image), takes gradient steps of the norm's steepest-ascent direction
 * and projects back onto the ball and onto [0, 1] after each. An image leaves the run as soon as the
 * attack succeeds on it, because further steps cannot change that result. Restarts run again on the
 * images not yet broken, and per image the worst case for the model is kept.
 *
 * <p>Memory: each step runs in its own NDManager scope that keeps only the next iterate, so no
 * gradient graph or intermediate array outlives a step.
 */
final class ProjectedGradientDescent {
    private final Norm norm;
    private final PgdSettings settings;
    private final RandomStarts starts;

    ProjectedGradientDescent(Norm norm, PgdSettings settings, RandomStarts starts) {
        this.norm = norm;
        this.settings = settings;
        this.starts = starts;
    }

    /** What an image looks like when it is not attacked (the model already fails on it, or it is of the target class). */
    interface Unattacked {
        AttackSample at(int position);
    }

    /**
     * @param images     the clean batch [n, C, H, W]
     * @param goal       labels, targets and which positions to attack
     * @param sampleIds  ids of the batch's images, which seed their random starts
     * @param keepPixels positions whose adversarial image is kept as evidence
     * @param unattacked the outcome of positions that are not attacked
     */
    AttackSample[] attack(Classifier model, NDArray images, BatchGoal goal, Epsilon eps, String[] sampleIds,
                          boolean[] keepPixels, Unattacked unattacked) {
        int n = sampleIds.length;
        WorstCase worst = new WorstCase(n);
        for (int i = 0; i < n; i++) {
            if (!goal.attacked()[i]) {
                worst.offer(i, unattacked.at(i), false, Double.NEGATIVE_INFINITY);
            }
        }
        for (int restart = 0; restart < settings.restarts(); restart++) {
            int[] open = worst.open(goal.attacked());
            if (open.length == 0) {
                break;
            }
            run(model, images, goal, eps, restart, open, sampleIds, keepPixels, worst);
        }
        return worst.samples();
    }

    private void run(Classifier model, NDArray images, BatchGoal goal, Epsilon eps, int restart, int[] positions,
                     String[] sampleIds, boolean[] keepPixels, WorstCase worst) {
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
                        done[k] = last || goal.succeeded(open[k], argmax(logits, k, classes));
                        finished += done[k] ? 1 : 0;
                    }
                    if (finished > 0) {
                        record(original, adversarial, logits, classes, open, done, goal, keepPixels, worst);
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

    private void record(NDArray original, NDArray adversarial, float[] logits, int classes, int[] open, boolean[] done,
                        BatchGoal goal, boolean[] keepPixels, WorstCase worst) {
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
        AttackSample[] samples = Outcomes.of(orig, adv, chosen, classes, labels, keep);
        for (int k = 0; k < rows.length; k++) {
            int p = positions[k];
            worst.offer(p, samples[k], goal.succeeded(p, samples[k].prediction()), goal.progress(chosen, k, classes, p));
        }
    }

    /** Per position, the outcome that is worst for the model: a success over a failure, else the higher loss. */
    private static final class WorstCase {
        private final AttackSample[] samples;
        private final boolean[] succeeded;
        private final double[] progress;

        WorstCase(int n) {
            samples = new AttackSample[n];
            succeeded = new boolean[n];
            progress = new double[n];
        }

        void offer(int position, AttackSample sample, boolean success, double score) {
            boolean better = samples[position] == null
                    || (success && !succeeded[position])
                    || (!success && !succeeded[position] && score > progress[position]);
            if (better) {
                samples[position] = sample;
                succeeded[position] = success;
                progress[position] = score;
            }
        }

        /** Attacked positions the attack has not yet succeeded on. */
        int[] open(boolean[] attacked) {
            int count = 0;
            int[] out = new int[attacked.length];
            for (int i = 0; i < attacked.length; i++) {
                if (attacked[i] && !succeeded[i]) {
                    out[count++] = i;
                }
            }
            return java.util.Arrays.copyOf(out, count);
        }

        AttackSample[] samples() {
            return samples.clone();
        }
    }

    static int argmax(float[] logits, int row, int classes) {
        int best = 0;
        for (int c = 1; c < classes; c++) {
            if (logits[row * classes + c] > logits[row * classes + best]) {
                best = c;
            }
        }
        return best;
    }

    private static int[] indicesOf(boolean[] flags, boolean value) {
        int[] out = new int[flags.length];
        int count = 0;
        for (int k = 0; k < flags.length; k++) {
            if (flags[k] == value) {
                out[count++] = k;
            }
        }
        return java.util.Arrays.copyOf(out, count);
    }

    private static int[] select(int[] values, boolean[] flags, boolean value) {
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
