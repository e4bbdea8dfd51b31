package dev.vigil.attacks.adversarial;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.vigil.core.model.Capability;
import dev.vigil.core.perturb.Epsilon;
import dev.vigil.core.perturb.Norm;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The Square attack (Andriushchenko et al. 2020): a random search that asks the model for logits only,
 * never for a gradient, so it still works where gradients are masked or unavailable. Each query changes
 * one random square window of the current best image; the change is kept when it lowers the margin loss
 * (the true class's logit minus the largest other, or the target's margin) or misclassifies the image.
 * The window's share of the image starts at {@code pInit} and shrinks on the paper's schedule, rescaled
 * to the query budget. L∞: the window moves to ±ε per channel, starting from vertical stripes of ±ε.
 * L2: the window gets a centred pattern of nested squares whose length takes the budget the rest of the
 * image leaves, the mass of a second window moving into it, starting from a 5×5 grid of such patterns.
 *
 * <p>Every random draw comes from a generator of the image alone (its id, the seed, norm, budget and
 * restart), so the search of an image never depends on its batch. An image leaves as soon as it is
 * broken; each iteration queries only the images still open, in one batch.
 */
public final class SquareAttack implements Attack {
    private final Norm norm;
    private final SquareSettings settings;
    private final long seed;

    public SquareAttack(Norm norm, SquareSettings settings, long seed) {
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
        return EnumSet.of(Capability.LOGITS);
    }

    @Override
    public AttackSample[][] run(AttackBatch batch, List<Epsilon> budgets) {
        AttackSample[][] out = new AttackSample[budgets.size()][];
        float[] clean;
        try (NDManager scope = Scopes.borrowing(batch.images().getManager(), batch.images())) {
            clean = batch.images().toFloatArray();
        }
        for (int e = 0; e < out.length; e++) {
            out[e] = attack(batch, budgets.get(e), clean);
        }
        return out;
    }

    /** The window's share of the image after {@code iteration} of {@code queries} (the paper's schedule, rescaled). */
    static double share(double pInit, int iteration, int queries) {
        int it = (int) ((double) iteration / queries * 10000);
        int[] bounds = {10, 50, 200, 500, 1000, 2000, 4000, 6000, 8000};
        double p = pInit;
        for (int bound : bounds) {
            if (it > bound) {
                p /= 2;
            }
        }
        return p;
    }

    private AttackSample[] attack(AttackBatch batch, Epsilon eps, float[] clean) {
        int n = batch.size();
        Criterion goal = batch.criterion();
        AttackSample[] out = new AttackSample[n];
        int[] positions = ProjectedGradientDescent.indicesOf(goal.attacked(), true);
        for (int i = 0; i < n; i++) {
            if (!goal.attacked()[i]) {
                out[i] = batch.unattacked().at(i);
            }
        }
        if (positions.length == 0) {
            return out;
        }
        Shape shape = batch.images().getShape();
        int c = (int) shape.get(1);
        int h = (int) shape.get(2);
        int w = (int) shape.get(3);
        int pixels = c * h * w;
        int classes = batch.classes();
        double e = eps.value();
        int m = positions.length;
        Image[] images = new Image[m];
        for (int k = 0; k < m; k++) {
            int p = positions[k];
            float[] x = Arrays.copyOfRange(clean, p * pixels, (p + 1) * pixels);
            int aim = goal.targeted() ? goal.targets()[p] : -1;
            SplittableRandom random = AttackSeeds.generator(seed, "square", norm, eps, batch.restart(), 0, batch.sampleIds()[p]);
            images[k] = new Image(p, goal.labels()[p], aim, x, random);
            images[k].best = e == 0 ? x.clone() : norm == Norm.LINF ? stripes(images[k], c, h, w, e) : grid(images[k], c, h, w, e);
        }
        int[] open = query(batch, images, indicesAll(m), pixels, classes, true, out);
        for (int it = 0; it < settings.queries() && open.length > 0 && e > 0; it++) {
            double p = share(settings.pInit(), it, settings.queries());
            for (int k : open) {
                images[k].candidate = norm == Norm.LINF ? linfStep(images[k], c, h, w, e, p) : l2Step(images[k], c, h, w, e, p);
            }
            open = query(batch, images, open, pixels, classes, false, out);
        }
        finish(batch, images, open, pixels, classes, out);
        return out;
    }

