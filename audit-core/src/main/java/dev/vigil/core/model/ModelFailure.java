package dev.vigil.core.model;

import java.util.Locale;

/**
 * What a model's own failure says, in one line: a TorchScript error carries the interpreter's banner and
 * two tracebacks, and only its last line ("RuntimeError: mat1 and mat2 shapes cannot be multiplied …")
 * names the cause. Also the hint that fits that cause, for errors met while checking the model's input.
 */
public final class ModelFailure {
    private ModelFailure() {
    }

    /** The last non-blank line of the failure's message, without TorchScript's "builtins." prefix; the type without a message. */
    public static String lastLine(Throwable failure) {
        String message = failure.getMessage();
        if (message == null || message.isBlank()) {
            return failure.getClass().getSimpleName();
        }
        String last = "";
        for (String line : message.strip().split("\\R")) {
            if (!line.isBlank()) {
                last = line.strip();
            }
        }
        return last.startsWith("builtins.") ? last.substring("builtins.".length()) : last;
    }

    /**
     * What to change when a batch of {@code spec} failed with {@code cause} (its last line) and a batch of
     * one image of the same shape {@code oneImageWorks}: the number type, the channels, the size or the batch.
     */
    public static String inputHint(String cause, InputSpec spec, boolean oneImageWorks) {
        String c = cause.toLowerCase(Locale.ROOT);
        if (oneImageWorks) {
            return "the model accepts one image but not a batch of 2, so it fixes the batch size (for example with x.view(1, -1));"
                    + " flatten with x.flatten(1) or x.view(x.size(0), -1) and save it again";
        }
        if (c.contains("double") || c.contains("half") || c.contains("dtype") || c.contains("scalar type") || c.contains("float16")
                || c.contains("float64") || c.contains("bfloat")) {
            return "Vigil feeds float32 pixels, so convert the model with model.float() before saving it";
        }
        if (c.contains("channel")) {
            return "the model expects another number of channels than " + spec.channels()
                    + "; set --channels 1 for a grayscale model or 3 for a colour one";
        }
        return "the model expects another input than " + spec.channels() + "x" + spec.height() + "x" + spec.width()
                + "; set --image-size HxW (and --channels) to what it was trained on";
    }
}
