package dev.vigil.core.data;

import java.nio.file.Path;

/**
 * One labelled image of the evaluation set.
 *
 * @param index position in the dataset's sorted order
 * @param id    the path relative to the dataset root, with forward slashes; stable across machines
 * @param path  where the file is on this machine; null for a file at a URI
 * @param label index into the dataset's class names
 * @param uri   where the file is on a file system the {@link RemoteStore} reads (hdfs://, s3a://, file:/…); null for a local file
 */
public record Sample(int index, String id, Path path, int label, String uri) {
    public Sample {
        if ((path == null) == (uri == null)) {
            throw new IllegalArgumentException("a sample has a local path or a URI, not " + (path == null ? "neither" : "both"));
        }
    }

    /** A local file. */
    public Sample(int index, String id, Path path, int label) {
        this(index, id, path, label, null);
    }

    /** The same file at another position. */
    public Sample at(int newIndex) {
        return new Sample(newIndex, id, path, label, uri);
    }

    /** Where the file is, as one string: the URI, or the local path made absolute. */
    public String location() {
        return uri != null ? uri : path.toAbsolutePath().normalize().toString();
    }
}
