package dev.vigil.core.data;

import java.io.Serializable;
import java.util.List;

/**
 * What a {@link RemoteStore} lists at a data URI, before any layout rule is applied: the same rules as for
 * local data (labels, --labels, sorted ids, duplicates, the same error sentences) then make the
 * {@link Dataset} from it, on the driver and, from the same listing shipped to them, on every executor.
 */
public sealed interface DataListing extends Serializable {
    /**
     * An ImageFolder root.
     *
     * @param root         the folder's URI, without a trailing slash; each file is {@code root + "/" + id}
     * @param classFolders the names of the folders directly inside the root (empty ones too)
     * @param files        the files below the root, as paths relative to it with forward slashes (the sample ids)
     */
    record Folder(String root, List<String> classFolders, List<String> files) implements DataListing {
        public Folder {
            classFolders = List.copyOf(classFolders);
            files = List.copyOf(files);
        }
    }

    /**
     * A CSV manifest of {@code path,label} lines, read as text.
     *
     * @param manifest the manifest's URI, named in messages
     * @param root     the URI of the folder that holds it, which relative paths are resolved against
     */
    record Manifest(String manifest, String root, String text) implements DataListing {
    }

    /**
     * A table of (path, label) rows, in the order the table gave them.
     *
     * @param table the table's URI, named in messages
     * @param root  the URI of the folder that holds the table, which relative paths are resolved against
     * @param rows  each row's path and its label as text (an integer index or a class name)
     */
    record Table(String table, String root, List<Row> rows) implements DataListing {
        public Table {
            rows = List.copyOf(rows);
        }
    }

    /** One (path, label) row of a table; either may be null, which the layout refuses with the row's number. */
    record Row(String path, String label) implements Serializable {
    }
}
