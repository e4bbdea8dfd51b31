package dev.vigil.core.data;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * The one hook through which data at a URI is listed and read: the spark module installs one backed by
 * Hadoop's FileSystem (so any scheme the cluster's Hadoop knows), on the driver and on each executor.
 * With none installed, {@code vigil audit} refuses a URI with one sentence. Everything that reads a
 * sample's bytes ({@link BatchStream}, {@link InputSizes}, the hashes for provenance and --resume) goes
 * through {@link SampleFiles}, which asks this hook for samples that have a URI.
 */
public interface RemoteStore {
    /** The listing of the folder, CSV manifest or table at {@code uri}; an {@link dev.vigil.core.InputError} names what is wrong. */
    DataListing list(String uri) throws IOException;

    /**
     * The file's bytes as a stream. A missing file is a {@link java.nio.file.NoSuchFileException} and one that
     * may not be read a {@link java.nio.file.AccessDeniedException}, as for local files, so that the skipped
     * sample's reason reads the same.
     */
    InputStream open(String uri) throws IOException;

    /** The file's size and modification time, which key the decoded-image cache as they do for local files. */
    Stamp stamp(String uri) throws IOException;

    /** A file version: its size in bytes and its modification time in milliseconds. */
    record Stamp(long size, long modifiedMillis) {
    }

    /** Installs {@code store} for this JVM (null: none). */
    static void install(RemoteStore store) {
        InstalledStore.store = store;
    }

    static Optional<RemoteStore> installed() {
        return Optional.ofNullable(InstalledStore.store);
    }
}

/** The JVM's store. */
final class InstalledStore {
    static volatile RemoteStore store;

    private InstalledStore() {
    }
}
