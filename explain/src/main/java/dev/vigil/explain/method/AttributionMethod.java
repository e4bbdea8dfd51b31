package dev.vigil.explain.method;

import dev.vigil.core.model.Classifier;

/**
 * One attribution method: explains, for each image, the model's score for a target class as one value
 * per input pixel value. Implementations are immutable; their knobs are constructor parameters with
 * documented defaults.
 */
public interface AttributionMethod {
    /** Short identifier used in metric names and options, e.g. "saliency", "ig". */
    String id();

    /** A readable name for the report, e.g. "Integrated Gradients". */
    String title();

    /**
     * Whether the maps come from the model's gradient. The model-randomization check runs only on such
     * methods: a method built from the model's outputs alone (occlusion) follows any change of the model by
     * construction, so the check would cost passes and tell nothing.
     */
    default boolean usesGradient() {
        return true;
    }

    /** What the method needs from the model: gradient methods need the input gradient. */
    default java.util.Set<dev.vigil.core.model.Capability> needs() {
        return usesGradient()
                ? java.util.EnumSet.of(dev.vigil.core.model.Capability.LOGITS, dev.vigil.core.model.Capability.INPUT_GRADIENT)
                : java.util.EnumSet.of(dev.vigil.core.model.Capability.LOGITS);
    }

    /** One map per image for {@code targets[i]}, the class whose logit image i's map explains. */
    Attributions attribute(Classifier model, Images images, int[] targets);
}
