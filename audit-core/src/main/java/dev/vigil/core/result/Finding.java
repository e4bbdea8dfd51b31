package dev.vigil.core.result;

/**
 * A named warning about the model or about the soundness of the evaluation itself.
 *
 * @param id       stable identifier, e.g. "probabilities-as-logits"
 * @param severity "error" (the audit's numbers cannot be trusted as they stand: samples without a prediction, an
 *                 export unlike its source, an interrupted run), "warning" or "info"
 */
public record Finding(String id, String severity, String title, String detail) {
    public static final String ERROR = "error";

    public static Finding warning(String id, String title, String detail) {
        return new Finding(id, "warning", title, detail);
    }
}
