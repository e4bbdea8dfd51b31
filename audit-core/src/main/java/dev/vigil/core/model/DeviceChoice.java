package dev.vigil.core.model;

import dev.vigil.core.InputError;
import java.util.Locale;

/** Where the model runs: a GPU when one is visible (auto), or as the user forces it. */
public enum DeviceChoice {
    AUTO, CPU, GPU;

    public static DeviceChoice parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InputError("--device must be auto, cpu or gpu, not '" + text + "'.");
        }
    }
}