    /** One image's search state. */
    private static final class Image {
        final int position;
        final int label;
        final int aim;
        final float[] x;
        final SplittableRandom random;
        float[] best;
        float[] bestLogits;
        double lossBest;
        float[] candidate;

        Image(int position, int label, int aim, float[] x, SplittableRandom random) {
            this.position = position;
            this.label = label;
            this.aim = aim;
            this.x = x;
            this.random = random;
        }
    }

    /**
     * Queries the model at the open images' candidates (or, the first time, their starting points), keeps
     * improvements, records the broken images and returns those still open.
     */
    private int[] query(AttackBatch batch, Image[] images, int[] open, int pixels, int classes, boolean first, AttackSample[] out) {
        float[] data = new float[open.length * pixels];
        for (int k = 0; k < open.length; k++) {
            Image im = images[open[k]];
            System.arraycopy(first ? im.best : im.candidate, 0, data, k * pixels, pixels);
        }
        float[] logits;
        try (NDManager scope = Scopes.borrowing(batch.images().getManager(), batch.images())) {
            NDArray points = scope.create(data, batchShape(batch, open.length));
            logits = batch.model().logits(points).toFloatArray();
        }
        boolean[] broken = new boolean[open.length];
        for (int k = 0; k < open.length; k++) {
            Image im = images[open[k]];
            float[] row = Arrays.copyOfRange(logits, k * classes, (k + 1) * classes);
            double loss = margin(row, im.label, im.aim);
            broken[k] = batch.criterion().stops(im.position, ProjectedGradientDescent.argmax(row, 0, classes));
            if (first || loss < im.lossBest || broken[k]) {
                if (!first) {
                    im.best = im.candidate;
                }
                im.lossBest = first || loss < im.lossBest ? loss : im.lossBest;
                im.bestLogits = row;
            }
            im.candidate = null;
        }
        int[] done = ProjectedGradientDescent.select(open, broken, true);
        if (done.length > 0) {
            finish(batch, images, done, pixels, classes, out);
        }
        return ProjectedGradientDescent.select(open, broken, false);
    }

    /** Records the given images at their best points. */
    private void finish(AttackBatch batch, Image[] images, int[] which, int pixels, int classes, AttackSample[] out) {
        if (which.length == 0) {
            return;
        }
        float[] originals = new float[which.length * pixels];
        float[] best = new float[which.length * pixels];
        float[] logits = new float[which.length * classes];
        int[] positions = new int[which.length];
        for (int k = 0; k < which.length; k++) {
            Image im = images[which[k]];
            System.arraycopy(im.x, 0, originals, k * pixels, pixels);
            System.arraycopy(im.best, 0, best, k * pixels, pixels);
            System.arraycopy(im.bestLogits, 0, logits, k * classes, classes);
            positions[k] = im.position;
        }
        boolean[] all = new boolean[which.length];
        Arrays.fill(all, true);
        try (NDManager scope = Scopes.borrowing(batch.images().getManager(), batch.images())) {
            Shape shape = batchShape(batch, which.length);
            ProjectedGradientDescent.record(scope.create(originals, shape), scope.create(best, shape), logits, classes, positions, all,
                    batch.criterion(), batch.keepPixels(), out);
        }
    }

