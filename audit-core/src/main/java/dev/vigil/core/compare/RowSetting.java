package dev.vigil.core.compare;

/**
 * One probe setting of the per-sample rows: the {@code probe} and {@code parameter} columns of
 * samples.csv, e.g. {@code fgsm.linf} at {@code eps=8/255}, or {@code clean} with no parameter.
 */
public record RowSetting(String probe, String parameter) {
    public RowSetting {
        parameter = parameter == null ? "" : parameter;
    }

    /** How the outputs name the setting, e.g. "fgsm.linf eps=8/255" or "clean". */
    public String label() {
        return parameter.isEmpty() ? probe : probe + " " + parameter;
    }
}
