package dev.vigil.explain;

import dev.vigil.core.InputError;
import java.util.Locale;

/** Which class an explanation explains: the model's clean prediction (the default) or the true class. */
public enum Target {
    PREDICTED("predicted"),
    TRUE("true");

    private final String option;

    Target(String option) {
        this.option = option;
    }

    @com.fasterxml.jackson.annotation.JsonValue
    public String option() {
        return option;
    }

    public static Target parse(String text) {
        for (Target t : values()) {
            if (t.option.equals(text.trim().toLowerCase(Locale.ROOT))) {
                return t;
            }
        }
        throw new InputError("--explain-target must be predicted or true, not '" + text + "'.");
    }
}
