package dev.vigil.reports;

import dev.vigil.core.compare.AuditComparison;
import dev.vigil.core.compare.CompareJson;
import dev.vigil.core.result.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a comparison's files: compare.json, compare.html and compare.md. */
public final class CompareFiles {
    private CompareFiles() {
    }

    public static void write(AuditComparison comparison, Path outDir) throws IOException {
        Files.createDirectories(outDir);
        CompareJson.write(comparison, outDir.resolve("compare.json"));
        AtomicFiles.writeString(outDir.resolve("compare.html"), new CompareHtml().render(comparison));
        AtomicFiles.writeString(outDir.resolve("compare.md"), CompareMarkdown.render(comparison));
    }
}
