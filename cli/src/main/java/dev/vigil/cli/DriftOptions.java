package dev.vigil.cli;

import dev.vigil.attacks.drift.DriftConfig;
import dev.vigil.attacks.drift.DriftFamily;
import dev.vigil.attacks.drift.DriftProbe;
import dev.vigil.attacks.drift.corruptions.Corruptions;
import dev.vigil.core.InputError;
import dev.vigil.core.audit.Probe;
import dev.vigil.core.perturb.Fill;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Option;

/** The drift probes' options: which families run, the rotation angles and fill, the corruptions and severities. */
final class DriftOptions implements ProbeOptions {
    @Option(names = "--drift", split = ",", defaultValue = "all", paramLabel = "PROBES",
            description = "Drift probes to run: rotation, grayscale, corruptions (comma-separated), all, or none. Default: ${DEFAULT-VALUE}.")
    List<String> drift;

    @Option(names = "--angles", split = ",", defaultValue = "-30,-15,-5,5,15,30,90,180", paramLabel = "DEG",
            description = "Rotation angles in degrees, counter-clockwise about the image centre. Default: ${DEFAULT-VALUE}.")
    List<Double> angles;

    @Option(names = "--rotation-fill", defaultValue = "zero", paramLabel = "zero|reflect|edge",
            description = "What rotation shows where the turned image leaves the frame: black, the mirrored image, or the nearest edge pixel. Default: ${DEFAULT-VALUE}.")
    String rotationFill;

    @Option(names = "--corruptions", split = ",", defaultValue = "all", paramLabel = "NAMES",
            description = "Corruptions to run, from: gaussian_noise, shot_noise, gaussian_blur, brightness, contrast, saturation,"
                    + " jpeg_compression, pixelate, horizontal_flip, translation; or all. Default: ${DEFAULT-VALUE}.")
    List<String> corruptions;

    @Option(names = "--severities", split = ",", defaultValue = "1,2,3,4,5", paramLabel = "N",
            description = "Corruption severities, 1 (mild) to 5 (strong). Default: ${DEFAULT-VALUE}.")
    List<Integer> severities;

    @Option(names = "--baseline-model", paramLabel = "FILE",
            description = "A second TorchScript classifier with the same input and normalization; the mean corruption error"
                    + " is then also reported relative to its errors on the same corrupted images.")
    Path baselineModel;

    DriftConfig config() {
        Set<DriftFamily> families = DriftFamily.parse(drift);
        if (baselineModel != null) {
            if (!families.contains(DriftFamily.CORRUPTIONS)) {
                throw new InputError("--baseline-model only serves the corruption suite; add corruptions to --drift or leave --baseline-model out.");
            }
            if (!Files.isRegularFile(baselineModel)) {
                throw new InputError("The baseline model file " + baselineModel + " does not exist; pass a TorchScript file with --baseline-model.");
            }
        }
        return new DriftConfig(families, angles, Fill.parse(rotationFill), Corruptions.parse(corruptions), severities, baselineModel);
    }

    @Override
    public List<Probe<?>> probes() {
        DriftConfig config = config();
        return config.families().isEmpty() ? List.of() : List.of(new DriftProbe(config));
    }
}
