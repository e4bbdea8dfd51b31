package dev.vigil.core.model;

import java.nio.file.Path;
import java.util.List;

/**
 * Everything needed to open a model file for an audit.
 *
 * @param labels class names in the model's output order; empty to name the classes by index
 */
public record ModelRequest(Path file, InputSpec spec, Normalization normalization, List<String> labels, DeviceChoice device) {
    public ModelRequest {
        labels = List.copyOf(labels);
    }

    /** The same input, normalization, labels and device for another file (a baseline or reference model). */
    public ModelRequest withFile(Path other) {
        return new ModelRequest(other, spec, normalization, labels, device);
    }
}
