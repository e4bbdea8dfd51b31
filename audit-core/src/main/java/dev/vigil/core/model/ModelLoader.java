package dev.vigil.core.model;

import dev.vigil.core.InputError;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The one entry point that opens a model file: it picks the format from the file's ending, or from its
 * first bytes when the ending is unknown, and opens it. A new format is one {@link ModelFormat} added here.
 */
public final class ModelLoader {
    private static final List<ModelFormat> FORMATS = List.of(new TorchScriptFormat(), new OnnxFormat());

    private ModelLoader() {
    }

    public static Classifier open(ModelRequest request) {
        Path file = request.file();
        if (!Files.isRegularFile(file)) {
            throw new InputError("The model file " + file + " does not exist; pass a model file (" + describeFormats() + ") with --model.");
        }
        return formatOf(file).open(request);
    }

    /** The format of {@code file}: by its ending, else by its first bytes. */
    public static ModelFormat formatOf(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        for (ModelFormat format : FORMATS) {
            if (format.extensions().stream().anyMatch(name::endsWith)) {
                return format;
            }
        }
        byte[] head = head(file);
        for (ModelFormat format : FORMATS) {
            if (format.recognizes(head)) {
                return format;
            }
        }
        throw new InputError("The model file " + file + " is not in a format Vigil reads; give " + describeFormats() + ".");
    }

    /** "a TorchScript file (.pt, .pth, .torchscript)", for messages. */
    public static String describeFormats() {
        return FORMATS.stream().map(f -> "a " + f.name() + " file (" + String.join(", ", f.extensions()) + ")")
                .collect(Collectors.joining(" or "));
    }

    private static byte[] head(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(16);
        } catch (IOException e) {
            throw new InputError("The model file " + file + " could not be read (" + InputError.firstLine(e) + ").", e);
        }
    }
}
