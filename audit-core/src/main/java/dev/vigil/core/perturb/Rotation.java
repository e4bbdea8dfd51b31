package dev.vigil.core.perturb;

/**
 * Rotation of an image about its centre by an angle in degrees, counter-clockwise as displayed,
 * into an image of the same size, with bilinear interpolation; {@link Fill} says what is read
 * outside the source.
 *
 * <p>Pixel (x, y) has its centre at (x + 0.5, y + 0.5) and the image centre is (w/2, h/2), the
 * convention of PyTorch's {@code affine_grid}/{@code grid_sample} with {@code align_corners=False}.
 * Output pixel (x, y) samples the source at
 * {@code xs = cx + dx·cos θ − dy·sin θ, ys = cy + dx·sin θ + dy·cos θ} with {@code dx = x − cx},
 * {@code dy = y − cy}, {@code cx = (w − 1)/2}, {@code cy = (h − 1)/2} (y points down), which turns
 * the content counter-clockwise on screen. Multiples of 90° use exact cosines and sines, so on a
 * square image they are exact pixel permutations.
 *
 * <p>An instance holds the sampling map of one angle and size and applies it to any number of
 * images and channels; the map costs one pass over the pixels to build. Rotating back by the
 * negative angle ({@link #inverse()}) undoes a rotation except where the first one filled corners.
 */
public final class Rotation {
    private final int height;
    private final int width;
    private final double degrees;
    private final Fill fill;
    /** For each output pixel, four source indices within a plane; each weight is 0 where the fill reads zero. */
    private final int[] index;
    private final float[] weight;

    private Rotation(int height, int width, double degrees, Fill fill) {
        if (height <= 0 || width <= 0) {
            throw new IllegalArgumentException("image size must be positive: " + height + "x" + width);
        }
        this.height = height;
        this.width = width;
        this.degrees = degrees;
        this.fill = fill;
        int plane = height * width;
        index = new int[4 * plane];
        weight = new float[4 * plane];
        double cos = cos(degrees);
        double sin = sin(degrees);
        double cx = (width - 1) / 2.0;
        double cy = (height - 1) / 2.0;
        for (int y = 0; y < height; y++) {
            double dy = y - cy;
            for (int x = 0; x < width; x++) {
                double dx = x - cx;
                double xs = cx + dx * cos - dy * sin;
                double ys = cy + dx * sin + dy * cos;
                int x0 = (int) Math.floor(xs);
                int y0 = (int) Math.floor(ys);
                double fx = xs - x0;
                double fy = ys - y0;
                int o = 4 * (y * width + x);
                put(o, x0, y0, (1 - fx) * (1 - fy));
                put(o + 1, x0 + 1, y0, fx * (1 - fy));
                put(o + 2, x0, y0 + 1, (1 - fx) * fy);
                put(o + 3, x0 + 1, y0 + 1, fx * fy);
            }
        }
    }

    private void put(int slot, int x, int y, double w) {
        int sx = fill.resolve(x, width);
        int sy = fill.resolve(y, height);
        if (sx < 0 || sy < 0) {
            index[slot] = 0;
            weight[slot] = 0f;
        } else {
            index[slot] = sy * width + sx;
            weight[slot] = (float) w;
        }
    }

    /** The rotation by {@code degrees} (counter-clockwise) of {@code height x width} images. */
    public static Rotation of(int height, int width, double degrees, Fill fill) {
        return new Rotation(height, width, degrees, fill);
    }

    /** One CHW image rotated by {@code degrees} counter-clockwise; the input is left unchanged. */
    public static float[] rotate(float[] chw, int channels, int height, int width, double degrees, Fill fill) {
        return of(height, width, degrees, fill).apply(chw, 1, channels);
    }

    /** The rotation back: by the negative angle, with the same fill. */
    public Rotation inverse() {
        return new Rotation(height, width, -degrees, fill);
    }

    public double degrees() {
        return degrees;
    }

    public Fill fill() {
        return fill;
    }

    /** {@code images} NCHW images of this size rotated into a new array. */
    public float[] apply(float[] nchw, int images, int channels) {
        int plane = height * width;
        if (nchw.length != images * channels * plane) {
            throw new IllegalArgumentException("expected " + images + "x" + channels + "x" + height + "x" + width
                    + " values, got " + nchw.length);
        }
        float[] out = new float[nchw.length];
        for (int p = 0; p < images * channels; p++) {
            int base = p * plane;
            for (int o = 0; o < plane; o++) {
                int k = 4 * o;
                float v = weight[k] * nchw[base + index[k]]
                        + weight[k + 1] * nchw[base + index[k + 1]]
                        + weight[k + 2] * nchw[base + index[k + 2]]
                        + weight[k + 3] * nchw[base + index[k + 3]];
                // The float weights can sum to a hair above 1; pixels stay in [0, 1].
                out[base + o] = Math.min(1f, Math.max(0f, v));
            }
        }
        return out;
    }

    static double cos(double degrees) {
        return sin(degrees + 90);
    }

    static double sin(double degrees) {
        double r = Math.IEEEremainder(degrees, 360);
        if (r == 0) {
            return 0;
        }
        if (r == 90) {
            return 1;
        }
        if (r == -90) {
            return -1;
        }
        if (r == 180 || r == -180) {
            return 0;
        }
        return Math.sin(Math.toRadians(r));
    }
}
