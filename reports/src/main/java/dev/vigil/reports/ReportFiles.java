package dev.vigil.reports;

import dev.vigil.core.result.AtomicFiles;
import dev.vigil.core.result.AuditResults;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the human- and CI-facing files of one audit beside its results.json: index.html, report.pdf
 * (the same document printed, {@link PdfReport}), junit.xml and summary.md.
 */
public final class ReportFiles {
    public static final String HTML = "index.html";
    public static final String PDF = "report.pdf";

    private ReportFiles() {
    }

    /** Writes every file, report.pdf included. */
    public static void write(AuditResults results, String resultsSha256, Path imagesRoot, Path outDir) throws IOException {
        write(results, resultsSha256, imagesRoot, outDir, true);
    }

    /**
     * @param imagesRoot    the folder figure paths in the results are relative to
     * @param resultsSha256 SHA-256 of the results.json these files describe
     * @param pdf           whether to write report.pdf; without it an older report.pdf in {@code outDir} is removed,
     *                      so that no PDF of other results stays beside the new index.html
     */
    public static void write(AuditResults results, String resultsSha256, Path imagesRoot, Path outDir, boolean pdf) throws IOException {
        Files.createDirectories(outDir);
        String html = new HtmlReport().render(results, imagesRoot, resultsSha256);
        AtomicFiles.writeString(outDir.resolve(HTML), html);
        JunitXml.write(results, resultsSha256, outDir.resolve("junit.xml"));
        SummaryMarkdown.write(results, resultsSha256, outDir.resolve("summary.md"));
        // last, so that a renderer failure loses nothing else; an older PDF never stays beside other results
        Files.deleteIfExists(outDir.resolve(PDF));
        if (pdf) {
            PdfReport.write(html, outDir.resolve(PDF));
        }
    }
}
