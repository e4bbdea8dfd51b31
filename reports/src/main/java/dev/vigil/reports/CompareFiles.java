package dev.vigil.reports;

import dev.vigil.core.compare.AuditComparison;
import dev.vigil.core.compare.CompareJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a comparison's files: compare.json, compare.html and compare.md. */
public final class CompareFiles {
    private CompareFiles() {
    }

    public static void write(AuditComparison comparison, Path outDir) throws IOException {
        Files.createDirectories(outDir);
        CompareJson.write(comparison, outDir.resolve("compare.json"));
        Files.writeString(outDir.resolve("compare.html"), new CompareHtml().render(comparison), StandardCharsets.UTF_8);
        Files.writeString(outDir.resolve("compare.md"), CompareMarkdown.render(comparison), StandardCharsets.UTF_8);
    }
}
