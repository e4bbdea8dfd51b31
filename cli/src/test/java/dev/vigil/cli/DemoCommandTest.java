package dev.vigil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.core.policy.Rule;
import dev.vigil.core.policy.Status;
import dev.vigil.core.result.AuditResults;
import dev.vigil.core.result.Metric;
import dev.vigil.core.result.ResultsJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The end-to-end run of the full default audit on the demo: every probe family, on 60 demo images, and
 * results.json equal to the committed golden copy (testdata/golden/demo-limit60.json).
 */
class DemoCommandTest {
    @Test
    void theDefaultDemoAuditRunsEveryProbeAndProducesEveryMetricTheDefaultPolicyNames(@TempDir Path out) throws Exception {
        CliRun run = CliRun.of("demo", "--out", out.toString(), "--limit", "60", "--threads", "2", "--quiet");
        assertTrue(run.exitCode() == 0 || run.exitCode() == 1, run.out() + run.err());
        assertTrue(run.out().startsWith("Clean accuracy: 1.0000"), run.out());
        for (String file : new String[] {"index.html", "report.pdf", "results.json", "samples.csv", "junit.xml", "summary.md"}) {
            assertTrue(Files.size(out.resolve(file)) > 0, file);
        }
        try (var pdf = org.apache.pdfbox.Loader.loadPDF(out.resolve("report.pdf").toFile())) {
            var stripper = new org.apache.pdfbox.text.PDFTextStripper();
            stripper.setEndPage(1);
            String one = stripper.getText(pdf);
            assertTrue(one.contains("Audit at a glance") && one.contains("Clean performance"), one);
            assertTrue(pdf.getNumberOfPages() <= 20, pdf.getNumberOfPages() + " pages");
        }
        AuditResults results = ResultsJson.read(out.resolve("results.json"));
        assertEquals(6, results.dataset().classNames().size());
        assertEquals(60, results.dataset().samplesRead());
        assertTrue(results.provenance().commandLine().startsWith("vigil demo"));
        List<String> names = results.metrics().stream().map(Metric::name).toList();
        for (String family : List.of("clean.", "fgsm.", "pgd.", "drift.", "explain.")) {
            assertTrue(names.stream().anyMatch(n -> n.startsWith(family)), "no " + family + " metrics");
        }
        for (Rule rule : BundledPolicy.load().rules()) {
            assertTrue(names.contains(rule.metric()), "the default audit recorded no " + rule.metric());
        }
        assertEquals("bundled default policy", results.verdict().policySource());
        GoldenResults.assertMatches("demo-limit60.json", out.resolve("results.json"));
        assertTrue(results.verdict().rules().stream().allMatch(o -> o.status() != Status.INCONCLUSIVE
                || o.reason().contains("fewer than")), "inconclusive only for too few samples");
    }
}
