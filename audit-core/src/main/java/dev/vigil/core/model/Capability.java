package dev.vigil.core.model;

/**
 * What a loaded model can do beyond the forward pass every model offers. Probes, attacks and
 * attribution methods declare the capabilities they need; the audit skips, with a finding, whatever
 * the model cannot serve (an ONNX Runtime model has no input gradients, for example).
 */
public enum Capability {
    /** Logits of a batch of pixel-space images: every model has it. */
    LOGITS("logits"),
    /** The gradient of a scalar function of the logits with respect to the input pixels. */
    INPUT_GRADIENT("input gradients"),
    /** An independent copy loaded again from the model file, whose parameters can be overwritten. */
    FRESH_COPY("a fresh copy with writable parameters");

    private final String description;

    Capability(String description) {
        this.description = description;
    }

    /** In words, for findings: "input gradients". */
    public String description() {
        return description;
    }
}
