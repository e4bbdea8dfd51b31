package dev.vigil.attacks.drift.corruptions;

import dev.vigil.core.InputError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The corruption suite, in its default order, and parsing of a user's selection from it. */
public final class Corruptions {
    private static final Map<String, Corruption> ALL = new LinkedHashMap<>();

    static {
        for (Corruption c : List.of(new GaussianNoise(), new ShotNoise(), new GaussianBlur(), new Brightness(),
                new Contrast(), new Saturation(), new JpegCompression(), new Pixelate(), new HorizontalFlip(),
                new Translation())) {
            ALL.put(c.id(), c);
        }
    }

    private Corruptions() {
    }

    public static List<Corruption> all() {
        return List.copyOf(ALL.values());
    }

    public static String ids() {
        return String.join(", ", ALL.keySet());
    }

    /** The named corruptions in the given order; "all" for the whole suite. */
    public static List<Corruption> parse(List<String> names) {
        List<Corruption> out = new ArrayList<>();
        for (String raw : names) {
            String name = raw.trim().toLowerCase(Locale.ROOT);
            if (name.equals("all")) {
                return all();
            }
            Corruption c = ALL.get(name);
            if (c == null) {
                throw new InputError("--corruptions has the unknown corruption '" + raw.trim() + "'; choose from " + ids() + ", or all.");
            }
            if (!out.contains(c)) {
                out.add(c);
            }
        }
        if (out.isEmpty()) {
            throw new InputError("--corruptions needs at least one corruption; choose from " + ids() + ", or all.");
        }
        return out;
    }
}