    /** The margin loss the search lowers: true logit minus the largest other, or the largest other minus the target's. */
    static double margin(float[] logits, int label, int aim) {
        int own = aim < 0 ? label : aim;
        double other = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < logits.length; c++) {
            if (c != own) {
                other = Math.max(other, logits[c]);
            }
        }
        return aim < 0 ? logits[label] - other : other - logits[aim];
    }

    /** L∞ start: each channel of each column moved by ±ε. */
    private static float[] stripes(Image im, int c, int h, int w, double eps) {
        float[] out = new float[c * h * w];
        for (int ch = 0; ch < c; ch++) {
            for (int col = 0; col < w; col++) {
                double sign = sign(im.random);
                for (int row = 0; row < h; row++) {
                    int i = (ch * h + row) * w + col;
                    out[i] = clip01(im.x[i] + eps * sign);
                }
            }
        }
        return out;
    }

    /** L∞ query: a random window of side about √(p·H·W) set to x ± ε per channel. */
    private static float[] linfStep(Image im, int c, int h, int w, double eps, double p) {
        int s = Math.max((int) Math.round(Math.sqrt(p * h * w)), 1);
        s = Math.min(s, Math.min(h, w));
        int vh = offset(im.random, h - s);
        int vw = offset(im.random, w - s);
        float[] out = im.best.clone();
        for (int ch = 0; ch < c; ch++) {
            double sign = sign(im.random);
            for (int row = vh; row < vh + s; row++) {
                for (int col = vw; col < vw + s; col++) {
                    int i = (ch * h + row) * w + col;
                    out[i] = clip01(im.x[i] + eps * sign);
                }
            }
        }
        return out;
    }

    /** L2 start: a grid of nested-square patterns with random signs per channel, scaled to length ε. */
    private static float[] grid(Image im, int c, int h, int w, double eps) {
        double[] delta = new double[c * h * w];
        int s = Math.max(h / 5, 1);
        int start = (h - s * 5) / 2;
        for (int vh = start, i = 0; i < h / s; i++, vh += s) {
            for (int vw = start, j = 0; j < w / s; j++, vw += s) {
                double[] pattern = pattern(s, im.random);
                for (int ch = 0; ch < c; ch++) {
                    double sign = sign(im.random);
                    for (int a = 0; a < s && vh + a < h; a++) {
                        for (int b = 0; b < s && vw + b < w; b++) {
                            delta[(ch * h + vh + a) * w + vw + b] += pattern[a * s + b] * sign;
                        }
                    }
                }
            }
        }
        return scaled(im.x, delta, eps);
    }

    /**
     * L2 query: the window gets a fresh pattern plus its old direction, with the length of its own and a
     * second window's old perturbation plus what the budget has left; the second window is emptied.
     */
    private static float[] l2Step(Image im, int c, int h, int w, double eps, double p) {
        int s = Math.max((int) Math.round(Math.sqrt(p * h * w)), 3);
        if (s % 2 == 0) {
            s++;
        }
        s = Math.min(s, Math.min(h, w));
        int vh = offset(im.random, h - s);
        int vw = offset(im.random, w - s);
        int vh2 = offset(im.random, h - s);
        int vw2 = offset(im.random, w - s);
        int size = c * h * w;
        double[] delta = new double[size];
        double imageNorm = 0;
        for (int i = 0; i < size; i++) {
            delta[i] = im.best[i] - im.x[i];
            imageNorm += delta[i] * delta[i];
        }
        double windows = 0;
        for (int ch = 0; ch < c; ch++) {
            for (int row = 0; row < h; row++) {
                for (int col = 0; col < w; col++) {
                    boolean in1 = row >= vh && row < vh + s && col >= vw && col < vw + s;
                    boolean in2 = row >= vh2 && row < vh2 + s && col >= vw2 && col < vw2 + s;
                    if (in1 || in2) {
                        double d = delta[(ch * h + row) * w + col];
                        windows += d * d;
                    }
                }
            }
        }
        double length = Math.sqrt(Math.max(eps * eps - imageNorm, 0) / c + windows);
        double[] pattern = pattern(s, im.random);
        double[][] fresh = new double[c][s * s];
        for (int ch = 0; ch < c; ch++) {
            double sign = sign(im.random);
            double old = 0;
            for (int a = 0; a < s; a++) {
                for (int b = 0; b < s; b++) {
                    double d = delta[(ch * h + vh + a) * w + vw + b];
                    old += d * d;
                }
            }
            old = Math.sqrt(old);
            double total = 0;
            for (int a = 0; a < s; a++) {
                for (int b = 0; b < s; b++) {
                    double v = pattern[a * s + b] * sign + delta[(ch * h + vh + a) * w + vw + b] / (1e-12 + old);
                    fresh[ch][a * s + b] = v;
                    total += v * v;
                }
            }
            total = Math.sqrt(total);
            for (int j = 0; j < s * s; j++) {
                fresh[ch][j] = fresh[ch][j] / (1e-12 + total) * length;
            }
        }
        for (int ch = 0; ch < c; ch++) {
            for (int a = 0; a < s; a++) {
                for (int b = 0; b < s; b++) {
                    delta[(ch * h + vh2 + a) * w + vw2 + b] = 0;
                }
            }
        }
        for (int ch = 0; ch < c; ch++) {
            for (int a = 0; a < s; a++) {
                for (int b = 0; b < s; b++) {
                    delta[(ch * h + vh + a) * w + vw + b] = fresh[ch][a * s + b];
                }
            }
        }
        return scaled(im.x, delta, eps);
    }

    /** clip(x + ε·δ/‖δ‖, 0, 1). */
    private static float[] scaled(float[] x, double[] delta, double eps) {
        double norm = 0;
        for (double d : delta) {
            norm += d * d;
        }
        double factor = eps / (Math.sqrt(norm) + 1e-12);
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = clip01(x[i] + delta[i] * factor);
        }
        return out;
    }

    /**
     * The paper's L2 window pattern [s × s], unit length: nested squares of weight 1/(k+1)² around the
     * centre of the top half, minus the same in the bottom half, transposed with probability ½.
     */
    static double[] pattern(int s, SplittableRandom random) {
        double[] out = new double[s * s];
        int top = s / 2;
        double[] upper = rectangles(top, s);
        double[] lower = rectangles(s - top, s);
        for (int a = 0; a < top; a++) {
            System.arraycopy(upper, a * s, out, a * s, s);
        }
        for (int a = 0; a < s - top; a++) {
            for (int b = 0; b < s; b++) {
                out[(top + a) * s + b] = -lower[a * s + b];
            }
        }
        unit(out);
        if (random.nextDouble() > 0.5) {
            double[] t = new double[s * s];
            for (int a = 0; a < s; a++) {
                for (int b = 0; b < s; b++) {
                    t[b * s + a] = out[a * s + b];
                }
            }
            out = t;
        }
        return out;
    }

    private static double[] rectangles(int x, int y) {
        double[] delta = new double[x * y];
        int cx = x / 2 + 1;
        int cy = y / 2 + 1;
        int r0 = cx - 1;
        int c0 = cy - 1;
        for (int k = 0; k < Math.max(cx, cy); k++) {
            for (int a = Math.max(r0, 0); a < Math.min(r0 + 2 * k + 1, x); a++) {
                for (int b = Math.max(c0, 0); b < Math.min(c0 + 2 * k + 1, y); b++) {
                    delta[a * y + b] += 1.0 / ((k + 1) * (k + 1));
                }
            }
            r0--;
            c0--;
        }
        unit(delta);
        return delta;
    }

    private static void unit(double[] v) {
        double n = 0;
        for (double d : v) {
            n += d * d;
        }
        n = Math.sqrt(n);
        if (n > 0) {
            for (int i = 0; i < v.length; i++) {
                v[i] /= n;
            }
        }
    }

    private static double sign(SplittableRandom random) {
        return random.nextBoolean() ? 1 : -1;
    }

    /** A window's top-left corner in [0, range), as the reference draws it (0 when the window fills the side). */
    private static int offset(SplittableRandom random, int range) {
        return range > 0 ? random.nextInt(range) : 0;
    }

    private static float clip01(double v) {
        return (float) Math.min(1, Math.max(0, v));
    }

    private static int[] indicesAll(int m) {
        int[] out = new int[m];
        for (int k = 0; k < m; k++) {
            out[k] = k;
        }
        return out;
    }

    private static Shape batchShape(AttackBatch batch, int rows) {
        Shape s = batch.images().getShape();
        return new Shape(rows, s.get(1), s.get(2), s.get(3));
    }
}
