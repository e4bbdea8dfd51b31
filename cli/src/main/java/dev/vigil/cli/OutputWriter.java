package dev.vigil.cli;

import dev.vigil.core.result.AuditResults;
import dev.vigil.core.result.ResultsJson;
import dev.vigil.core.result.SampleRow;
import dev.vigil.core.result.SamplesCsv;
import dev.vigil.reports.HtmlReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Writes the files of one audit into the output folder: results.json, samples.csv and index.html. */
final class OutputWriter {
    private OutputWriter() {
    }

    static void write(AuditResults results, List<SampleRow> rows, Path out) throws IOException {
        ResultsJson.write(results, out.resolve("results.json"));
        SamplesCsv.write(rows, out.resolve("samples.csv"));
        new HtmlReport().write(results, out);
    }
}
