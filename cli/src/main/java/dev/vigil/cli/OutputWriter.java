package dev.vigil.cli;

import dev.vigil.core.audit.Hashing;
import dev.vigil.core.result.AuditResults;
import dev.vigil.core.result.ResultsJson;
import dev.vigil.core.result.RowStore;
import dev.vigil.core.result.SamplesCsv;
import dev.vigil.reports.ReportFiles;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes the files of one audit into the output folder: samples.csv (first, so that a comparison with a
 * baseline can read it before the gate), then results.json, so that the report and junit.xml can carry
 * its SHA-256, then index.html, report.pdf (unless switched off), junit.xml and summary.md.
 */
final class OutputWriter {
    private OutputWriter() {
    }

    static Path writeRows(RowStore rows, Path out) throws IOException {
        Path csv = out.resolve("samples.csv");
        SamplesCsv.write(rows, csv);
        return csv;
    }

    /** Writes results.json and the report files and returns the SHA-256 of results.json. */
    static String writeResults(AuditResults results, Path out, boolean pdf) throws IOException {
        Path json = out.resolve("results.json");
        ResultsJson.write(results, json);
        String sha = Hashing.sha256(json);
        ReportFiles.write(results, sha, out, out, pdf);
        return sha;
    }
}
