package dev.vigil.attacks.adversarial;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.vigil.core.model.Capability;
import dev.vigil.core.model.Classifier;
import dev.vigil.core.model.GradientResult;
import dev.vigil.core.perturb.Epsilon;
import dev.vigil.core.perturb.Norm;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * APGD (Croce and Hein 2020) in one norm: gradient ascent with momentum 0.75 from a random point on the
 * ball's surface, with a step size that starts at 2ε and halves at a checkpoint when the loss rose in at
 * most 75% of the steps since the last one, or when the best loss did not improve since it and the step
 * was not halved there; after halving, the search resumes from the best point found. Checkpoints follow
 * the paper: the first after 22% of the iterations, then each interval 3% shorter, never below 6%.
 *
 * <p>APGD-CE ascends the cross-entropy; APGD-T the targeted DLR loss, once per target (the 2nd, 3rd, ...
 * most likely class of the clean image), each on the images the earlier targets did not break. An image
 * leaves the search as soon as it is misclassified (the schedule is per image, so the others' searches do
 * not change); an image that survives is reported at its highest-loss point.
 */
public final class AutoProjectedGradient implements Attack {
    static final double MOMENTUM = 0.75;
    static final double RHO = 0.75;

    private final Norm norm;
    private final ApgdSettings settings;
    private final long seed;

    public AutoProjectedGradient(Norm norm, ApgdSettings settings, long seed) {
        this.norm = norm;
        this.settings = settings;
        this.seed = seed;
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
        float[] cleanLogits = null;
        if (settings.lossFunction() == ApgdLoss.DLR_TARGETED && !batch.criterion().targeted()) {
            try (NDManager scope = Scopes.borrowing(batch.images().getManager(), batch.images())) {
                cleanLogits = batch.model().logits(batch.images()).toFloatArray();
            }
        }
        for (int e = 0; e < out.length; e++) {
            out[e] = attack(batch, budgets.get(e), cleanLogits);
        }
        return out;
    }

    /** The loss actually used on a model with this many classes: the DLR needs four. */
    ApgdLoss lossFor(int classes) {
        return settings.lossFunction() == ApgdLoss.DLR_TARGETED && classes < 4 ? ApgdLoss.CROSS_ENTROPY : settings.lossFunction();
    }

    private AttackSample[] attack(AttackBatch batch, Epsilon eps, float[] cleanLogits) {
        int n = batch.size();
        int classes = batch.classes();
        Criterion goal = batch.criterion();
        AttackSample[] out = new AttackSample[n];
        boolean[] open = new boolean[n];
        for (int i = 0; i < n; i++) {
            open[i] = goal.attacked()[i];
            if (!open[i]) {
                out[i] = batch.unattacked().at(i);
            }
        }
        int runs = cleanLogits == null ? 1 : Math.min(settings.targets(), classes - 1);
        for (int run = 0; run < runs; run++) {
            int[] positions = indices(open);
            if (positions.length == 0) {
                break;
            }
            int[] aims = new int[positions.length];
            for (int k = 0; k < positions.length; k++) {
                aims[k] = cleanLogits != null ? rank(cleanLogits, positions[k], classes, run + 1)
                        : goal.targeted() ? goal.targets()[positions[k]] : -1;
            }
            AttackSample[] found = search(batch, eps, positions, aims, run);
            for (int p : positions) {
                boolean broken = goal.succeeded(p, found[p].prediction());
                if (out[p] == null || broken || found[p].progress() > out[p].progress()) {
                    out[p] = found[p];
                }
                open[p] = !broken;
            }
        }
        return out;
    }

    /** One APGD run on the given batch positions; the result holds an outcome for each of them. */
    private AttackSample[] search(AttackBatch batch, Epsilon eps, int[] positions, int[] aims, int run) {
        Classifier model = batch.model();
        NDArray images = batch.images();
        int classes = batch.classes();
        ApgdLoss loss = lossFor(classes);
        AttackSample[] out = new AttackSample[batch.size()];
        try (NDManager runScope = Scopes.borrowing(images.getManager(), images)) {
            Search s = new Search(batch, loss, eps.value(), positions, aims, images.get(runScope.create(ProjectedGradientDescent.toLong(positions))));
            double e = eps.value();
            if (e == 0) {
                float[] logits = model.logits(s.x0).toFloatArray();
                s.finish(s.x0, logits, out);
                return out;
            }
            NDArray start = runScope.create(startOffsets(batch, eps, positions, run, (int) (s.x0.size() / positions.length)),
                    s.x0.getShape()).add(s.x0).clip(0, 1);
            try (NDManager scope = runScope.newSubManager()) {
                s.attach(scope);
                start.attach(scope);
                s.evaluate(start, null, out);
                if (s.open.length == 0) {
                    return out;
                }
                s.attach(runScope);
            }
            int steps = settings.steps();
            int interval = Math.max((int) (0.22 * steps), 1);
            int minInterval = Math.max((int) (0.06 * steps), 1);
            int shrink = Math.max((int) (0.03 * steps), 1);
            int sinceCheck = 0;
            for (int i = 0; i < steps; i++) {
                try (NDManager scope = runScope.newSubManager()) {
                    s.attach(scope);
                    NDArray step = scope.create(s.step, new Shape(s.open.length, 1, 1, 1));
                    NDArray z = norm.project(norm.direction(s.grad).mul(step).add(s.x), s.x0, e);
                    NDArray next = i == 0 ? z
                            : norm.project(z.sub(s.x).mul(MOMENTUM).add(s.x.sub(s.xOld).mul(1 - MOMENTUM)).add(s.x), s.x0, e);
                    s.evaluate(next, s.x, out);
                    if (s.open.length == 0) {
                        return out;
                    }
                    if (++sinceCheck == interval) {
                        s.checkpoint(interval);
                        sinceCheck = 0;
                        interval = Math.max(interval - shrink, minInterval);
                    }
                    s.attach(runScope);
                }
            }
            try (NDManager scope = runScope.newSubManager()) {
                s.attach(scope);
                s.finish(s.xBest, s.bestLogits, out);
            }
        }
        return out;
    }

