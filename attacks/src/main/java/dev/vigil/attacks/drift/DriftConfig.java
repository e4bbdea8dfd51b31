package dev.vigil.attacks.drift;

import dev.vigil.attacks.drift.corruptions.Corruption;
import dev.vigil.attacks.drift.corruptions.Corruptions;
import dev.vigil.core.InputError;
import dev.vigil.core.perturb.Fill;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What the drift probe runs: which families, the rotation angles (degrees, counter-clockwise) and
 * fill, the corruptions and severities, and optionally a baseline model whose corruption errors
 * normalize the mean corruption error.
 *
 * @param baselineModel a TorchScript file, or null for none
 */
public record DriftConfig(Set<DriftFamily> families, List<Double> angles, Fill fill, List<Corruption> corruptions,
                          List<Integer> severities,
                          @com.fasterxml.jackson.databind.annotation.JsonSerialize(using = com.fasterxml.jackson.databind.ser.std.ToStringSerializer.class)
                          Path baselineModel) {
    public static final List<Double> DEFAULT_ANGLES = List.of(-30.0, -15.0, -5.0, 5.0, 15.0, 30.0, 90.0, 180.0);
    public static final List<Integer> ALL_SEVERITIES = List.of(1, 2, 3, 4, 5);

    public DriftConfig {
        families = families.isEmpty() ? EnumSet.noneOf(DriftFamily.class) : EnumSet.copyOf(families);
        angles = distinct(angles, "--angles");
        corruptions = List.copyOf(corruptions);
        severities = distinct(severities, "--severities");
        if (families.contains(DriftFamily.ROTATION) && angles.isEmpty()) {
            throw new InputError("--angles needs at least one angle in degrees, for example -15,15.");
        }
        for (double a : angles) {
            if (!Double.isFinite(a)) {
                throw new InputError("--angles must be finite numbers of degrees, not " + a + ".");
            }
        }
        if (families.contains(DriftFamily.CORRUPTIONS)) {
            if (corruptions.isEmpty()) {
                throw new InputError("--corruptions needs at least one corruption; choose from " + Corruptions.ids() + ".");
            }
            if (severities.isEmpty()) {
                throw new InputError("--severities needs at least one severity from 1 to 5.");
            }
        }
        for (int s : severities) {
            if (s < Corruption.MIN_SEVERITY || s > Corruption.MAX_SEVERITY) {
                throw new InputError("--severities must be whole numbers from 1 to 5, not " + s + ".");
            }
        }
    }

    /** Everything at its default: all three families, the default angles, zero fill, the whole suite, severities 1–5. */
    public static DriftConfig defaults() {
        return new DriftConfig(EnumSet.allOf(DriftFamily.class), DEFAULT_ANGLES, Fill.ZERO, Corruptions.all(), ALL_SEVERITIES, null);
    }

    public boolean runs(DriftFamily family) {
        return families.contains(family);
    }

    public DriftConfig withFamilies(Set<DriftFamily> newFamilies) {
        return new DriftConfig(newFamilies, angles, fill, corruptions, severities, baselineModel);
    }

    private static <T> List<T> distinct(List<T> values, String option) {
        List<T> out = new ArrayList<>();
        for (T v : values) {
            if (out.contains(v)) {
                throw new InputError(option + " lists " + v + " twice; give each value once.");
            }
            out.add(v);
        }
        return List.copyOf(out);
    }
}
