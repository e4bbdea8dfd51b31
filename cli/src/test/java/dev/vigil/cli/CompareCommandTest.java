package dev.vigil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.core.policy.Status;
import dev.vigil.core.result.AuditResults;
import dev.vigil.core.result.ResultsJson;
import dev.vigil.core.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * 'vigil compare' and 'vigil audit --baseline' end to end: the CIFAR fixture model (testdata/cifar/model.pt) against its
 * degraded copy (degraded.pt, seeded weight noise), both audited once on the 200 fixture images with FGSM L∞ and grayscale
 * only. The paired numbers must be those testdata/compare_expected.py computed with SciPy from plain PyTorch's predictions.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CompareCommandTest {
    private static final String[] CHEAP = {"--attacks", "fgsm", "--norms", "linf", "--drift", "grayscale", "--explain", "none",
        "--check-images", "8", "--quiet"};
    private static final String DELTA_POLICY = """
            name: regression gate
            rules:
              - clean.accuracy >= 0.5
              - rule: delta(clean.accuracy) >= -0.02
                bound: lower
              - no_new_failures(fgsm.linf.eps=8/255.robust_accuracy)
            """;

    Path dir;
    Path base;
    Path candidate;
    CliRun candidateRun;

    private CliRun audit(String model, Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("audit", "--model", Fixtures.testdata("cifar/" + model).toString(), "--data",
                Fixtures.testdata("cifar/images").toString(), "--mean", "0.4914,0.4822,0.4465", "--std", "0.2470,0.2435,0.2616",
                "--out", out.toString()));
        args.addAll(List.of(CHEAP));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    @BeforeAll
    void auditBothModels(@TempDir Path tmp) throws IOException {
        dir = tmp;
        base = dir.resolve("base");
        candidate = dir.resolve("candidate");
        CliRun baseRun = audit("model.pt", base);
        assertEquals(0, baseRun.exitCode(), baseRun.out() + baseRun.err());
        Path policy = Files.writeString(dir.resolve("delta.yaml"), DELTA_POLICY);
        candidateRun = audit("degraded.pt", candidate, "--baseline", base.toString(), "--policy", policy.toString());
    }

    static JsonNode expected() throws IOException {
        return ResultsJson.mapper().readTree(Fixtures.testdata("compare_expected.json").toFile()).get("cifar_degraded");
    }

    static JsonNode metric(JsonNode compare, String name) {
        for (JsonNode m : compare.get("metrics")) {
            if (m.get("name").asText().equals(name)) {
                return m;
            }
        }
        throw new AssertionError(name + " not in compare.json");
    }

    private CliRun compare(Path out, String... args) {
        List<String> all = new ArrayList<>(List.of("compare"));
        all.addAll(List.of(args));
        all.addAll(List.of("--out", out.toString()));
        return CliRun.of(all.toArray(String[]::new));
    }

    @Test
    void theDegradedModelsRegressionHasScipysPairedNumbers() throws IOException {
        CliRun run = compare(dir.resolve("cmp"), base.toString(), candidate.toString());
        assertEquals(0, run.exitCode(), "no policy, no gate: " + run.out() + run.err());
        JsonNode c = ResultsJson.mapper().readTree(dir.resolve("cmp/compare.json").toFile());
        assertTrue(c.get("paired").asBoolean());
        JsonNode expected = expected();
        for (var e : (Iterable<Map.Entry<String, JsonNode>>) expected::fields) {
            JsonNode want = e.getValue();
            JsonNode got = metric(c, e.getKey()).get("paired");
            String what = e.getKey();
            assertEquals(want.get("a").asInt(), got.get("table").get("both").asInt(), what);
            assertEquals(want.get("b").asInt(), got.get("table").get("baseOnly").asInt(), what + " newly wrong");
            assertEquals(want.get("c").asInt(), got.get("table").get("newOnly").asInt(), what + " newly right");
            assertEquals(want.get("d").asInt(), got.get("table").get("neither").asInt(), what);
            assertEquals(want.get("mcnemar_p").asDouble(), got.get("mcnemarP").asDouble(), 1e-12 * want.get("mcnemar_p").asDouble(), what);
            assertEquals(want.get("lower").asDouble(), got.get("lower").asDouble(), 1e-12, what);
            assertEquals(want.get("upper").asDouble(), got.get("upper").asDouble(), 1e-12, what);
        }
        JsonNode clean = c.get("settings").get(0);
        assertEquals("clean", clean.get("setting").asText());
        assertEquals(expected.get("clean.accuracy").get("b").asInt(), clean.get("newlyFailing").size());
        for (JsonNode k : clean.get("classes")) {
            JsonNode want = expected.get("clean.accuracy").get("class").get(k.get("className").asText());
            assertEquals(want.get("b").asInt(), k.get("newlyFailing").asInt(), k.toString());
            assertEquals(want.get("c").asInt(), k.get("newlyPassing").asInt(), k.toString());
        }
        assertEquals("clean.accuracy", c.get("regressions").get(1).asText(), "FGSM at 1/255 drops a little more");
        assertEquals(List.of("clean.accuracy", "drift.grayscale.flip_rate", "fgsm.linf.eps=1/255.robust_accuracy",
                "fgsm.linf.eps=2/255.robust_accuracy"), sorted(c.get("regressions")), "grayscale flips rose from 0.33 to 0.425");
        assertEquals(0, c.get("improvements").size());
        assertEquals(0, c.get("differences").findValues("affectsDeltas").stream().filter(JsonNode::asBoolean).count(),
                "only the model and the command line differ");
        assertTrue(run.out().contains("Regressions: 4"), run.out());
        assertTrue(Files.readString(dir.resolve("cmp/compare.md")).startsWith("## ▼ Vigil compare: 4 regressions\n"));
        var html = Jsoup.parse(Files.readString(dir.resolve("cmp/compare.html")));
        assertEquals("▼ 4 regressions", html.selectFirst("#summary .word").text());
        assertFalse(Files.exists(dir.resolve("cmp/junit.xml")), "junit.xml only with a policy");
    }

    @Test
    void auditWithABaselineComparesAtOnceAndGatesOnAbsoluteAndDeltaRules() throws Exception {
        assertEquals(1, candidateRun.exitCode(), candidateRun.out() + candidateRun.err());
        AuditResults results = ResultsJson.read(candidate.resolve("results.json"));
        var rules = results.verdict().rules();
        assertEquals(Status.PASS, rules.get(0).status(), "clean accuracy 0.725 >= 0.5");
        assertEquals(Status.FAIL, rules.get(1).status(), rules.get(1).reason());
        assertEquals(expected().get("clean.accuracy").get("lower").asDouble(), rules.get(1).gated(), 1e-12);
        assertEquals(Status.FAIL, rules.get(2).status());
        assertEquals(expected().get("fgsm.linf.eps=8/255.robust_accuracy").get("b").asDouble(), rules.get(2).value());
        assertTrue(results.verdict().baseline().startsWith(base.resolve("results.json") + " (results.json SHA-256 "),
                results.verdict().baseline());
        for (String f : List.of("compare.html", "compare.json", "compare.md", "index.html", "junit.xml", "summary.md")) {
            assertTrue(Files.isRegularFile(candidate.resolve(f)), f);
        }
        JsonNode c = ResultsJson.mapper().readTree(candidate.resolve("compare.json").toFile());
        assertEquals(dev.vigil.core.audit.Hashing.sha256(candidate.resolve("results.json")), c.get("new").get("resultsSha256").asText(),
                "compare.json names the results.json written beside it");
        assertEquals("fail", c.get("verdict").get("status").asText());
        Document junit = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(candidate.resolve("junit.xml").toFile());
        assertEquals(3, junit.getElementsByTagName("testcase").getLength());
        assertEquals(2, junit.getElementsByTagName("failure").getLength());
        assertTrue(candidateRun.out().contains("Regressions: 4"), candidateRun.out());
        var html = Jsoup.parse(Files.readString(candidate.resolve("index.html")));
        assertTrue(html.getElementById("verdict").text().contains("measured against the baseline audit"), "the report names the baseline");
    }

    @Test
    void anAuditComparedWithItselfChangesNothing() throws IOException {
        CliRun run = compare(dir.resolve("self"), base.toString(), base.resolve("results.json").toString());
        assertEquals(0, run.exitCode(), run.err());
        JsonNode c = ResultsJson.mapper().readTree(dir.resolve("self/compare.json").toFile());
        for (JsonNode m : c.get("metrics")) {
            assertEquals(0.0, m.get("delta").asDouble(), m.get("name").asText());
        }
        assertEquals(0, c.get("regressions").size());
        assertEquals(0, c.get("improvements").size());
        assertEquals(0, c.get("differences").size());
        assertTrue(run.out().contains("Regressions: none"));
    }

    @Test
    void aWaiverHoldsUntilItsDateAndTheRuleGatesAgainAfterIt() throws Exception {
        String rule = "rules:\n  - rule: delta(clean.accuracy) >= -0.02\n    waived_until: %s\n    reason: noise experiment, fixed next sprint\n";
        Path future = Files.writeString(dir.resolve("future.yaml"), rule.formatted("2999-12-31"));
        CliRun waived = compare(dir.resolve("waived"), "--policy", future.toString(), base.toString(), candidate.toString());
        assertEquals(0, waived.exitCode(), waived.out() + waived.err());
        assertTrue(waived.out().contains("⊘ WAIVED  delta(clean.accuracy) >= -0.02: Measured -0.1100, 0.0900 below the threshold -0.02."
                + " Waived until 2999-12-31 (noise experiment, fixed next sprint), so it does not gate."), waived.out());
        Document junit = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(dir.resolve("waived/junit.xml").toFile());
        assertEquals(1, junit.getElementsByTagName("skipped").getLength());
        assertTrue(((org.w3c.dom.Element) junit.getElementsByTagName("skipped").item(0)).getAttribute("message")
                .startsWith("waived until 2999-12-31 (noise experiment, fixed next sprint)"));

        Path past = Files.writeString(dir.resolve("past.yaml"), rule.formatted("2000-01-01"));
        CliRun expired = compare(dir.resolve("expired"), "--policy", past.toString(), base.toString(), candidate.toString());
        assertEquals(1, expired.exitCode(), expired.out() + expired.err());
        assertTrue(expired.out().contains("expired after 2000-01-01, so the rule gates again."), expired.out());
        assertTrue(Files.readString(dir.resolve("expired/compare.md")).contains("waiver (noise experiment, fixed next sprint) expired"));
    }

    @Test
    void auditsOfDifferentDataAreRefusedInOneSentenceOrComparedUnpairedWhenAsked() throws IOException {
        Path other = dir.resolve("other");
        Files.createDirectories(other);
        Files.copy(candidate.resolve("samples.csv"), other.resolve("samples.csv"));
        ObjectNode json = (ObjectNode) ResultsJson.mapper().readTree(candidate.resolve("results.json").toFile());
        ((ObjectNode) json.get("provenance")).put("datasetSha256", "f".repeat(64));
        Files.writeString(other.resolve("results.json"), ResultsJson.mapper().writeValueAsString(json));
        CliRun refused = compare(dir.resolve("refused"), base.toString(), other.toString());
        assertEquals(2, refused.exitCode());
        assertTrue(refused.errorLine().startsWith("vigil: The two audits are of different data (dataset SHA-256 "), refused.err());
        assertTrue(refused.errorLine().endsWith("or pass --allow-different-data to compare them unpaired."), refused.err());
        assertFalse(refused.err().contains("Exception"));
        assertFalse(Files.exists(dir.resolve("refused/compare.json")));

        CliRun unpaired = compare(dir.resolve("unpaired"), "--allow-different-data", base.toString(), other.toString());
        assertEquals(0, unpaired.exitCode(), unpaired.err());
        assertTrue(unpaired.out().contains("Unpaired: the audits read different data"), unpaired.out());
        JsonNode c = ResultsJson.mapper().readTree(dir.resolve("unpaired/compare.json").toFile());
        assertFalse(c.get("paired").asBoolean());
        assertTrue(metric(c, "clean.accuracy").has("unpaired"));
        assertEquals(0, c.get("settings").size());
    }

    @Test
    void gateMeasuresDeltaRulesWithABaselineAndCallsThemInconclusiveWithout() throws IOException {
        Path policy = dir.resolve("delta.yaml");
        CliRun with = CliRun.of("gate", candidate.resolve("results.json").toString(), "--policy", policy.toString(), "--baseline",
                base.toString());
        assertEquals(1, with.exitCode(), with.out() + with.err());
        assertTrue(with.out().contains("✘ FAIL  delta(clean.accuracy) (lower 95% bound) >= -0.02: The lower 95% bound is -0.1636"),
                with.out());
        CliRun without = CliRun.of("gate", candidate.resolve("results.json").toString(), "--policy", policy.toString());
        assertEquals(0, without.exitCode(), without.out() + without.err());
        assertTrue(without.out().contains("? INCONCLUSIVE  delta(clean.accuracy) (lower 95% bound) >= -0.02: No baseline audit was given"),
                without.out());
        assertTrue(without.out().contains("Verdict: ? INCONCLUSIVE"), without.out());
    }

    @Test
    void inputMistakesAreExit2InOneSentence() {
        CliRun missing = compare(dir.resolve("x"), base.toString(), dir.resolve("nowhere").toString());
        assertEquals(2, missing.exitCode());
        assertTrue(missing.errorLine().startsWith("vigil: There is no audit at " + dir.resolve("nowhere")), missing.err());
        assertEquals(2, CliRun.of("compare", base.toString()).exitCode(), "NEW is required");
        CliRun noBaseline = audit("model.pt", dir.resolve("never"), "--baseline", dir.resolve("nowhere").toString());
        assertEquals(2, noBaseline.exitCode());
        assertFalse(Files.exists(dir.resolve("never/results.json")), "a wrong --baseline stops the audit before it runs");
    }

    @Test
    void helpListsTheNewOptions() {
        CliRun help = CliRun.of("compare", "--help");
        assertTrue(help.out().contains("--allow-different-data"));
        assertTrue(help.out().contains("95%") && !help.out().contains("%%"), help.out());
        assertFalse(help.err().contains("WARN"), help.err());
        String audit = CliRun.of("audit", "--help").out();
        assertTrue(audit.contains("--baseline=DIR|RESULTS") && audit.contains("--allow-different-data"), audit);
        assertTrue(CliRun.of("gate", "--help").out().contains("--baseline"));
        assertTrue(CliRun.of("--help").out().contains("compare"));
    }

    private static List<String> sorted(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        out.sort(null);
        return out;
    }
}
