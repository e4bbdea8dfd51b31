package dev.vigil.core.result;

import java.util.function.Consumer;

/** Per-sample rows that can be walked through once in order: a {@link RowLog}, or a list's {@code forEach}. */
@FunctionalInterface
public interface RowSource {
    void forEach(Consumer<SampleRow> action);
}
