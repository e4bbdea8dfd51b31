package dev.vigil.attacks.drift;

import dev.vigil.core.model.Classifier;
import dev.vigil.core.model.InputSpec;
import java.nio.file.Path;
import java.util.List;

/**
 * Opens the baseline model of the mean corruption error with the audited model's input shape and
 * normalization; the command line supplies it, since only it knows the normalization.
 */
@FunctionalInterface
public interface BaselineLoader {
    Classifier load(Path file, InputSpec spec, List<String> labels);
}
