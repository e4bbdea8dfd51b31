package dev.vigil.explain.method;

import dev.vigil.core.model.Classifier;
import java.util.ArrayList;
import java.util.List;

/**
 * Occlusion (Zeiler and Fergus 2014): a square patch, filled with the baseline in every channel, slides
 * over the image; the drop of the target logit, f_c(x) − f_c(x with the patch), is credited to the
 * patch's pixels. Where patches overlap a pixel gets the mean drop of the patches that cover it; the
 * value is the same in every channel. Needs only forward passes, so it works on any model; the occluded
 * copies go through the model {@code batchSize} at a time.
 *
 * <p>Patch positions step by {@code stride} from the top-left corner; a last position flush with the
 * bottom or right edge is added when the stride does not reach it, so every pixel is covered.
 *
 * @param patch     patch side in pixels; 0 means an eighth of the smaller image side, at least 1 (the default)
 * @param stride    step between patch positions; 0 means half the patch, at least 1 (the default)
 * @param fill      what the patch shows (default black)
 * @param batchSize occluded copies per forward pass (default 128)
 * @param seed      seed of a uniform-noise fill
 */
public record Occlusion(int patch, int stride, Baseline fill, int batchSize, long seed) implements AttributionMethod {
    public static final String ID = "occlusion";

    public Occlusion {
        if (patch < 0 || stride < 0) {
            throw new IllegalArgumentException("patch and stride must be 0 (automatic) or positive");
        }
        Checks.positive(batchSize, "batch size");
    }

    public static Occlusion defaults() {
        return new Occlusion(0, 0, Baseline.BLACK, 128, 0);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Occlusion";
    }

    @Override
    public boolean usesGradient() {
        return false;
    }

    /** The patch side used on images of this size. */
    public int patchFor(int height, int width) {
        int side = patch > 0 ? patch : Math.max(1, Math.round(Math.min(height, width) / 8f));
        return Math.min(side, Math.min(height, width));
    }

    /** The stride used on images of this size. */
    public int strideFor(int height, int width) {
        return stride > 0 ? stride : Math.max(1, patchFor(height, width) / 2);
    }

    /** Top-left corners of the patch along one side of {@code length} pixels. */
    static int[] positions(int length, int side, int step) {
        List<Integer> out = new ArrayList<>();
        int p = 0;
        for (; p + side <= length; p += step) {
            out.add(p);
        }
        if (out.get(out.size() - 1) + side < length) {
            out.add(length - side);
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    @Override
    public Attributions attribute(Classifier model, Images images, int[] targets) {
        int c = images.spec().channels();
        int h = images.spec().height();
        int w = images.spec().width();
        int d = images.size();
        int side = patchFor(h, w);
        int step = strideFor(h, w);
        int[] ys = positions(h, side, step);
        int[] xs = positions(w, side, step);
        int windows = ys.length * xs.length;
        int perImage = windows + 1;
        float[] x = images.pixels();
        float[] base = fill.of(images, seed);
        double[] score = new double[images.count() * perImage];
        BatchedPasses.logits(model, images.count() * perImage, batchSize,
                (p, dest, offset) -> {
                    int i = p / perImage;
                    int window = p % perImage - 1;
                    System.arraycopy(x, i * d, dest, offset, d);
                    if (window >= 0) {
                        int y0 = ys[window / xs.length];
                        int x0 = xs[window % xs.length];
                        for (int ch = 0; ch < c; ch++) {
                            for (int y = y0; y < y0 + side; y++) {
                                int row = ch * h * w + y * w;
                                System.arraycopy(base, i * d + row + x0, dest, offset + row + x0, side);
                            }
                        }
                    }
                },
                (p, logits, offset) -> score[p] = logits[offset + targets[p / perImage]]);
        float[] out = new float[x.length];
        int plane = h * w;
        for (int i = 0; i < images.count(); i++) {
            double[] total = new double[plane];
            int[] covered = new int[plane];
            double clean = score[i * perImage];
            for (int window = 0; window < windows; window++) {
                double drop = clean - score[i * perImage + 1 + window];
                int y0 = ys[window / xs.length];
                int x0 = xs[window % xs.length];
                for (int y = y0; y < y0 + side; y++) {
                    for (int xx = x0; xx < x0 + side; xx++) {
                        total[y * w + xx] += drop;
                        covered[y * w + xx]++;
                    }
                }
            }
            for (int ch = 0; ch < c; ch++) {
                for (int j = 0; j < plane; j++) {
                    out[i * d + ch * plane + j] = (float) (total[j] / covered[j]);
                }
            }
        }
        return new Attributions(images.spec(), images.count(), out);
    }
}
