package dev.vigil.explain.quality;

import dev.vigil.core.model.Classifier;
import dev.vigil.explain.method.Attributions;
import dev.vigil.explain.method.ChannelAggregation;
import dev.vigil.explain.method.Images;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Faithfulness of attribution maps against two controls, image by image. Every map, and a random and an
 * edge-detector control ({@link ControlMaps}), is scored by its symmetric relevance gain
 * ({@link PixelFlipping}); a method's gains are paired with each control's on the same images
 * ({@link PairedComparison}). A method is flagged only when the evidence says it is no better than the
 * random control: the whole 95% interval of its mean gain over the random map is below {@code margin}.
 * Few images give a wide interval and no flag either way.
 *
 * <p>Random maps and imputation noise are seeded by the audit seed and the image's id, never by its
 * position, so a selection explained in another order or batch size gets the same numbers.
 *
 * @param flipping the removal curves
 * @param margin   the smallest mean gain over the random control that counts as better (default {@value #DEFAULT_MARGIN})
 * @param seed     the audit seed, mixed with a constant of this check's own
 */
public record FaithfulnessCheck(PixelFlipping flipping, double margin, long seed) {
    public static final double DEFAULT_MARGIN = 0.1;
    private static final long NOISE = 0x0AD5L;
    private static final long RANDOM_MAP = 0x2A4D0L;

    /** The controls' curves on the selection. */
    public record Controls(PixelFlipping.Curves random, PixelFlipping.Curves edges) {
    }

    /** One method's curves, its mean gain with interval, and its paired comparisons with the controls. */
    public record Result(PixelFlipping.Curves curves, PairedComparison.Interval gain, PairedComparison versusRandom,
                         PairedComparison versusEdges) {
        public boolean noBetterThanRandom(double margin) {
            return versusRandom.noBetterThan(margin);
        }
    }

    public Controls controls(Classifier model, Images images, int[] targets, List<String> ids) {
        int plane = images.spec().height() * images.spec().width();
        double[][] random = ControlMaps.random(images.count(), plane, seeds(ids, RANDOM_MAP));
        return new Controls(curves(model, images, targets, random, ids), curves(model, images, targets, ControlMaps.edges(images), ids));
    }

    public Result evaluate(Classifier model, Images images, int[] targets, double[][] relevance, List<String> ids, Controls controls) {
        PixelFlipping.Curves c = curves(model, images, targets, relevance, ids);
        return new Result(c, PairedComparison.Interval.mean(c.gains()), PairedComparison.of(c.gains(), controls.random().gains()),
                PairedComparison.of(c.gains(), controls.edges().gains()));
    }

    /** The per-pixel relevance of a method's maps: the signed Σ_c a_c, the evidence for the target class first. */
    public static double[][] relevance(Attributions a) {
        double[][] out = new double[a.count()][];
        for (int i = 0; i < a.count(); i++) {
            out[i] = ChannelAggregation.SUM.pixels(a, i);
        }
        return out;
    }

    private PixelFlipping.Curves curves(Classifier model, Images images, int[] targets, double[][] relevance, List<String> ids) {
        return flipping.run(model, images, targets, relevance, seeds(ids, NOISE));
    }

    /** One seed per image from the audit seed, the purpose and the image's id. */
    long[] seeds(List<String> ids, long purpose) {
        long[] out = new long[ids.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = new SplittableRandom(seed ^ purpose).split().nextLong() ^ (0x9E3779B97F4A7C15L * ids.get(i).hashCode());
        }
        return out;
    }
}
