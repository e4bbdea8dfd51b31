package dev.vigil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.core.audit.Hashing;
import dev.vigil.core.result.AuditResults;
import dev.vigil.core.result.ResultsJson;
import dev.vigil.core.testing.SyntheticResults;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {
    @TempDir
    Path dir;

    private Path saved() throws IOException {
        Path source = Files.createDirectories(dir.resolve("audit"));
        AuditResults synthetic = SyntheticResults.build(source, List.of("a", "b", "c"));
        Path json = source.resolve("results.json");
        ResultsJson.write(synthetic, json);
        Files.writeString(source.resolve("samples.csv"), "sample_id,probe\n");
        return json;
    }

    @Test
    void reRendersIntoAnotherFolderWithFiguresAndTheSameResults() throws IOException {
        Path json = saved();
        Path out = dir.resolve("site");
        CliRun run = CliRun.of("report", json.toString(), "--out", out.toString());
        assertEquals(0, run.exitCode(), run.out() + run.err());
        for (String f : List.of("index.html", "report.pdf", "junit.xml", "summary.md", "results.json", "samples.csv")) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
        assertEquals(Hashing.sha256(json), Hashing.sha256(out.resolve("results.json")));
        Document doc = Jsoup.parse(Files.readString(out.resolve("index.html")));
        assertEquals("No verdict", doc.selectFirst("#glance .verdict .word").text());
        assertTrue(doc.getElementById("provenance").text().contains(Hashing.sha256(json)));
        assertTrue(doc.select("img[src^=data:image/png]").size() >= 2, "figures are read from the results' folder");
    }

    @Test
    void noPdfWritesOnlyTheHtmlAndRemovesAnOlderPdf() throws IOException {
        Path json = saved();
        Path folder = json.getParent();
        assertEquals(0, CliRun.of("report", json.toString()).exitCode());
        assertTrue(Files.size(folder.resolve("report.pdf")) > 0);
        CliRun run = CliRun.of("report", json.toString(), "--no-pdf");
        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertTrue(Files.isRegularFile(folder.resolve("index.html")));
        assertTrue(!Files.exists(folder.resolve("report.pdf")), "no PDF of other results beside the new index.html");
        assertTrue(run.out().contains("Report: ") && !run.out().contains("report.pdf"), run.out());
    }

    @Test
    void aPolicyGatesAnewAndTheReportDescribesTheResultsJsonBesideIt() throws IOException {
        Path json = saved();
        Path policy = Files.writeString(dir.resolve("p.yaml"), "name: strict\nrules:\n  - clean.accuracy >= 0.99\n");
        CliRun run = CliRun.of("report", json.toString(), "--policy", policy.toString());
        assertEquals(1, run.exitCode(), run.out() + run.err());
        AuditResults updated = ResultsJson.read(json);
        assertEquals("strict", updated.verdict().policy());
        Path folder = json.getParent();
        Document doc = Jsoup.parse(Files.readString(folder.resolve("index.html")));
        assertEquals("✘ FAIL", doc.selectFirst("#glance .verdict .word").text());
        assertTrue(doc.getElementById("provenance").text().contains(Hashing.sha256(json)));
        assertTrue(Files.readString(folder.resolve("junit.xml")).contains("<failure"));
    }
}
