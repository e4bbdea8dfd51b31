package dev.vigil.core.data;

import dev.vigil.core.InputError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;

/**
 * A label file: one class name per line, in the model's output order; blank lines at the end are ignored, and
 * so is the byte-order mark that some editors write at the start of a UTF-8 file.
 */
public final class LabelFile {
    private LabelFile() {
    }

    public static List<String> read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InputError("The label file " + file + " does not exist; pass a text file with one class name per line to --labels.");
        }
        List<String> labels;
        try {
            labels = Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(LabelFile::withoutBom).map(String::strip).toList();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new InputError("The label file " + file + " is not UTF-8 text; save it as UTF-8 with one class name per line.", e);
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
        HashSet<String> seen = new HashSet<>();
        for (int i = 0; i < labels.size(); i++) {
            if (!seen.add(labels.get(i))) {
                throw new InputError("The label file " + file + " names the class '" + labels.get(i) + "' twice (line "
                        + (labels.indexOf(labels.get(i)) + 1) + " and line " + (i + 1) + "); every line must be a different class name.");
            }
        }
        return List.copyOf(labels);
    }

    /** A line without the byte-order mark U+FEFF that may open it (String.strip keeps it: it is no white space). */
    static String withoutBom(String line) {
        return line.startsWith("\uFEFF") ? line.substring(1) : line;
    }
}