    /** The search state of the images still open, row k standing for batch position {@code open[k]}. */
    private final class Search {
        private final AttackBatch batch;
        private final ApgdLoss loss;
        private final int classes;
        int[] open;
        int[] aims;
        int[] labels;
        float[] step;
        double[] lossBest;
        double[] lossAtCheck;
        double[] lossBefore;
        int[] rises;
        boolean[] halvedAtCheck;
        float[] bestLogits;
        private final double eps;
        NDArray x0;
        NDArray x;
        NDArray xOld;
        NDArray xBest;
        NDArray grad;
        NDArray gradBest;

        Search(AttackBatch batch, ApgdLoss loss, double eps, int[] positions, int[] aims, NDArray x0) {
            this.batch = batch;
            this.eps = eps;
            this.loss = loss;
            this.classes = batch.classes();
            this.open = positions;
            this.aims = aims;
            this.labels = new int[positions.length];
            for (int k = 0; k < positions.length; k++) {
                labels[k] = batch.criterion().labels()[positions[k]];
            }
            this.x0 = x0;
        }

        void attach(NDManager manager) {
            for (NDArray a : new NDArray[] {x0, x, xOld, xBest, grad, gradBest}) {
                if (a != null) {
                    a.attach(manager);
                }
            }
        }

        /** Moves to {@code next}: its loss and gradient, the best point so far, and the exit of broken images. */
        void evaluate(NDArray next, NDArray previous, AttackSample[] out) {
            int m = open.length;
            GradientResult g = batch.model().gradient(next, loss.objective(labels, aims));
            float[] logits = g.logits().toFloatArray();
            double[] values = new double[m];
            boolean[] done = new boolean[m];
            boolean[] improved = new boolean[m];
            boolean anyDone = false;
            boolean anyImproved = false;
            boolean first = previous == null;
            if (first) {
                step = new float[m];
                lossBest = new double[m];
                lossAtCheck = new double[m];
                lossBefore = new double[m];
                rises = new int[m];
                halvedAtCheck = new boolean[m];
                bestLogits = logits.clone();
            }
            for (int k = 0; k < m; k++) {
                values[k] = loss.value(logits, k, classes, labels[k], aims[k]);
                done[k] = batch.criterion().stops(open[k], ProjectedGradientDescent.argmax(logits, k, classes));
                anyDone |= done[k];
                if (first) {
                    step[k] = (float) (2 * eps);
                    lossBest[k] = values[k];
                    lossAtCheck[k] = values[k];
                    halvedAtCheck[k] = true;
                } else {
                    rises[k] += values[k] > lossBefore[k] ? 1 : 0;
                    improved[k] = values[k] > lossBest[k];
                    if (improved[k]) {
                        lossBest[k] = values[k];
                        System.arraycopy(logits, k * classes, bestLogits, k * classes, classes);
                        anyImproved = true;
                    }
                }
                lossBefore[k] = values[k];
            }
            if (first) {
                xBest = next;
                gradBest = g.gradient();
            } else if (anyImproved) {
                NDArray mask = mask(next, improved);
                NDArray keep = mask.neg().add(1f);
                xBest = next.mul(mask).add(xBest.mul(keep));
                gradBest = g.gradient().mul(mask).add(gradBest.mul(keep));
            }
            xOld = first ? next : previous;
            x = next;
            grad = g.gradient();
            if (anyDone) {
                ProjectedGradientDescent.record(x0, x, logits, classes, open, done, batch.criterion(), batch.keepPixels(), out);
                keepOnly(done);
            }
        }

