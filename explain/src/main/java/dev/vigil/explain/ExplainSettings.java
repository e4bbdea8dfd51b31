package dev.vigil.explain;

import dev.vigil.core.InputError;
import dev.vigil.explain.method.ChannelAggregation;
import dev.vigil.explain.quality.DeletionInsertion;
import dev.vigil.explain.quality.RandomizationCheck;
import dev.vigil.explain.select.ImageSelection;

/**
 * Everything the explanation probe of an audit is told: the methods, which images, and the quality
 * checks. {@link #defaults()} is what {@code vigil audit} runs without options.
 *
 * @param methods                the attribution methods and their knobs
 * @param perClass               images explained per class
 * @param target                 the class each map explains
 * @param deletionSteps          steps of the deletion and insertion curves
 * @param randomizationThreshold mean rank correlation above which the randomization check flags a method
 * @param randomizationImages    images (spread over classes) the randomization check uses; 0 turns it off
 * @param randomizationSteps     the most cascade steps of the randomization check (deep models' layers are grouped)
 * @param heatmapChannels        channel aggregation of heatmaps
 */
public record ExplainSettings(MethodSettings methods, int perClass, Target target, int deletionSteps,
                              double randomizationThreshold, int randomizationImages, int randomizationSteps,
                              ChannelAggregation heatmapChannels) {
    public static final int DEFAULT_RANDOMIZATION_IMAGES = 4;

    public ExplainSettings {
        if (perClass < 1) {
            throw new InputError("--explain-per-class must be at least 1, not " + perClass + ".");
        }
        if (deletionSteps < 1) {
            throw new InputError("--deletion-steps must be at least 1, not " + deletionSteps + ".");
        }
        if (!(randomizationThreshold >= -1 && randomizationThreshold <= 1)) {
            throw new InputError("--randomization-threshold must be a correlation between -1 and 1, not " + randomizationThreshold + ".");
        }
        if (randomizationImages < 0) {
            throw new InputError("--randomization-images must be 0 (off) or more, not " + randomizationImages + ".");
        }
        if (randomizationSteps < 1) {
            throw new InputError("--randomization-steps must be at least 1, not " + randomizationSteps + ".");
        }
    }

    public static ExplainSettings defaults() {
        return new ExplainSettings(MethodSettings.defaults(), ImageSelection.DEFAULT_PER_CLASS, Target.PREDICTED,
                DeletionInsertion.DEFAULT_STEPS, RandomizationCheck.DEFAULT_THRESHOLD, DEFAULT_RANDOMIZATION_IMAGES,
                RandomizationCheck.DEFAULT_MAX_STEPS, ChannelAggregation.SUM_ABS);
    }
}
