package dev.vigil.core.data;

import dev.vigil.core.InputError;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The model's classes as a label file names them, in the model's output order. A data set's class names
 * (folder names, CSV labels) are looked up here by name, never by position, so that a data set whose
 * sorted names are in another order than the model's outputs, or that holds only some of the classes,
 * gets every image's true label.
 *
 * @param names the class names, one per model output
 * @param file  the label file they come from, named in error messages
 */
public record ModelClasses(List<String> names, Path file) {
    private static final int NAMES_SHOWN = 5;

    public ModelClasses {
        names = List.copyOf(names);
    }

    public static ModelClasses read(Path labelFile) {
        return new ModelClasses(LabelFile.read(labelFile), labelFile);
    }

    public int size() {
        return names.size();
    }

    /**
     * The label index of each of the data's class names. A name the label file lacks is an input error that
     * names it; {@code what} says what the names are ("class folder", ...).
     */
    Map<String, Integer> indices(Collection<String> dataNames, String what) {
        Map<String, Integer> out = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        for (String name : dataNames) {
            int index = names.indexOf(name);
            if (index < 0) {
                unknown.add(name);
            } else {
                out.put(name, index);
            }
        }
        if (!unknown.isEmpty()) {
            String listed = quoted(unknown.subList(0, Math.min(NAMES_SHOWN, unknown.size())))
                    + (unknown.size() > NAMES_SHOWN ? " and " + (unknown.size() - NAMES_SHOWN) + " more" : "");
            throw new InputError((unknown.size() == 1 ? "The " + what + " " + listed + " is not a class"
                    : "The " + what + "s " + listed + " are not classes") + " of the label file " + file + " (" + described()
                    + "); with --labels every " + what + " is looked up by name, so name each after a line of the label file.");
        }
        return out;
    }

    /** "10 classes: airplane, automobile, bird, cat, deer, ..." for error messages. */
    String described() {
        return names.size() + (names.size() == 1 ? " class: " : " classes: ")
                + quoted(names.subList(0, Math.min(NAMES_SHOWN, names.size()))) + (names.size() > NAMES_SHOWN ? ", ..." : "");
    }

    private static String quoted(List<String> names) {
        return String.join(", ", names.stream().map(n -> "'" + n + "'").toList());
    }
}
