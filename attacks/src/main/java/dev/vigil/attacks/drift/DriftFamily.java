package dev.vigil.attacks.drift;

import dev.vigil.core.InputError;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The three kinds of drift Vigil probes; each has its own report section. */
public enum DriftFamily {
    ROTATION("rotation", "Rotation"),
    GRAYSCALE("grayscale", "Grayscale"),
    CORRUPTIONS("corruptions", "Common corruptions");

    private final String id;
    private final String title;

    DriftFamily(String id, String title) {
        this.id = id;
        this.title = title;
    }

    @com.fasterxml.jackson.annotation.JsonValue
    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    /** The section id in the report and results.json, e.g. "drift-rotation". */
    public String sectionId() {
        return "drift-" + id;
    }

    /** The families named in a --drift list: any of rotation, grayscale, corruptions; "all"; or "none" alone. */
    public static Set<DriftFamily> parse(List<String> names) {
        Set<DriftFamily> out = EnumSet.noneOf(DriftFamily.class);
        boolean none = false;
        for (String raw : names) {
            String name = raw.trim().toLowerCase(Locale.ROOT);
            switch (name) {
                case "none" -> none = true;
                case "all" -> out.addAll(EnumSet.allOf(DriftFamily.class));
                default -> out.add(byId(raw));
            }
        }
        if (none && (!out.isEmpty() || names.size() > 1)) {
            throw new InputError("--drift none cannot be combined with other drift probes; give 'none' alone or a list of rotation, grayscale, corruptions.");
        }
        if (!none && out.isEmpty()) {
            throw new InputError("--drift needs at least one of rotation, grayscale, corruptions, or all, or none.");
        }
        return out;
    }

    private static DriftFamily byId(String raw) {
        for (DriftFamily f : values()) {
            if (f.id.equals(raw.trim().toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        throw new InputError("--drift has the unknown probe '" + raw.trim() + "'; choose from rotation, grayscale, corruptions, all or none.");
    }
}
