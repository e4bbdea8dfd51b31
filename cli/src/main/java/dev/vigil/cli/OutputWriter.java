package dev.vigil.cli;

import dev.vigil.core.audit.Hashing;
import dev.vigil.core.result.AuditResults;
import dev.vigil.core.result.ResultsJson;
import dev.vigil.core.result.RowLog;
import dev.vigil.core.result.SamplesCsv;
import dev.vigil.reports.ReportFiles;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes the files of one audit into the output folder: results.json first, so that the report and
 * junit.xml can carry its SHA-256, then samples.csv, index.html, report.pdf (unless switched off), junit.xml and summary.md.
 */
final class OutputWriter {
    private OutputWriter() {
    }

    /** Writes everything and returns the SHA-256 of results.json. */
    static String write(AuditResults results, RowLog rows, Path out, boolean pdf) throws IOException {
        Path json = out.resolve("results.json");
        ResultsJson.write(results, json);
        String sha = Hashing.sha256(json);
        SamplesCsv.write(rows, out.resolve("samples.csv"));
        ReportFiles.write(results, sha, out, out, pdf);
        return sha;
    }
}
