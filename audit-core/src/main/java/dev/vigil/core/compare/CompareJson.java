package dev.vigil.core.compare;

import dev.vigil.core.result.ResultsJson;
import java.io.IOException;
import java.nio.file.Path;

/** Writes compare.json: the comparison with the same conventions as results.json (indented, NaN as "NaN"). */
public final class CompareJson {
    private CompareJson() {
    }

    public static void write(AuditComparison comparison, Path file) throws IOException {
        dev.vigil.core.result.AtomicFiles.writeString(file, ResultsJson.mapper().writeValueAsString(comparison) + "\n");
    }
}
