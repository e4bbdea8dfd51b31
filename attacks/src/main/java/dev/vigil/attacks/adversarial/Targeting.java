package dev.vigil.attacks.adversarial;

import dev.vigil.core.InputError;
import java.util.List;
import java.util.Locale;

/**
 * Which way the attacks push: away from the true class (untargeted, the default), or towards a
 * target class, either one named class for every image or each image's least likely class.
 *
 * @param mode        untargeted, least-likely or class
 * @param targetClass the class index when {@code mode} is CLASS, else -1
 * @param targetName  the class name when {@code mode} is CLASS, else null
 */
public record Targeting(Mode mode, int targetClass, String targetName) {
    public enum Mode { UNTARGETED, LEAST_LIKELY, CLASS }

    public static final Targeting UNTARGETED = new Targeting(Mode.UNTARGETED, -1, null);
    public static final Targeting LEAST_LIKELY = new Targeting(Mode.LEAST_LIKELY, -1, null);

    /**
     * Reads the {@code --targeted} value against the class names: "least-likely", a class name or a
     * class index.
     */
    public static Targeting parse(String text, List<String> classNames) {
        if (text == null || text.isBlank() || text.strip().equalsIgnoreCase("none")) {
            return UNTARGETED;
        }
        String t = text.strip();
        if (t.toLowerCase(Locale.ROOT).replace('_', '-').equals("least-likely")) {
            return LEAST_LIKELY;
        }
        int byName = classNames.indexOf(t);
        if (byName >= 0) {
            return new Targeting(Mode.CLASS, byName, t);
        }
        try {
            int index = Integer.parseInt(t);
            if (index >= 0 && index < classNames.size()) {
                return new Targeting(Mode.CLASS, index, classNames.get(index));
            }
        } catch (NumberFormatException ignored) {
            // falls through to the message below
        }
        throw new InputError("--targeted takes least-likely, a class name or a class index from 0 to " + (classNames.size() - 1)
                + ", not '" + text + "'; the classes are " + String.join(", ", classNames.subList(0, Math.min(8, classNames.size())))
                + (classNames.size() > 8 ? ", ..." : "") + ".");
    }

    public boolean targeted() {
        return mode != Mode.UNTARGETED;
    }

    /** The part of a probe name that says where the attack pushes: "" or ".target=least-likely" / ".target=stop". */
    public String suffix() {
        return switch (mode) {
            case UNTARGETED -> "";
            case LEAST_LIKELY -> ".target=least-likely";
            case CLASS -> ".target=" + targetName;
        };
    }

    /** In words, for report settings. */
    public String describe() {
        return switch (mode) {
            case UNTARGETED -> "untargeted (away from the true class)";
            case LEAST_LIKELY -> "targeted, towards each image's least likely class";
            case CLASS -> "targeted, towards class " + targetName;
        };
    }

    /** Each image's target class given its clean logits [n × classes], row-major; -1 entries for untargeted. */
    int[] targets(float[] cleanLogits, int n, int classes) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = switch (mode) {
                case UNTARGETED -> -1;
                case CLASS -> targetClass;
                case LEAST_LIKELY -> {
                    int worst = 0;
                    for (int c = 1; c < classes; c++) {
                        if (cleanLogits[i * classes + c] < cleanLogits[i * classes + worst]) {
                            worst = c;
                        }
                    }
                    yield worst;
                }
            };
        }
        return out;
    }
}
