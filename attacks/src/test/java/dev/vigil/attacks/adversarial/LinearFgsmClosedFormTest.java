package dev.vigil.attacks.adversarial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.vigil.core.data.Dataset;
import dev.vigil.core.model.Classifier;
import dev.vigil.core.perturb.Epsilon;
import dev.vigil.core.perturb.Norm;
import dev.vigil.core.result.SampleRow;
import dev.vigil.core.testing.Fixtures;
import dev.vigil.core.testing.LinearFixture;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On the linear fixture f(x) = W·x + b the cross-entropy gradient is known in closed form,
 * ∇x CE = Σc (softmax(f(x))c − [c = y]) Wc, so FGSM's adversarial image is clip(x + ε·sign(that)), and
 * along that direction every logit moves linearly in ε, which gives the smallest flipping ε exactly.
 */
class LinearFgsmClosedFormTest {
    private static final int D = LinearFixture.SPEC.pixelsPerImage();

    @TempDir
    Path dir;

    static double[] logits(LinearFixture f, float[] x, int offset) {
        double[] z = new double[f.classes()];
        for (int c = 0; c < z.length; c++) {
            z[c] = f.logit(x, offset, c);
        }
        return z;
    }

    static int argmax(double[] z) {
        int best = 0;
        for (int c = 1; c < z.length; c++) {
            if (z[c] > z[best]) {
                best = c;
            }
        }
        return best;
    }

