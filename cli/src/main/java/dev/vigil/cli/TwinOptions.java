package dev.vigil.cli;

import dev.vigil.core.InputError;
import dev.vigil.core.eval.TwinParityProbe;
import dev.vigil.core.model.ModelLoader;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The gradient twin of an ONNX model (--gradient-model) and the export-parity limits. */
final class TwinOptions {
    @Option(names = "--gradient-model", paramLabel = "FILE",
            description = "With an ONNX --model: the TorchScript file it was exported from. Gradient attacks and attributions are"
                    + " computed on it and evaluated on the ONNX model (transfer), after an export-parity check on the audit's data.")
    Path gradientModel;

    @Option(names = "--twin-min-agreement", defaultValue = "0.99", paramLabel = "F",
            description = "Export parity: the least share of images on which the model and its --gradient-model predict the same"
                    + " class; below it an error-severity finding says the export does not behave like its source. Default: ${DEFAULT-VALUE}.")
    double twinMinAgreement;

    @Option(names = "--twin-max-logit-diff", defaultValue = "0.01", paramLabel = "X",
            description = "Export parity: the largest |logit difference| allowed between the model and its --gradient-model on any"
                    + " image and class. Default: ${DEFAULT-VALUE}.")
    double twinMaxLogitDiff;

    /** The gradient twin and its parity limits, or null without --gradient-model. */
    TwinParityProbe.Settings twin(Path model) {
        if (gradientModel == null) {
            return null;
        }
        if (!java.nio.file.Files.isRegularFile(gradientModel)) {
            throw new InputError("The --gradient-model file " + gradientModel + " does not exist; give the TorchScript file the"
                    + " model was exported from.");
        }
        if (!ModelLoader.formatOf(model).name().equals("ONNX") || !ModelLoader.formatOf(gradientModel).name().equals("TorchScript")) {
            throw new InputError("--gradient-model pairs an ONNX --model with the TorchScript file it was exported from; give"
                    + " --model x.onnx --gradient-model x.pt.");
        }
        if (!(twinMinAgreement >= 0 && twinMinAgreement <= 1)) {
            throw new InputError("--twin-min-agreement must be a share between 0 and 1, not " + twinMinAgreement + ".");
        }
        if (!(twinMaxLogitDiff >= 0) || Double.isInfinite(twinMaxLogitDiff)) {
            throw new InputError("--twin-max-logit-diff must be a number of at least 0, not " + twinMaxLogitDiff + ".");
        }
        return new TwinParityProbe.Settings(gradientModel.toString(), twinMinAgreement, twinMaxLogitDiff);
    }

}
