package dev.vigil.reports;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.core.result.AuditResults;
import dev.vigil.core.result.DatasetSummary;
import dev.vigil.core.result.Finding;
import dev.vigil.core.testing.SyntheticResults;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An audit interrupted before its clean pass finished has no metrics and no sections, and still gets every report file. */
class InterruptedReportTest {
    @TempDir
    Path dir;

    @Test
    void anAuditInterruptedDuringTheCleanPassIsReportedAsInterruptedWithoutAnyMetric() throws Exception {
        AuditResults full = SyntheticResults.build(dir, ReportFixtures.CLASSES);
        DatasetSummary data = new DatasetSummary(full.dataset().layout(), full.dataset().classNames(), full.dataset().samplesFound(),
                0, 0, List.of(), List.of());
        AuditResults results = new AuditResults(full.schemaVersion(), full.provenance(), full.model(), data, List.of(),
                List.of(new Finding("audit-interrupted", Finding.ERROR, "The audit was interrupted", "It received SIGTERM during the clean"
                        + " probe.")), List.of()).interrupted();
        ReportFiles.write(results, "ab".repeat(32), dir, dir, false);
        String html = Files.readString(dir.resolve("index.html"));
        assertTrue(html.contains("✖ INTERRUPTED"), html);
        assertTrue(html.contains("✖ Error"), html);
        assertTrue(Files.readString(dir.resolve("summary.md")).startsWith("## ✖ Vigil audit: INTERRUPTED"));
        assertTrue(Files.exists(dir.resolve("junit.xml")));
    }
}
