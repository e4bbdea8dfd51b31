package dev.vigil.cli;

import dev.vigil.core.InputError;
import dev.vigil.core.model.DeviceChoice;
import dev.vigil.core.model.Normalization;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** How to load and feed the model. */
final class ModelOptions {
    @Option(names = "--model", required = true, paramLabel = "FILE",
            description = "The classifier: TorchScript (.pt, .pth or .torchscript, saved with torch.jit.save) or ONNX (.onnx,"
                    + " run by ONNX Runtime on the CPU, logits only: what needs gradients is skipped unless --gradient-model is given).")
    Path model;

    @Option(names = "--labels", paramLabel = "FILE",
            description = "The model's class names, one per line, in its output order; folder names and CSV class names are"
                    + " looked up in it by name, so the data may hold any subset of the classes. Default: the dataset's class names"
                    + " (sorted folder names).")
    Path labels;

    @Option(names = "--mean", split = ",", paramLabel = "R,G,B",
            description = "Per-channel mean the model expects its input normalized with, applied inside Vigil's forward pass (pixels stay in [0,1]).")
    float[] mean;

    @Option(names = "--std", split = ",", paramLabel = "R,G,B", description = "Per-channel standard deviation for normalization (with --mean).")
    float[] std;

    @Option(names = "--image-size", paramLabel = "HxW",
            description = "Model input size; images of another size are resized (bilinear). Default: the most common size among"
                    + " the first 64 readable images.")
    String imageSize;

    @Option(names = "--channels", defaultValue = "3", paramLabel = "1|3",
            description = "Model input channels; gray and colour images are converted as needed. Default: ${DEFAULT-VALUE}.")
    int channels;

    @Option(names = "--device", defaultValue = "auto", paramLabel = "auto|cpu|gpu",
            description = "Where the model runs: auto picks a CUDA GPU when PyTorch sees one (ONNX models always run on the CPU)."
                    + " Default: ${DEFAULT-VALUE}.")
    String device;

    @Option(names = "--threads", defaultValue = "0", paramLabel = "N",
            description = "CPU threads for PyTorch and ONNX Runtime; 0 means one per core. Default: ${DEFAULT-VALUE}.")
    int threads;

    /** Refuses numbers picocli parses but no model can use; --mean and --std are checked by {@link Normalization}. */
    void check() {
        OptionChecks.atLeast("--threads", threads, 0, " (0 uses one per core)");
        if (channels != 1 && channels != 3) {
            throw new InputError("--channels must be 1 (gray) or 3 (colour), not " + channels + ".");
        }
        normalization();
    }

    Normalization normalization() {
        return Normalization.of(mean, std);
    }

    DeviceChoice deviceChoice() {
        return DeviceChoice.parse(device);
    }
}
