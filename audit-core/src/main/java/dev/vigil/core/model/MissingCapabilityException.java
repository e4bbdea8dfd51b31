package dev.vigil.core.model;

/**
 * Thrown when code asks a model for something it cannot do. The audit checks each probe's declared
 * needs before running it, so reaching this is a bug in a probe that did not declare a need.
 */
public final class MissingCapabilityException extends IllegalStateException {
    public MissingCapabilityException(Classifier model, Capability capability) {
        super("the " + model.engine().name() + " model offers no " + capability.description()
                + "; declare " + capability + " among the needs of the code that asked for it");
    }
}
