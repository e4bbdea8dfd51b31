package dev.vigil.core.data;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A manifest's or table's paths against the URI of the folder that holds it, as Hadoop's Path would resolve
 * them: a path with a scheme stands as given, one starting with a slash keeps the folder's scheme and authority,
 * any other is relative to the folder; "." and ".." segments are resolved. Plain text, no escaping: Hadoop's
 * Path takes such strings as they are.
 */
final class UriPaths {
    private static final Pattern SCHEME_AUTHORITY = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]+:(?://[^/]*)?)(.*)$", Pattern.DOTALL);

    private UriPaths() {
    }

    static String resolve(String folder, String path) {
        if (DataLocation.isUri(path)) {
            return normalized(path);
        }
        Matcher m = SCHEME_AUTHORITY.matcher(folder);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a URI: " + folder);
        }
        String prefix = m.group(1);
        String joined = path.startsWith("/") ? path : m.group(2) + "/" + path;
        return prefix + dotSegmentsRemoved(joined);
    }

    private static String normalized(String uri) {
        Matcher m = SCHEME_AUTHORITY.matcher(uri);
        return m.matches() ? m.group(1) + dotSegmentsRemoved(m.group(2)) : uri;
    }

    /** "/a/./b/../c//d" → "/a/c/d"; ".." never climbs above the root. */
    private static String dotSegmentsRemoved(String path) {
        Deque<String> kept = new ArrayDeque<>();
        for (String segment : path.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                kept.pollLast();
            } else {
                kept.addLast(segment);
            }
        }
        return "/" + String.join("/", kept);
    }
}
