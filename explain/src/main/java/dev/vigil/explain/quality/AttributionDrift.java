package dev.vigil.explain.quality;

import dev.vigil.core.model.Classifier;
import dev.vigil.explain.method.AttributionMethod;
import dev.vigil.explain.method.Attributions;
import dev.vigil.explain.method.ChannelAggregation;
import dev.vigil.explain.method.Images;

/**
 * Attribution drift: how much an explanation changes when the input changes in a way the label does not,
 * as the Spearman rank correlation between the per-pixel Σ_c|a_c| of an image's map and that of its
 * changed version's map (brought back to the original frame; only pixels that survive the round trip
 * count). The changed image is explained for the same target class as the original.
 */
public final class AttributionDrift {
    private AttributionDrift() {
    }

    /** The changed images, their maps, and the correlation per image (NaN where a map is constant). */
    public record Result(Variant variant, Images images, Attributions maps, double[] correlation) {
        public double mean() {
            return RankCorrelation.meanDefined(correlation);
        }
    }

    /** Explains {@code changed}, the variant's version of the images {@code original} explains, and compares the maps. */
    public static Result run(Classifier model, AttributionMethod method, Variant variant, Images changed, int[] targets,
                             Attributions original) {
        Attributions maps = method.attribute(model, changed, targets);
        int h = changed.spec().height();
        int w = changed.spec().width();
        boolean[] keep = variant.comparable(h, w);
        double[] correlation = new double[changed.count()];
        for (int i = 0; i < correlation.length; i++) {
            double[] before = ChannelAggregation.SUM_ABS.pixels(original, i);
            double[] after = variant.toOriginalFrame(ChannelAggregation.SUM_ABS.pixels(maps, i), h, w);
            correlation[i] = RankCorrelation.spearman(before, after, keep);
        }
        return new Result(variant, changed, maps, correlation);
    }
}
