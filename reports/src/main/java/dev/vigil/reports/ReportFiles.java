package dev.vigil.reports;

import dev.vigil.core.result.AuditResults;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes the human- and CI-facing files of one audit beside its results.json: index.html, junit.xml and summary.md. */
public final class ReportFiles {
    private ReportFiles() {
    }

    /**
     * @param imagesRoot    the folder figure paths in the results are relative to
     * @param resultsSha256 SHA-256 of the results.json these files describe
     */
    public static void write(AuditResults results, String resultsSha256, Path imagesRoot, Path outDir) throws IOException {
        Files.createDirectories(outDir);
        new HtmlReport().write(results, imagesRoot, resultsSha256, outDir);
        JunitXml.write(results, resultsSha256, outDir.resolve("junit.xml"));
        SummaryMarkdown.write(results, resultsSha256, outDir.resolve("summary.md"));
    }
}
