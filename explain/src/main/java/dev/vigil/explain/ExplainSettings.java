package dev.vigil.explain;

import dev.vigil.core.InputError;
import dev.vigil.core.perturb.Epsilon;
import dev.vigil.explain.method.ChannelAggregation;
import dev.vigil.explain.quality.DeletionInsertion;
import dev.vigil.explain.quality.FgsmVariant;
import dev.vigil.explain.quality.GrayscaleVariant;
import dev.vigil.explain.quality.RandomizationCheck;
import dev.vigil.explain.quality.RotationVariant;
import dev.vigil.explain.quality.Variant;
import dev.vigil.explain.select.ImageSelection;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

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
 * @param drift                  the changes of attribution drift, from {@link #DRIFT}, in that order
 * @param driftAngle             the rotation angle of attribution drift, in degrees
 * @param driftEps               the L∞ FGSM budget of attribution drift
 * @param heatmapChannels        channel aggregation of heatmaps
 * @param faithfulness           how faithfulness is measured
 */
public record ExplainSettings(MethodSettings methods, int perClass, Target target, int deletionSteps,
                              double randomizationThreshold, int randomizationImages, int randomizationSteps,
                              List<String> drift, double driftAngle, Epsilon driftEps, ChannelAggregation heatmapChannels,
                              FaithfulnessSettings faithfulness) {
    public static final int DEFAULT_RANDOMIZATION_IMAGES = 4;
    /** The changes attribution drift can compare against, in the order they run and are drawn. */
    public static final List<String> DRIFT = List.of("rotation", "grayscale", "fgsm");
    public static final double DEFAULT_DRIFT_ANGLE = 15;
    public static final String DEFAULT_DRIFT_EPS = "8/255";

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
        drift = List.copyOf(drift);
        if (!Double.isFinite(driftAngle)) {
            throw new InputError("--explain-angle must be a number of degrees, not " + driftAngle + ".");
        }
    }

    public static ExplainSettings defaults() {
        return new ExplainSettings(MethodSettings.defaults(), ImageSelection.DEFAULT_PER_CLASS, Target.PREDICTED,
                DeletionInsertion.DEFAULT_STEPS, RandomizationCheck.DEFAULT_THRESHOLD, DEFAULT_RANDOMIZATION_IMAGES,
                RandomizationCheck.DEFAULT_MAX_STEPS, DRIFT, DEFAULT_DRIFT_ANGLE, Epsilon.parse(DEFAULT_DRIFT_EPS, "--explain-eps"),
                ChannelAggregation.SUM_ABS, FaithfulnessSettings.defaults());
    }

    /** Parses a comma-separated list as given to --explain-drift: names from {@link #DRIFT}, "all" or "none". */
    public static List<String> parseDrift(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("none")) {
            return List.of();
        }
        if (t.equals("all")) {
            return DRIFT;
        }
        LinkedHashSet<String> chosen = new LinkedHashSet<>();
        for (String part : t.split(",")) {
            if (!DRIFT.contains(part.trim())) {
                throw new InputError("--explain-drift takes " + String.join(", ", DRIFT) + ", all or none, not '" + part.trim() + "'.");
            }
            chosen.add(part.trim());
        }
        return DRIFT.stream().filter(chosen::contains).toList();
    }

    /** The changes of attribution drift; FGSM attacks {@code batchSize} images per pass. */
    public List<Variant> variants(int batchSize) {
        List<Variant> out = new ArrayList<>();
        for (String d : drift) {
            out.add(switch (d) {
                case "rotation" -> new RotationVariant(driftAngle);
                case "grayscale" -> new GrayscaleVariant();
                case "fgsm" -> new FgsmVariant(driftEps, batchSize);
                default -> throw new IllegalStateException("unknown drift " + d);
            });
        }
        return out;
    }
}