    /** The analytic input gradient of the cross-entropy of class y at x (up to the batch-mean factor, which keeps signs). */
    static double[] crossEntropyGradient(LinearFixture f, float[] x, int offset, int y) {
        double[] z = logits(f, x, offset);
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            max = Math.max(max, v);
        }
        double total = 0;
        double[] p = new double[z.length];
        for (int c = 0; c < z.length; c++) {
            p[c] = Math.exp(z[c] - max);
            total += p[c];
        }
        double[] g = new double[D];
        for (int c = 0; c < z.length; c++) {
            double weight = p[c] / total - (c == y ? 1 : 0);
            for (int j = 0; j < D; j++) {
                g[j] += weight * f.w()[c][j];
            }
        }
        return g;
    }

    @Test
    void everyPixelOfTheAdversarialImageIsTheClosedForm() throws IOException {
        LinearFixture f = LinearFixture.read();
        int n = 12;
        float[] x = new float[n * D];
        int[] labels = new int[n];
        List<double[]> gradients = new ArrayList<>();
        Random random = new Random(11);
        // Inputs span all of [0, 1] so that clipping matters; only inputs whose analytic gradient has no
        // entry near zero are used, where float rounding could decide the sign.
        for (int i = 0; i < n; ) {
            float[] candidate = new float[D];
            for (int j = 0; j < D; j++) {
                candidate[j] = random.nextFloat();
            }
            int label = i % 3;
            double[] g = crossEntropyGradient(f, candidate, 0, label);
            double largest = 0;
            double smallest = Double.MAX_VALUE;
            for (double v : g) {
                largest = Math.max(largest, Math.abs(v));
                smallest = Math.min(smallest, Math.abs(v));
            }
            if (smallest > 1e-3 * largest) {
                System.arraycopy(candidate, 0, x, i * D, D);
                labels[i] = label;
                gradients.add(g);
                i++;
            }
        }
        List<Epsilon> sweep = Epsilon.parseList(List.of("1/255", "8/255", "0.1", "0.3"), "--eps");
        boolean[] keep = new boolean[n];
        java.util.Arrays.fill(keep, true);
        try (Classifier model = Fixtures.load("linear.pt", LinearFixture.SPEC, 3);
             NDManager scope = model.newBatchScope()) {
            NDArray pixels = model.pixels(scope, x, n);
            String[] ids = new String[n];
            java.util.Arrays.setAll(ids, k -> "image" + k);
            AttackSample[][] out = new FastGradient(Norm.LINF).run(new AttackBatch(model, pixels, new Criterion(labels, null, keep), ids,
                    keep, k -> null), sweep);
            int clipped = 0;
            for (int e = 0; e < sweep.size(); e++) {
                float eps = (float) sweep.get(e).value();
                for (int i = 0; i < n; i++) {
                    float[] adversarial = out[e][i].pixels();
                    double linf = 0;
                    for (int j = 0; j < D; j++) {
                        float original = x[i * D + j];
                        float expected = Math.min(1f, Math.max(0f, original + eps * (float) Math.signum(gradients.get(i)[j])));
                        assertEquals(expected, adversarial[j], 0f, "image " + i + " pixel " + j + " at ε=" + sweep.get(e));
                        clipped += expected == 0f || expected == 1f ? 1 : 0;
                        linf = Math.max(linf, Math.abs((double) adversarial[j] - original));
                    }
                    assertEquals(argmax(logits(f, adversarial, 0)), out[e][i].prediction(), "prediction of image " + i);
                    assertEquals(linf, out[e][i].linf(), 1e-7);
                }
            }
            assertTrue(clipped > 0, "the inputs reach the edges of [0, 1], so clipping is exercised");
        }
    }

    @Test
    void theSmallestFlippingEpsilonOfTheSweepIsTheClosedForm() throws Exception {
        LinearFixture f = LinearFixture.read();
        // Pixels in [0.25, 0.75] and ε ≤ 0.025: no clipping, so each logit is linear in ε along the FGSM direction.
        Path data = TinyImageSet.write(dir.resolve("data"), 40, 4, 5, 64, 191, 3, x -> argmax(logits(f, x, 0)));
        List<String> grid = new ArrayList<>();
        for (int k = 1; k <= 25; k++) {
            grid.add(String.format(java.util.Locale.ROOT, "%.3f", 0.001 * k));
        }
        List<Epsilon> sweep = Epsilon.parseList(grid, "--eps");
        AdversarialPlan plan = TestPlans.plan(true, false, List.of(Norm.LINF), sweep, AdversarialPlan.DEFAULT_L2,
                PgdSettings.DEFAULT, "none");
        Dataset dataset = Dataset.open(data);
        ProbeRun run;
        try (Classifier model = Fixtures.load("linear.pt", LinearFixture.SPEC, 3)) {
            run = ProbeRun.of(model, dataset, ProbeRun.clean(model, dataset, 16), plan, 16, 0, dir.resolve("out"));
        }
        Map<String, String> reported = new HashMap<>();
        for (SampleRow row : run.rows("fgsm.linf", sweep.get(0).parameter())) {
            reported.put(row.sampleId(), row.extra().get("min_flip_eps"));
        }
        int flipped = 0;
        for (var sample : dataset.samples()) {
            float[] x = decoded(sample.path());
            int y = sample.label();
            double[] z = logits(f, x, 0);
            double[] g = crossEntropyGradient(f, x, 0, y);
            double threshold = Double.POSITIVE_INFINITY;
            for (int c = 0; c < f.classes(); c++) {
                double rate = 0;
                for (int j = 0; j < D; j++) {
                    rate += (f.w()[c][j] - f.w()[y][j]) * Math.signum(g[j]);
                }
                if (c != y && rate > 0) {
                    threshold = Math.min(threshold, (z[y] - z[c]) / rate);
                }
            }
            String expected = SweepSummary.NONE;
            for (Epsilon e : sweep) {
                assertTrue(Math.abs(e.value() - threshold) > 2e-6, "a grid point too close to the threshold of " + sample.id());
                if (e.value() > threshold) {
                    expected = e.text();
                    break;
                }
            }
            flipped += expected.equals(SweepSummary.NONE) ? 0 : 1;
            assertEquals(expected, reported.get(sample.id()), sample.id() + " flips at ε* = " + threshold);
        }
        assertTrue(flipped > 10 && flipped < 40, "the sweep ends before some images flip and after others: " + flipped);
    }

    private static float[] decoded(Path png) throws IOException {
        var image = javax.imageio.ImageIO.read(png.toFile());
        int size = image.getWidth();
        float[] chw = new float[3 * size * size];
        for (int yy = 0; yy < size; yy++) {
            for (int xx = 0; xx < size; xx++) {
                int rgb = image.getRGB(xx, yy);
                chw[yy * size + xx] = ((rgb >> 16) & 0xff) / 255f;
                chw[size * size + yy * size + xx] = ((rgb >> 8) & 0xff) / 255f;
                chw[2 * size * size + yy * size + xx] = (rgb & 0xff) / 255f;
            }
        }
        return chw;
    }
}
