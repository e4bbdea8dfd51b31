package dev.vigil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.core.audit.Hashing;
import dev.vigil.core.policy.Status;
import dev.vigil.core.result.AuditResults;
import dev.vigil.core.result.ResultsJson;
import dev.vigil.core.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** 'vigil audit --policy' end to end on a small copy of the CIFAR fixture. */
class AuditPolicyTest {
    /** Clean evaluation only, to keep these gate tests fast (like AuditCommandTest's NO_PROBES; each probe family adds its off-switch). */
    private static final String[] NO_PROBES = {"--attacks", "none", "--drift", "none", "--explain", "none"};

    @TempDir
    Path dir;

    private Path data(int perClass) throws IOException {
        Path src = Fixtures.testdata("cifar/images");
        Path dst = dir.resolve("data");
        try (Stream<Path> classes = Files.list(src)) {
            for (Path cls : classes.sorted().toList()) {
                Path target = Files.createDirectories(dst.resolve(cls.getFileName().toString()));
                try (Stream<Path> files = Files.list(cls)) {
                    for (Path f : files.sorted().limit(perClass).toList()) {
                        Files.copy(f, target.resolve(f.getFileName().toString()));
                    }
                }
            }
        }
        return dst;
    }

    private CliRun audit(int perClass, String[] probes, String... extra) throws IOException {
        List<String> args = new ArrayList<>(List.of("audit", "--model", Fixtures.testdata("cifar/model.pt").toString(), "--data",
                data(perClass).toString(), "--mean", "0.4914,0.4822,0.4465", "--std", "0.2470,0.2435,0.2616", "--out",
                dir.resolve("out").toString(), "--quiet"));
        args.addAll(List.of(probes));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void aFailingErrorRuleExits1AndEveryOutputCarriesTheVerdict() throws Exception {
        Path policy = Files.writeString(dir.resolve("p.yaml"), "name: strict\nrules:\n  - clean.accuracy >= 0.999\n  - data.samples_skipped <= 0\n");
        CliRun run = audit(3, NO_PROBES, "--policy", policy.toString());
        assertEquals(1, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("✘ FAIL  clean.accuracy >= 0.999: Measured"), run.out());
        Path out = dir.resolve("out");
        AuditResults results = ResultsJson.read(out.resolve("results.json"));
        assertEquals(Status.FAIL, results.verdict().status());
        assertEquals("strict", results.verdict().policy());
        assertEquals(Hashing.sha256(policy), results.verdict().policySha256());
        String sha = Hashing.sha256(out.resolve("results.json"));
        var html = Jsoup.parse(Files.readString(out.resolve("index.html")));
        assertTrue(html.getElementById("provenance").text().contains(sha), "the report carries the SHA-256 of the results.json beside it");
        assertEquals("✘ FAIL", html.selectFirst("#glance .verdict .word").text());
        Document junit = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(out.resolve("junit.xml").toFile());
        assertEquals(2, junit.getElementsByTagName("testcase").getLength());
        assertEquals(1, junit.getElementsByTagName("failure").getLength());
        assertTrue(Files.readString(out.resolve("summary.md")).startsWith("## ✘ Vigil audit: FAIL"));
        assertTrue(Files.isRegularFile(out.resolve("samples.csv")));
    }

    @Test
    void aPolicyNamingAnUnknownMetricIsExit2AfterTheResultsAreSaved() throws IOException {
        Path policy = Files.writeString(dir.resolve("p.yaml"), "rules:\n  - clean.acc >= 0.5\n");
        CliRun run = audit(3, NO_PROBES, "--policy", policy.toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.errorLine().contains("names a metric these results do not contain ('clean.acc')"), run.err());
        assertTrue(run.errorLine().contains("clean.accuracy"), run.err());
        assertTrue(run.err().contains("vigil gate " + dir.resolve("out/results.json")), run.err());
        assertEquals(null, ResultsJson.read(dir.resolve("out/results.json")).verdict());
    }

    @Test
    void aBrokenPolicyStopsTheAuditBeforeItRuns() throws IOException {
        Path policy = Files.writeString(dir.resolve("p.yaml"), "rules:\n  - clean.accuracy >= lots\n");
        CliRun run = audit(3, NO_PROBES, "--policy", policy.toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.errorLine().contains("the threshold 'lots' is not a number"), run.err());
        assertFalse(Files.exists(dir.resolve("out/results.json")));
    }
}