        /** The paper's checkpoint test; images whose step halves resume from their best point. */
        void checkpoint(int interval) {
            int m = open.length;
            boolean[] halve = new boolean[m];
            boolean any = false;
            for (int k = 0; k < m; k++) {
                boolean oscillating = rises[k] <= interval * RHO;
                boolean stalled = !halvedAtCheck[k] && lossAtCheck[k] >= lossBest[k];
                halve[k] = oscillating || stalled;
                halvedAtCheck[k] = halve[k];
                lossAtCheck[k] = lossBest[k];
                rises[k] = 0;
                if (halve[k]) {
                    step[k] /= 2;
                    any = true;
                }
            }
            if (any) {
                NDArray mask = mask(x, halve);
                NDArray keep = mask.neg().add(1f);
                x = xBest.mul(mask).add(x.mul(keep));
                grad = gradBest.mul(mask).add(grad.mul(keep));
            }
        }

        /** Records every open image at {@code points} with their logits [open × classes]. */
        void finish(NDArray points, float[] logits, AttackSample[] out) {
            boolean[] all = new boolean[open.length];
            java.util.Arrays.fill(all, true);
            ProjectedGradientDescent.record(x0, points, logits, classes, open, all, batch.criterion(), batch.keepPixels(), out);
        }

        private void keepOnly(boolean[] done) {
            int[] rows = ProjectedGradientDescent.indicesOf(done, false);
            if (rows.length == 0) {
                open = new int[0];
                return;
            }
            NDArray idx = x.getManager().create(ProjectedGradientDescent.toLong(rows));
            x0 = x0.get(idx);
            x = x.get(idx);
            xOld = xOld.get(idx);
            xBest = xBest.get(idx);
            grad = grad.get(idx);
            gradBest = gradBest.get(idx);
            open = pick(open, rows);
            aims = pick(aims, rows);
            labels = pick(labels, rows);
            float[] s = new float[rows.length];
            double[] best = new double[rows.length];
            double[] atCheck = new double[rows.length];
            double[] before = new double[rows.length];
            int[] r = new int[rows.length];
            boolean[] halved = new boolean[rows.length];
            float[] logits = new float[rows.length * classes];
            for (int k = 0; k < rows.length; k++) {
                s[k] = step[rows[k]];
                best[k] = lossBest[rows[k]];
                atCheck[k] = lossAtCheck[rows[k]];
                before[k] = lossBefore[rows[k]];
                r[k] = rises[rows[k]];
                halved[k] = halvedAtCheck[rows[k]];
                System.arraycopy(bestLogits, rows[k] * classes, logits, k * classes, classes);
            }
            step = s;
            lossBest = best;
            lossAtCheck = atCheck;
            lossBefore = before;
            rises = r;
            halvedAtCheck = halved;
            bestLogits = logits;
        }

    }

    private float[] startOffsets(AttackBatch batch, Epsilon eps, int[] positions, int run, int pixels) {
        float[] out = new float[positions.length * pixels];
        for (int k = 0; k < positions.length; k++) {
            SplittableRandom random = AttackSeeds.generator(seed, settings.stream(), norm, eps, batch.restart(), run,
                    batch.sampleIds()[positions[k]]);
            surfacePoint(random, out, k * pixels, pixels, eps.value());
        }
        return out;
    }

    /** APGD's start: a random direction scaled onto the ball's surface (L∞: largest entry ε; L2: length ε). */
    private void surfacePoint(SplittableRandom random, float[] out, int offset, int length, double eps) {
        double size = 0;
        double[] t = new double[length];
        for (int j = 0; j < length; j++) {
            t[j] = norm == Norm.LINF ? 2 * random.nextDouble() - 1 : random.nextGaussian();
            size = norm == Norm.LINF ? Math.max(size, Math.abs(t[j])) : size + t[j] * t[j];
        }
        double scale = eps / (norm == Norm.LINF ? size : Math.sqrt(size));
        for (int j = 0; j < length; j++) {
            out[offset + j] = (float) (t[j] * scale);
        }
    }

    private static NDArray mask(NDArray like, boolean[] rows) {
        float[] m = new float[rows.length];
        for (int k = 0; k < rows.length; k++) {
            m[k] = rows[k] ? 1f : 0f;
        }
        return like.getManager().create(m, new Shape(rows.length, 1, 1, 1));
    }

    /** The class of rank {@code rank} (0 = most likely) among a row's clean logits. */
    private static int rank(float[] logits, int row, int classes, int rank) {
        Integer[] order = new Integer[classes];
        for (int c = 0; c < classes; c++) {
            order[c] = c;
        }
        java.util.Arrays.sort(order, (a, b) -> Float.compare(logits[row * classes + b], logits[row * classes + a]));
        return order[rank];
    }

    private static int[] indices(boolean[] flags) {
        return ProjectedGradientDescent.indicesOf(flags, true);
    }

    private static int[] pick(int[] values, int[] rows) {
        int[] out = new int[rows.length];
        for (int k = 0; k < rows.length; k++) {
            out[k] = values[rows[k]];
        }
        return out;
    }
}
