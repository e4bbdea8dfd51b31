package dev.vigil.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.core.policy.Gate;
import dev.vigil.core.policy.PolicyFile;
import dev.vigil.core.result.AuditResults;
import dev.vigil.core.testing.SyntheticResults;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A waived rule and an expired waiver, as index.html, junit.xml and summary.md show them. */
class WaiverReportTest {
    static final String POLICY = """
            name: waivers
            rules:
              - rule: clean.accuracy >= 0.95
                waived_until: 2027-01-31
                reason: relabelling <cat> images & retraining
              - rule: clean.accuracy >= 0.9
                waived_until: 2026-11-30
                reason: the old excuse
              - clean.accuracy >= 0.5
            """;

    @TempDir
    Path dir;

    AuditResults gated() throws Exception {
        AuditResults results = SyntheticResults.build(dir, List.of("a", "b"));
        return results.withVerdict(Gate.evaluate(PolicyFile.parse(POLICY, "w.yaml", "00", false, "w"), results, null,
                LocalDate.of(2026, 12, 15)));
    }

    @Test
    void theReportsVerdictTableSaysWhatIsWaivedUntilWhenAndWhichWaiverExpired() throws Exception {
        Document html = Jsoup.parse(new HtmlReport().render(gated(), dir));
        List<Element> rows = html.select("#verdict table.rules tbody tr");
        assertEquals("waived", rows.get(0).className());
        assertEquals("⊘ waived", rows.get(0).selectFirst(".status").text());
        assertEquals("⊘ Waived until 2027-01-31 (not gating): relabelling <cat> images & retraining",
                rows.get(0).selectFirst(".rule-waiver").text());
        assertEquals("fail", rows.get(1).className());
        assertEquals("Waiver expired after 2026-11-30, so the rule gates again: the old excuse", rows.get(1).selectFirst(".rule-waiver").text());
        String sentence = html.selectFirst("div.verdict p").text();
        assertTrue(sentence.contains("1 failing rule is waived until its date (reported, not gating)."), sentence);
        assertTrue(sentence.contains("1 rule's waiver has expired, so it gates again."), sentence);
        assertTrue(html.getElementById("verdict").text().contains("evaluated on 2026-12-15 (UTC)"));
        assertTrue(html.getElementById("verdict").text().contains("⊘ waived: it does not hold, but the policy waives it"));
    }

    @Test
    void junitSkipsTheWaivedRuleAndFailsTheExpiredOneSayingSo() throws Exception {
        var doc = JunitXmlTest.parse(JunitXml.render(gated(), "00"));
        var cases = JunitXmlTest.children(doc.getDocumentElement(), "testcase");
        var skipped = JunitXmlTest.children(cases.get(0), "skipped").get(0);
        assertTrue(skipped.getAttribute("message").startsWith("waived until 2027-01-31 (relabelling <cat> images & retraining):"
                + " clean.accuracy measured 0.8500"), skipped.getAttribute("message"));
        var failure = JunitXmlTest.children(cases.get(1), "failure").get(0);
        assertTrue(failure.getAttribute("message").startsWith("waiver expired after 2026-11-30 (the old excuse): clean.accuracy measured"),
                failure.getAttribute("message"));
        assertTrue(failure.getTextContent().contains("Waiver: until 2026-11-30, the old excuse (expired)"), failure.getTextContent());
        var suite = JunitXmlTest.children(doc.getDocumentElement(), "testsuite").get(0);
        assertEquals("1", suite.getAttribute("failures"));
        assertEquals("1", suite.getAttribute("skipped"));
    }

    @Test
    void summaryMarkdownListsTheWaiverWithItsReasonAndDate() throws Exception {
        String md = SummaryMarkdown.render(gated(), "00");
        List<String> rows = md.lines().filter(l -> l.startsWith("| ") && !l.startsWith("| result") && !l.startsWith("| ---")).toList();
        assertTrue(rows.get(0).startsWith("| ✘ fail | `clean.accuracy` ≥ 0.9 |"), rows.get(0));
        assertTrue(rows.get(0).contains("expired after 2026-11-30, so the rule gates again"), rows.get(0));
        assertTrue(rows.get(1).startsWith("| ⊘ waived | `clean.accuracy` ≥ 0.95 |"), rows.get(1));
        assertTrue(rows.get(1).contains("Waived until 2027-01-31 (relabelling &lt;cat&gt; images &amp; retraining), so it does not gate."),
                rows.get(1));
    }
}
