package dev.vigil.core.perturb;

import ai.djl.ndarray.NDArray;
import dev.vigil.core.InputError;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * The two threat models: every pixel moves by at most epsilon (L∞), or the Euclidean length of the
 * whole change is at most epsilon (L2). Each knows its steepest-ascent direction, its projection and
 * its random start. The NDArray methods work on batches [N, C, H, W]; results live in the manager of
 * the first array argument, so callers control their lifetime.
 */
public enum Norm {
    LINF("linf", "L∞") {
        @Override
        public NDArray direction(NDArray gradient) {
            return gradient.sign();
        }

        @Override
        NDArray clampToBall(NDArray delta, double eps) {
            return delta.clip(-eps, eps);
        }

        @Override
        public void randomStart(RandomGenerator random, float[] out, int offset, int length, double eps) {
            for (int j = 0; j < length; j++) {
                out[offset + j] = (float) ((2 * random.nextDouble() - 1) * eps);
            }
        }

        @Override
        public NDArray sizes(NDArray delta) {
            return flat(delta).abs().max(new int[] {1});
        }
    },
    L2("l2", "L2") {
        @Override
        public NDArray direction(NDArray gradient) {
            // Scaling by the largest entry first keeps the squares of tiny gradients from underflowing.
            NDArray scaled = gradient.div(perImage(flat(gradient).abs().max(new int[] {1}), gradient).maximum(Float.MIN_NORMAL));
            return scaled.div(scaled.square().sum(imageAxes(scaled), true).sqrt().maximum(Float.MIN_NORMAL));
        }

        @Override
        NDArray clampToBall(NDArray delta, double eps) {
            NDArray length = delta.square().sum(imageAxes(delta), true).sqrt();
            return delta.mul(length.maximum(Float.MIN_NORMAL).pow(-1f).mul(eps).minimum(1f));
        }

        /** A direction uniform on the sphere, scaled by a radius uniform in [0, eps]. */
        @Override
        public void randomStart(RandomGenerator random, float[] out, int offset, int length, double eps) {
            double sum = 0;
            double[] z = new double[length];
            for (int j = 0; j < length; j++) {
                z[j] = random.nextGaussian();
                sum += z[j] * z[j];
            }
            double scale = eps * random.nextDouble() / Math.sqrt(sum);
            for (int j = 0; j < length; j++) {
                out[offset + j] = (float) (z[j] * scale);
            }
        }

        @Override
        public NDArray sizes(NDArray delta) {
            return delta.square().sum(imageAxes(delta)).sqrt();
        }
    };

    private final String id;
    private final String symbol;

    Norm(String id, String symbol) {
        this.id = id;
        this.symbol = symbol;
    }

    /** "linf" or "l2", as in metric names and results.json. */
    @com.fasterxml.jackson.annotation.JsonValue
    public String id() {
        return id;
    }

    /** "L∞" or "L2", for people. */
    public String symbol() {
        return symbol;
    }

    public static Norm parse(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "linf", "l-inf", "inf", "l∞" -> LINF;
            case "l2", "2" -> L2;
            default -> throw new InputError("--norms takes linf and l2, not '" + text + "'.");
        };
    }

    /** The unit steepest-ascent direction of a batch of gradients: sign for L∞, gradient over its length for L2. */
    public abstract NDArray direction(NDArray gradient);

    abstract NDArray clampToBall(NDArray delta, double eps);

    /**
     * The closest valid image to {@code candidate} within {@code eps} of {@code original}: the change is
     * clamped to the ball, then the image to [0, 1]. The second clamp never leaves the ball, because
     * clipping towards a value in [0, 1] only shortens each coordinate of the change.
     */
    public NDArray project(NDArray candidate, NDArray original, double eps) {
        return clampToBall(candidate.sub(original), eps).add(original).clip(0, 1);
    }

    /** Fills {@code out[offset .. offset+length)} with one random start offset inside the eps-ball. */
    public abstract void randomStart(RandomGenerator random, float[] out, int offset, int length, double eps);

    /** The size of each image's change in this norm, as an array [N]. */
    public abstract NDArray sizes(NDArray delta);

    /** The batch as rows [N, pixels]. */
    static NDArray flat(NDArray batch) {
        return batch.reshape(batch.getShape().get(0), -1);
    }

    /** Per-image values [N] shaped [N, 1, 1, 1] to broadcast against {@code batch}. */
    static NDArray perImage(NDArray values, NDArray batch) {
        long[] shape = new long[batch.getShape().dimension()];
        java.util.Arrays.fill(shape, 1);
        shape[0] = batch.getShape().get(0);
        return values.reshape(shape);
    }

    static int[] imageAxes(NDArray batch) {
        int[] axes = new int[batch.getShape().dimension() - 1];
        for (int i = 0; i < axes.length; i++) {
            axes[i] = i + 1;
        }
        return axes;
    }
}
