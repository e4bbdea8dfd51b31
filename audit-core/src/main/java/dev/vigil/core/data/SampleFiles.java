package dev.vigil.core.data;

import dev.vigil.core.audit.Hashing;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.attribute.BasicFileAttributes;

/** A sample's file, wherever it is: the local file, or the installed {@link RemoteStore}'s for a URI. */
public final class SampleFiles {
    private SampleFiles() {
    }

    public static InputStream open(Sample sample) throws IOException {
        return sample.uri() == null ? Files.newInputStream(sample.path()) : store(sample).open(sample.uri());
    }

    public static byte[] readAllBytes(Sample sample) throws IOException {
        if (sample.uri() == null) {
            return Files.readAllBytes(sample.path());
        }
        try (InputStream in = open(sample)) {
            return in.readAllBytes();
        }
    }

    /** SHA-256 (hex) of the file's bytes. */
    public static String sha256(Sample sample) throws IOException {
        return sample.uri() == null ? Hashing.sha256(sample.path()) : Hashing.sha256(readAllBytes(sample));
    }

    static RemoteStore.Stamp stamp(Sample sample) throws IOException {
        if (sample.uri() == null) {
            BasicFileAttributes a = Files.readAttributes(sample.path(), BasicFileAttributes.class);
            return new RemoteStore.Stamp(a.size(), a.lastModifiedTime().toMillis());
        }
        return store(sample).stamp(sample.uri());
    }

    private static RemoteStore store(Sample sample) throws IOException {
        return RemoteStore.installed().orElseThrow(() -> new IOException("no reader for " + sample.uri()
                + " is installed; data at a URI is read by the Spark job (dev.vigil.spark.SparkAudit)"));
    }
}
