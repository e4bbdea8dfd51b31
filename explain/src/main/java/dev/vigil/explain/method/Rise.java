package dev.vigil.explain.method;

import dev.vigil.core.model.Classifier;
import java.util.SplittableRandom;

/**
 * RISE, Randomized Input Sampling for Explanation (Petsiuk, Das and Saenko, BMVC 2018): the model sees
 * the image through {@code masks} random smooth masks M_i, and each pixel is credited with the score of
 * the masked images weighted by how much of it each mask let through,
 * S(λ) = 1/(N·p) · Σ_i f_c(x ⊙ M_i + b ⊙ (1 − M_i)) · M_i(λ). The score f_c is the target logit, as for
 * Vigil's other methods; a constant shift of f_c moves every pixel of the map alike, so the ranking of
 * pixels (all that deletion, insertion and rank correlations use) is that of the paper's probabilities'.
 *
 * <p>Masks follow the paper: a {@code cells}×{@code cells} grid whose cells are 1 with probability
 * {@code keep}, upsampled bilinearly to (cells + 1)·⌈H/cells⌉ × (cells + 1)·⌈W/cells⌉ and cropped to H×W at
 * a random shift of less than one cell. The same masks (from {@code seed}) explain every image, so a map
 * depends on its image alone. Needs only forward passes: {@code masks} per image, {@code batchSize} at a time.
 *
 * @param masks     masks per image (default 1000; the paper used 4000 on 224×224 ImageNet images)
 * @param cells     grid cells per side before upsampling (default 7, as in the paper)
 * @param keep      probability that a grid cell is kept (default 0.5, as in the paper)
 * @param fill      what masked-out pixels show (default black, the paper's choice)
 * @param batchSize masked images per forward pass
 * @param seed      seed of the masks and of a uniform-noise fill
 */
public record Rise(int masks, int cells, double keep, Baseline fill, int batchSize, long seed) implements AttributionMethod {
    public static final String ID = "rise";
    public static final int DEFAULT_MASKS = 1000;
    public static final int DEFAULT_CELLS = 7;
    public static final double DEFAULT_KEEP = 0.5;

    public Rise {
        Checks.positive(masks, "RISE masks");
        Checks.positive(cells, "RISE cells");
        if (!(keep > 0 && keep < 1)) {
            throw new IllegalArgumentException("the RISE keep probability must be between 0 and 1, not " + keep);
        }
        Checks.positive(batchSize, "batch size");
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "RISE";
    }

    @Override
    public boolean usesGradient() {
        return false;
    }

    /** Mask {@code index} for H×W images: values in [0, 1], row-major; the same for every channel. */
    public float[] mask(int index, int height, int width) {
        MaskStream stream = new MaskStream(height, width);
        return stream.mask(index).clone();
    }

    private float[] mask(SplittableRandom random, int height, int width) {
        boolean[] grid = new boolean[cells * cells];
        for (int j = 0; j < grid.length; j++) {
            grid[j] = random.nextDouble() < keep;
        }
        int cellH = (height + cells - 1) / cells;
        int cellW = (width + cells - 1) / cells;
        int upH = (cells + 1) * cellH;
        int upW = (cells + 1) * cellW;
        int shiftY = random.nextInt(cellH);
        int shiftX = random.nextInt(cellW);
        float[] out = new float[height * width];
        for (int y = 0; y < height; y++) {
            double gy = source(y + shiftY, upH, cells);
            int y0 = (int) Math.floor(gy);
            double fy = gy - y0;
            for (int x = 0; x < width; x++) {
                double gx = source(x + shiftX, upW, cells);
                int x0 = (int) Math.floor(gx);
                double fx = gx - x0;
                double top = cell(grid, y0, x0) * (1 - fx) + cell(grid, y0, x0 + 1) * fx;
                double bottom = cell(grid, y0 + 1, x0) * (1 - fx) + cell(grid, y0 + 1, x0 + 1) * fx;
                out[y * width + x] = (float) (top * (1 - fy) + bottom * fy);
            }
        }
        return out;
    }

    /**
     * Where upsampled pixel {@code p} of {@code up} samples the grid of {@code cells} values, with pixel
     * centres aligned (half-pixel offsets), clamped to the grid's first and last cell.
     */
    private static double source(int p, int up, int cells) {
        double g = (p + 0.5) * cells / up - 0.5;
        return Math.min(Math.max(g, 0), cells - 1);
    }

    private double cell(boolean[] grid, int y, int x) {
        int cy = Math.min(y, cells - 1);
        int cx = Math.min(x, cells - 1);
        return grid[cy * cells + cx] ? 1 : 0;
    }

    @Override
    public Attributions attribute(Classifier model, Images images, int[] targets) {
        int c = images.spec().channels();
        int h = images.spec().height();
        int w = images.spec().width();
        int plane = h * w;
        int d = images.size();
        int count = images.count();
        float[] x = images.pixels();
        float[] base = fill.of(images, seed);
        double[][] sums = new double[count][plane];
        // Points run mask by mask (point = mask · count + image), so a batch needs the few masks it spans;
        // each mask is drawn from the seed's stream in order, once for the inputs and once for the sums.
        MaskStream forInputs = new MaskStream(h, w);
        MaskStream forSums = new MaskStream(h, w);
        BatchedPasses.logits(model, masks * count, batchSize,
                (p, dest, offset) -> {
                    float[] m = forInputs.mask(p / count);
                    int i = p % count;
                    for (int ch = 0; ch < c; ch++) {
                        int at = i * d + ch * plane;
                        for (int j = 0; j < plane; j++) {
                            dest[offset + ch * plane + j] = x[at + j] * m[j] + base[at + j] * (1 - m[j]);
                        }
                    }
                },
                (p, logits, offset) -> {
                    float[] m = forSums.mask(p / count);
                    int i = p % count;
                    double score = logits[offset + targets[i]];
                    double[] sum = sums[i];
                    for (int j = 0; j < plane; j++) {
                        sum[j] += score * m[j];
                    }
                });
        float[] out = new float[x.length];
        double norm = masks * keep;
        for (int i = 0; i < count; i++) {
            for (int ch = 0; ch < c; ch++) {
                for (int j = 0; j < plane; j++) {
                    out[i * d + ch * plane + j] = (float) (sums[i][j] / norm);
                }
            }
        }
        return new Attributions(images.spec(), count, out);
    }

    /** The masks in index order from one stream of the seed, each kept while consecutive points ask for it. */
    private final class MaskStream {
        private final SplittableRandom root = new SplittableRandom(seed);
        private final int height;
        private final int width;
        private int index = -1;
        private float[] current;

        MaskStream(int height, int width) {
            this.height = height;
            this.width = width;
        }

        float[] mask(int wanted) {
            while (index < wanted) {
                current = Rise.this.mask(root.split(), height, width);
                index++;
            }
            return current;
        }
    }
}
