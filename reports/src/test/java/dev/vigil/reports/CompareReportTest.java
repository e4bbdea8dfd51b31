package dev.vigil.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.core.compare.AuditComparison;
import dev.vigil.core.compare.AuditRun;
import dev.vigil.core.compare.Comparer;
import dev.vigil.core.compare.SyntheticRuns;
import dev.vigil.core.policy.Gate;
import dev.vigil.core.policy.PolicyFile;
import dev.vigil.core.stats.PairedTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * compare.html, compare.md and compare.json of two synthetic audits: a clean regression and an FGSM improvement (each also in
 * both classes), and a changed seed.
 */
class CompareReportTest {
    @TempDir
    Path dir;

    AuditComparison comparison(boolean withPolicy) throws Exception {
        List<SyntheticRuns.Setting> settings = List.of(
                new SyntheticRuns.Setting("clean", "", "clean", "accuracy", "recall", new PairedTable(100, 40, 2, 58)),
                new SyntheticRuns.Setting("fgsm.linf", "eps=8/255", "fgsm.linf.eps=8/255", "robust_accuracy", "robust_accuracy",
                        new PairedTable(12, 2, 21, 5)));
        String data = "d".repeat(64);
        AuditRun base = SyntheticRuns.write(dir.resolve("base"), 0, settings, data, 0);
        AuditRun fresh = SyntheticRuns.write(dir.resolve("new"), 1, settings, data, 3);
        AuditComparison c = Comparer.compare(base, fresh, false);
        if (!withPolicy) {
            return c;
        }
        var policy = PolicyFile.parse("""
                name: regression gate
                rules:
                  - {rule: delta(clean.accuracy) >= -0.05, bound: lower}
                  - rule: no_new_failures(fgsm.linf.eps=8/255.robust_accuracy)
                    waived_until: 2099-12-31
                    reason: FGSM noise accepted
                """, "gate.yaml", "00", false, "gate");
        return c.withVerdict(Gate.evaluate(policy, fresh.results(), c.asBaseline(), LocalDate.of(2027, 1, 1)));
    }

    @Test
    void theHtmlOpensWithTheSummaryAndSettingsThatDifferAndIsSelfContained() throws Exception {
        String text = new CompareHtml().render(comparison(false));
        Document html = Jsoup.parse(text);
        assertEquals("▼ 3 regressions, ▲ 3 improvements", html.selectFirst("#summary .summary .word").text(), "overall and both classes");
        assertTrue(html.selectFirst("#summary .caution").text().startsWith("⚠ The audits were not made the same way."));
        List<String> sections = html.select("body > section").eachAttr("id");
        assertEquals(List.of("summary", "differences", "changes"), sections.subList(0, 3), "summary, then settings, then changes");
        assertEquals("seed", html.selectFirst("#differences tbody th").text());
        var regressions = html.select("#changes table").get(0);
        assertEquals("clean.accuracy", regressions.selectFirst("tbody th").text());
        assertTrue(regressions.text().contains("−0.1900"), regressions.text());
        assertTrue(regressions.text().contains("40 / 2"), "newly worse / better");
        assertEquals("▼ regression", regressions.selectFirst(".change").text());
        assertTrue(html.select("#changes table").get(1).text().contains("fgsm.linf.eps=8/255.robust_accuracy"));
        assertTrue(html.select("section[id^=family-] h2").eachText().containsAll(List.of("clean", "fgsm.linf", "data")));
        assertTrue(html.getElementById("samples").text().contains("clean (clean.accuracy): 40 newly failing, 2 newly passing of 200"));
        assertTrue(html.getElementById("samples").text().contains("first 20 shown"), "long lists are cut; compare.json has them all");
        assertTrue(html.getElementById("method").text().contains("Newcombe's method 10 for paired proportions"));
        assertTrue(html.select("script").isEmpty());
        assertFalse(text.contains("http://") || text.contains("https://"), "no network");
    }

    @Test
    void theGateIsShownWithWaiversWhenAPolicyWasGiven() throws Exception {
        Document html = Jsoup.parse(new CompareHtml().render(comparison(true)));
        var rows = html.select("#gate tbody tr");
        assertEquals("fail", rows.get(0).className(), rows.get(0).text());
        assertEquals("waived", rows.get(1).className());
        assertTrue(rows.get(1).text().contains("⊘ Waived until 2099-12-31 (not gating): FGSM noise accepted"), rows.get(1).text());
        assertTrue(html.getElementById("summary").text().contains("Gate under policy “regression gate”: ✘ FAIL"));
    }

    @Test
    void markdownForAPullRequestCommentLeadsWithTheCount() throws Exception {
        String md = CompareMarkdown.render(comparison(true));
        List<String> lines = md.lines().toList();
        assertEquals("## ▼ Vigil compare: 3 regressions, 3 improvements", lines.get(0));
        assertTrue(md.contains("> ⚠ **The audits were not made the same way**"), md);
        assertTrue(md.contains("seed `0` → `3`"), md);
        assertTrue(md.contains("| `clean.accuracy` | 0.7000 | 0.5100 | −0.1900 [−"), md);
        assertTrue(md.contains("**Gate** (policy regression gate): ✘ FAIL"), md);
        assertTrue(md.contains("- ⊘ waived `new_failures(fgsm.linf.eps=8/255.robust_accuracy) <= 0`: Measured 2, 2 above the threshold 0."
                + " Waived until 2099-12-31 (FGSM noise accepted), so it does not gate."), md);
    }

    @Test
    void theFilesAreWrittenTogether() throws Exception {
        CompareFiles.write(comparison(false), dir.resolve("out"));
        for (String f : List.of("compare.html", "compare.json", "compare.md")) {
            assertTrue(Files.size(dir.resolve("out").resolve(f)) > 0, f);
        }
        var json = dev.vigil.core.result.ResultsJson.mapper().readTree(dir.resolve("out/compare.json").toFile());
        assertEquals(1, json.get("schemaVersion").asInt());
        assertEquals("0", json.get("differences").get(0).get("base").asText());
        assertEquals("3", json.get("differences").get(0).get("new").asText());
        assertEquals(40, json.get("settings").get(0).get("newlyFailing").size());
    }
}
