package dev.vigil.core.data;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * What {@code --data} names: a local path, or the URI of a file system that only a cluster runner reads
 * ({@code hdfs://nn/eval}, {@code s3a://bucket/eval}, {@code file:///shared/eval}). Text is a URI when it
 * starts with a scheme of two or more characters and a colon and a slash, so that a Windows drive ({@code C:/})
 * stays a path.
 *
 * @param path the local path; null for a URI
 * @param uri  the URI as given; null for a local path
 */
public record DataLocation(Path path, String uri) {
    private static final Pattern URI_START = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]+:/.*", Pattern.DOTALL);

    public DataLocation {
        if ((path == null) == (uri == null)) {
            throw new IllegalArgumentException("a data location is a path or a URI");
        }
    }

    public static DataLocation of(Path path) {
        return new DataLocation(path, null);
    }

    public static DataLocation parse(String text) {
        return isUri(text) ? new DataLocation(null, text) : new DataLocation(Path.of(text), null);
    }

    static boolean isUri(String text) {
        return URI_START.matcher(text).matches();
    }

    public boolean remote() {
        return uri != null;
    }

    @Override
    public String toString() {
        return remote() ? uri : path.toString();
    }
}
