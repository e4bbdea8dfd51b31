package dev.vigil.cli;

import dev.vigil.core.eval.CleanProbe;

/**
 * The model itself raised an error during the clean pass (exit code 3, as any failure that is not the user's
 * input): told in one sentence with the last line of the model's error, the full traceback only with --verbose.
 */
final class ModelRaisedError extends RuntimeException {
    private final String detail;

    ModelRaisedError(CleanProbe.ModelFailed failure, boolean nothingEvaluated) {
        super("The model raised an error on the batch starting at " + failure.sampleId() + " (" + failure.cause() + ")"
                + (nothingEvaluated ? ", the first one, so nothing could be evaluated;" : ";")
                + " run the model on that image in Python to see why, or leave it out of the data.");
        this.detail = failure.detail();
    }

    /** The model's whole error, TorchScript traceback included. */
    String detail() {
        return detail;
    }
}
