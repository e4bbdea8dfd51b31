package dev.vigil.cli;

import dev.vigil.core.audit.Probe;
import dev.vigil.core.perturb.Epsilon;
import dev.vigil.explain.ExplainProbe;
import dev.vigil.explain.ExplainSettings;
import dev.vigil.explain.FaithfulnessSettings;
import dev.vigil.explain.Target;
import dev.vigil.explain.quality.Imputation;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The explanation probe of 'audit' and 'demo': the methods, which images, and the quality checks. */
final class ExplainOptions implements ProbeOptions {
    @Mixin
    AttributionOptions methods;

    @Option(names = "--explain-per-class", defaultValue = "3", paramLabel = "N",
            description = "Images explained per class, taken in turn from: correct and confident, misclassified, flipped by an"
                    + " attack or drift probe. Default: ${DEFAULT-VALUE}.")
    int perClass;

    @Option(names = "--explain-target", defaultValue = "predicted", paramLabel = "predicted|true",
            description = "The class each map explains. Default: ${DEFAULT-VALUE}.")
    String target;

    @Option(names = "--deletion-steps", defaultValue = "32", paramLabel = "N",
            description = "Steps of the deletion and insertion curves. Default: ${DEFAULT-VALUE}.")
    int deletionSteps;

    @Option(names = "--faithfulness-imputation", defaultValue = "noisy-linear", paramLabel = "black|blur|noisy-linear",
            description = "What removed pixels show in the faithfulness curves (most and least relevant first): black, the"
                    + " blurred image, or ROAD's noisy linear imputation from their neighbours. Default: ${DEFAULT-VALUE}.")
    String faithfulnessImputation;

    @Option(names = "--faithfulness-patch", defaultValue = "1", paramLabel = "PX",
            description = "Removal unit of the faithfulness curves: 1 for single pixels, or the side of square patches."
                    + " Default: ${DEFAULT-VALUE}.")
    int faithfulnessPatch;

    @Option(names = "--faithfulness-steps", defaultValue = "16", paramLabel = "N",
            description = "Steps of each faithfulness curve. Default: ${DEFAULT-VALUE}.")
    int faithfulnessSteps;

    @Option(names = "--faithfulness-margin", defaultValue = "0.1", paramLabel = "G",
            description = "Flag a method when the 95%% interval of its mean faithfulness gain over a random map lies below G."
                    + " Default: ${DEFAULT-VALUE}.")
    double faithfulnessMargin;

    @Option(names = "--randomization-images", defaultValue = "4", paramLabel = "N",
            description = "Images for the model-randomization sanity check (spread over classes); 0 turns it off. Default: ${DEFAULT-VALUE}.")
    int randomizationImages;

    @Option(names = "--randomization-steps", defaultValue = "8", paramLabel = "N",
            description = "The most steps of the randomization cascade; a deeper model's layers are grouped. Default: ${DEFAULT-VALUE}.")
    int randomizationSteps;

    @Option(names = "--explain-drift", defaultValue = "rotation,grayscale,fgsm", paramLabel = "LIST",
            description = "Attribution drift: compare each map with the map of the image rotated, in grayscale, and perturbed"
                    + " by FGSM (comma-separated), all, or none. Default: ${DEFAULT-VALUE}.")
    String drift;

    @Option(names = "--explain-angle", defaultValue = "15", paramLabel = "DEG",
            description = "Rotation of attribution drift, degrees counter-clockwise. Default: ${DEFAULT-VALUE}.")
    double angle;

    @Option(names = "--explain-eps", defaultValue = "8/255", paramLabel = "EPS",
            description = "L∞ FGSM budget of attribution drift, in pixel values (8/255 or 0.03). Default: ${DEFAULT-VALUE}.")
    String eps;

    @Option(names = "--save-attributions", description = "Also write every method's raw attributions of the explained images as"
            + " NumPy arrays: attributions/<method>.npy (float32, [N, C, H, W], pixel space, signed, before channel aggregation)"
            + " and attributions/index.csv (row,sample_id,target,label,prediction).")
    boolean saveAttributions;

    @Option(names = "--randomization-threshold", defaultValue = "0.5", paramLabel = "R",
            description = "Flag a method whose maps keep a mean rank correlation above R once every layer is randomized."
                    + " Default: ${DEFAULT-VALUE}.")
    double randomizationThreshold;

    ExplainSettings settings() {
        return new ExplainSettings(methods.settings(), perClass, Target.parse(target), deletionSteps, randomizationThreshold,
                randomizationImages, randomizationSteps, ExplainSettings.parseDrift(drift), angle, Epsilon.parse(eps, "--explain-eps"),
                methods.channels(), new FaithfulnessSettings(faithfulnessSteps, faithfulnessPatch,
                Imputation.parse(faithfulnessImputation, "--faithfulness-imputation"), faithfulnessMargin));
    }

    @Override
    public List<Probe<?>> probes() {
        ExplainSettings s = settings();
        if (s.methods().ids().isEmpty()) {
            return List.of();
        }
        return List.of(new ExplainProbe(s, saveAttributions));
    }
}
