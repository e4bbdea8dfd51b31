package dev.vigil.core.data;

import dev.vigil.core.InputError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;

/** A label file: one class name per line, in the model's output order; blank lines at the end are ignored. */
public final class LabelFile {
    private LabelFile() {
    }

    public static List<String> read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InputError("The label file " + file + " does not exist; pass a text file with one class name per line to --labels.");
        }
        List<String> labels;
        try {
            labels = Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(String::strip).toList();
        } catch (IOException e) {
            throw new InputError("The label file " + file + " could not be read (" + e.getMessage() + ").", e);
        }
        int end = labels.size();
        while (end > 0 && labels.get(end - 1).isEmpty()) {
            end--;
        }
        labels = labels.subList(0, end);
        if (labels.isEmpty()) {
            throw new InputError("The label file " + file + " is empty; give one class name per line.");
        }
        if (labels.contains("")) {
            throw new InputError("The label file " + file + " has an empty line at line " + (labels.indexOf("") + 1) + "; give one class name per line.");
        }
        if (new HashSet<>(labels).size() != labels.size()) {
            throw new InputError("The label file " + file + " names a class twice; every line must be a different class name.");
        }
        return List.copyOf(labels);
    }
}
