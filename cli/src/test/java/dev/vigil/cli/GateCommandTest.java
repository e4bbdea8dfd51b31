package dev.vigil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.core.audit.Hashing;
import dev.vigil.core.result.AuditResults;
import dev.vigil.core.result.ResultsJson;
import dev.vigil.core.testing.SyntheticResults;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class GateCommandTest {
    @TempDir
    Path dir;

    Path results;

    @BeforeEach
    void saveSyntheticResults() throws IOException {
        AuditResults synthetic = SyntheticResults.build(dir, List.of("keep left", "keep right", "stop"));
        results = dir.resolve("results.json");
        ResultsJson.write(synthetic, results);
    }

    private Path policy(String yaml) throws IOException {
        return Files.writeString(dir.resolve("policy.yaml"), yaml);
    }

    @Test
    void aFailingPolicyExits1AndSaysWhichRulesFailedAndByHowMuch() throws IOException {
        String before = Hashing.sha256(results);
        Path p = policy("""
                name: release
                rules:
                  - clean.accuracy >= 0.95
                  - {rule: pgd.linf.eps=8/255.robust_accuracy >= 0.5, severity: warning}
                  - drift.rotation.15.accuracy_drop <= 0.5
                """);
        CliRun run = CliRun.of("gate", results.toString(), "--policy", p.toString());
        assertEquals(1, run.exitCode(), run.out() + run.err());
        List<String> lines = run.out().lines().toList();
        assertTrue(lines.contains("  ✘ FAIL  clean.accuracy >= 0.95: Measured 0.8500, 0.1000 below the threshold 0.95."), run.out());
        assertTrue(lines.contains("  ⚠ FAIL (WARNING ONLY)  pgd.linf.eps=8/255.robust_accuracy >= 0.5 [warning]: Measured 0.0500,"
                + " 0.4500 below the threshold 0.5."), run.out());
        assertTrue(lines.contains("  ✔ PASS  drift.rotation.15.accuracy_drop <= 0.5: Measured 0.1500, which meets <= 0.5."), run.out());
        assertTrue(lines.get(lines.size() - 1).startsWith("Verdict: ✘ FAIL — 1 of 2 error-severity rules fails"), run.out());
        assertEquals(before, Hashing.sha256(results), "gate leaves results.json alone");
    }

    @Test
    void aPassingPolicyExits0AndWritesJunitAndSummaryWhenAsked() throws Exception {
        Path p = policy("rules:\n  - clean.accuracy >= 0.8\n  - {rule: clean.accuracy >= 0.99, severity: warning}\n");
        Path junit = dir.resolve("ci/junit.xml");
        Path summary = dir.resolve("ci/summary.md");
        CliRun run = CliRun.of("gate", results.toString(), "--policy", p.toString(), "--junit", junit.toString(), "--summary", summary.toString());
        assertEquals(0, run.exitCode(), run.out() + run.err());
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(junit.toFile());
        assertEquals(2, doc.getElementsByTagName("testcase").getLength());
        assertEquals(0, doc.getElementsByTagName("failure").getLength());
        assertTrue(Files.readString(summary).startsWith("## ✔ Vigil audit: PASS"));
    }

    @Test
    void aRuleOnAnUnknownMetricIsExit2ListingTheMetricsTheResultsHold() throws IOException {
        Path p = policy("rules:\n  - fgsm.linf.eps=8/255.robust_acc >= 0.4\n");
        CliRun run = CliRun.of("gate", results.toString(), "--policy", p.toString());
        assertEquals(2, run.exitCode());
        String error = run.errorLine();
        assertTrue(error.startsWith("vigil: The policy " + p + " names a metric these results do not contain ('fgsm.linf.eps=8/255.robust_acc')"),
                error);
        assertTrue(error.indexOf("fgsm.linf.eps=8/255.robust_accuracy") < error.indexOf("clean.accuracy"), "nearest names first: " + error);
        assertTrue(error.matches(".* and \\d+ more \\(every name is in results.json under \"metrics\"\\)\\."), error);
        assertFalse(run.err().contains("Exception"));
    }

    @Test
    void withoutAPolicyTheBundledDefaultGatesAndAbsentMetricsAreInconclusive() {
        CliRun run = CliRun.of("gate", results.toString());
        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("Policy \"Vigil default policy\" (bundled default policy)"), run.out());
        assertTrue(run.out().contains("? INCONCLUSIVE  pgd.l2.eps=0.5.robust_accuracy >= 0.3 [warning]: The metric is absent"), run.out());
        assertTrue(run.out().contains("✔ PASS  clean.accuracy >= 0.8"), run.out());
    }

    @Test
    void inputMistakesAreExit2InOneSentence() throws IOException {
        assertEquals(2, CliRun.of("gate", dir.resolve("none.json").toString()).exitCode());
        CliRun missingPolicy = CliRun.of("gate", results.toString(), "--policy", dir.resolve("none.yaml").toString());
        assertEquals(2, missingPolicy.exitCode());
        assertTrue(missingPolicy.errorLine().contains("none.yaml does not exist"), missingPolicy.err());
        CliRun badRule = CliRun.of("gate", results.toString(), "--policy", policy("rules:\n  - clean.accuracy = 0.9\n").toString());
        assertEquals(2, badRule.exitCode());
        assertTrue(badRule.errorLine().contains("Rule 1 of the policy file"), badRule.err());
        Path notJson = Files.writeString(dir.resolve("x.json"), "{not json");
        assertEquals(2, CliRun.of("gate", notJson.toString()).exitCode());
        assertEquals(2, CliRun.of("gate").exitCode());
    }
}
