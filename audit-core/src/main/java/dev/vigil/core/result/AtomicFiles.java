package dev.vigil.core.result;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Output files written whole or not at all: into a temporary file beside the target, then renamed over it,
 * so that a reader (a CI step reading summary.md) never sees half a file and a killed audit never leaves
 * one. A failed write removes its temporary file; one left by a killed process ends in {@link #SUFFIX},
 * which the next audit in the folder removes.
 */
public final class AtomicFiles {
    public static final String SUFFIX = ".vigil-tmp";

    /** Writes a file's content to the path it is given. */
    @FunctionalInterface
    public interface Writer {
        void writeTo(Path file) throws IOException;
    }

    private AtomicFiles() {
    }

    public static void write(Path target, Writer writer) throws IOException {
        Path absolute = target.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        Path temp = absolute.resolveSibling("." + absolute.getFileName() + SUFFIX);
        try {
            writer.writeTo(temp);
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    public static void writeString(Path target, String content) throws IOException {
        write(target, file -> Files.writeString(file, content, java.nio.charset.StandardCharsets.UTF_8));
    }
}
