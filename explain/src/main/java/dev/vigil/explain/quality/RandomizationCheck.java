package dev.vigil.explain.quality;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import dev.vigil.core.model.Classifier;
import dev.vigil.explain.method.AttributionMethod;
import dev.vigil.explain.method.Attributions;
import dev.vigil.explain.method.ChannelAggregation;
import dev.vigil.explain.method.Images;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The model-randomization sanity check (Adebayo et al. 2018) in both of its variants. Cascading: the
 * model's layers are randomized one more at a time from the output end. Independent: one layer group at
 * a time is randomized, the others keep their trained weights. After each step the maps are recomputed and
 * compared with the trained model's maps by Spearman rank correlation and by SSIM ({@link Ssim}) of the
 * per-pixel Σ_c|a_c|. A method whose maps stay similar when nothing the model learned is left does not
 * explain the model; it is flagged only when both statistics say so after the full cascade.
 *
 * <p>Each run works on a fresh copy of the TorchScript model loaded from its file
 * ({@link Classifier#freshCopy()}), so the audited model is never changed. Layers are the
 * module's parameter tensors grouped by owning module (the name up to its last dot), in reverse
 * definition order; a deep model's layers are dealt into at most {@code maxSteps} consecutive groups
 * of nearly equal size, one group per step, so the check costs at most {@code maxSteps} recomputations.
 * A layer is randomized by a seeded permutation of each of its tensors' own values (the same permutation
 * in both variants):
 * the layer keeps the scale and sign of its weights (activations stay in range) but loses what
 * training arranged. Buffers (BatchNorm running statistics) are left as they are.
 *
 * @param threshold a mean correlation above this after the full cascade flags the method (default 0.5)
 * @param maxSteps  the most cascade steps (default 8)
 * @param seed      seed of the permutations
 */
public record RandomizationCheck(double threshold, int maxSteps, long seed) {
    public static final double DEFAULT_THRESHOLD = 0.5;
    public static final int DEFAULT_MAX_STEPS = 8;

    /**
     * The similarities of one method's maps with the trained model's, [step][image]: {@code correlation}
     * (Spearman) and {@code ssim} of the cascade, step k having randomized the layer groups 0..k;
     * {@code independent} and {@code independentSsim} with group k alone randomized. {@code layers} names
     * each step's group ("fc", or "layer3.b2 … layer3.c1" for several).
     */
    public record Result(String method, List<String> layers, double[][] correlation, double[][] ssim, double[][] independent,
                         double[][] independentSsim) {
        public double mean(int step) {
            return RankCorrelation.meanDefined(correlation[step]);
        }

        public double meanSsim(int step) {
            return RankCorrelation.meanDefined(ssim[step]);
        }

        public double meanIndependent(int step) {
            return RankCorrelation.meanDefined(independent[step]);
        }

        public double meanIndependentSsim(int step) {
            return RankCorrelation.meanDefined(independentSsim[step]);
        }

        /** The mean Spearman correlation once every layer is random. */
        public double fullyRandomized() {
            return layers.isEmpty() ? Double.NaN : mean(layers.size() - 1);
        }

        /** The mean SSIM once every layer is random. */
        public double fullyRandomizedSsim() {
            return layers.isEmpty() ? Double.NaN : meanSsim(layers.size() - 1);
        }

        /** The largest mean Spearman correlation over the independent steps: the layer the map depends on least. */
        public double mostSimilarIndependent() {
            double max = Double.NaN;
            for (int k = 0; k < layers.size(); k++) {
                double m = meanIndependent(k);
                max = Double.isNaN(max) || m > max ? m : max;
            }
            return max;
        }

        /** Both Spearman and SSIM above the threshold after the full cascade. */
        public boolean insensitive(double threshold) {
            return fullyRandomized() > threshold && fullyRandomizedSsim() > threshold;
        }
    }

    public RandomizationCheck {
        if (!(threshold >= -1 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold must be a correlation in [-1, 1], not " + threshold);
        }
        if (maxSteps < 1) {
            throw new IllegalArgumentException("at least one step, not " + maxSteps);
        }
    }

    public Result run(Classifier audited, AttributionMethod method, Images images, int[] targets,
                      Attributions original) {
        try (Classifier copy = audited.freshCopy()) {
            Map<String, List<Parameter>> layers = steps(layersFromOutputEnd(copy), maxSteps);
            int n = layers.size();
            double[][] independent = new double[n][];
            double[][] independentSsim = new double[n][];
            SplittableRandom random = new SplittableRandom(seed);
            int step = 0;
            for (List<Parameter> layer : layers.values()) {
                SplittableRandom again = random.split();
                List<float[]> trained = new ArrayList<>();
                for (Parameter p : layer) {
                    trained.add(p.getArray().toFloatArray());
                    permute(p.getArray(), again.split());
                }
                Attributions randomized = method.attribute(copy, images, targets);
                independent[step] = correlations(original, randomized);
                independentSsim[step++] = ssims(original, randomized);
                for (int t = 0; t < layer.size(); t++) {
                    restore(layer.get(t).getArray(), trained.get(t));
                }
            }
            double[][] correlation = new double[n][];
            double[][] ssim = new double[n][];
            random = new SplittableRandom(seed);
            step = 0;
            for (List<Parameter> layer : layers.values()) {
                SplittableRandom again = random.split();
                for (Parameter p : layer) {
                    permute(p.getArray(), again.split());
                }
                Attributions randomized = method.attribute(copy, images, targets);
                correlation[step] = correlations(original, randomized);
                ssim[step++] = ssims(original, randomized);
            }
            return new Result(method.id(), List.copyOf(layers.keySet()), correlation, ssim, independent, independentSsim);
        }
    }

    /** Parameters grouped by owning module, the module defined last first. */
    static Map<String, List<Parameter>> layersFromOutputEnd(Classifier model) {
        Map<String, List<Parameter>> inOrder = new LinkedHashMap<>();
        for (Pair<String, Parameter> p : model.parameters()) {
            String name = p.getKey();
            int dot = name.lastIndexOf('.');
            inOrder.computeIfAbsent(dot < 0 ? name : name.substring(0, dot), k -> new ArrayList<>()).add(p.getValue());
        }
        List<String> names = new ArrayList<>(inOrder.keySet());
        Map<String, List<Parameter>> reversed = new LinkedHashMap<>();
        for (int i = names.size() - 1; i >= 0; i--) {
            reversed.put(names.get(i), inOrder.get(names.get(i)));
        }
        return reversed;
    }

    /** Consecutive layers dealt into at most {@code max} groups whose sizes differ by at most one. */
    static Map<String, List<Parameter>> steps(Map<String, List<Parameter>> layers, int max) {
        if (layers.size() <= max) {
            return layers;
        }
        List<String> names = new ArrayList<>(layers.keySet());
        Map<String, List<Parameter>> out = new LinkedHashMap<>();
        int start = 0;
        for (int g = 0; g < max; g++) {
            int end = (int) ((long) layers.size() * (g + 1) / max);
            List<Parameter> group = new ArrayList<>();
            for (int i = start; i < end; i++) {
                group.addAll(layers.get(names.get(i)));
            }
            out.put(end - start == 1 ? names.get(start) : names.get(start) + " … " + names.get(end - 1), group);
            start = end;
        }
        return out;
    }

    private static final NDIndex ALL = new NDIndex("...");

    /** Overwrites the tensor in place with a random permutation of its own values. */
    static void permute(NDArray tensor, SplittableRandom random) {
        float[] v = tensor.toFloatArray();
        for (int j = v.length - 1; j > 0; j--) {
            int k = random.nextInt(j + 1);
            float t = v[j];
            v[j] = v[k];
            v[k] = t;
        }
        restore(tensor, v);
    }

    /** Overwrites the tensor in place with the given values. */
    static void restore(NDArray tensor, float[] v) {
        // An indexed copy rather than set(Buffer): libtorch 2.7 prints a deprecation warning on that JNI path.
        try (NDManager scope = tensor.getManager().newSubManager()) {
            tensor.set(ALL, scope.create(v, tensor.getShape()));
        }
    }

    static double[] ssims(Attributions a, Attributions b) {
        int h = a.spec().height();
        int w = a.spec().width();
        double[] out = new double[a.count()];
        for (int i = 0; i < out.length; i++) {
            out[i] = Ssim.of(ChannelAggregation.SUM_ABS.pixels(a, i), ChannelAggregation.SUM_ABS.pixels(b, i), h, w);
        }
        return out;
    }

    static double[] correlations(Attributions a, Attributions b) {
        double[] out = new double[a.count()];
        for (int i = 0; i < out.length; i++) {
            out[i] = RankCorrelation.spearman(ChannelAggregation.SUM_ABS.pixels(a, i), ChannelAggregation.SUM_ABS.pixels(b, i));
        }
        return out;
    }
}
