package dev.vigil.core.result;

import java.util.SortedSet;

/** Rows that can be walked through in order, with the names of every probe-specific column they use. */
public interface RowStore extends RowSource {
    SortedSet<String> extraColumns();
}
