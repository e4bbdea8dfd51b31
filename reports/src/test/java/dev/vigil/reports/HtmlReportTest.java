package dev.vigil.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.core.result.AuditResults;
import dev.vigil.core.testing.SyntheticResults;
import freemarker.core.HTMLOutputFormat;
import freemarker.template.Template;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {
    static final String SHA = "5e".repeat(32);
    static final List<String> SECTION_IDS = List.of("glance", "verdict", "tested", "section-clean", "section-adversarial", "section-drift",
            "section-explain", "findings", "provenance", "method-notes", "metrics");

    @TempDir
    Path dir;

    private Document render(AuditResults results) throws IOException {
        return Jsoup.parse(new HtmlReport().render(results, dir, SHA));
    }

    @Test
    void theReportHasTheVerdictWithEveryRuleAndEverySection() throws IOException {
        AuditResults results = ReportFixtures.withVerdict(dir);
        Document doc = render(results);
        for (String id : SECTION_IDS) {
            assertNotNull(doc.getElementById(id), id);
        }
        assertEquals("✘ FAIL", doc.selectFirst("#glance .verdict .word").text());
        Element verdict = doc.getElementById("verdict");
        List<Element> rows = verdict.select("table.rules tbody tr");
        assertEquals(results.verdict().rules().size(), rows.size());
        assertEquals("✘ fail", rows.get(0).selectFirst(".status").text());
        assertTrue(rows.get(0).text().contains("lower 95% bound"));
        assertTrue(rows.get(0).text().contains("≥ 0.9"));
        assertTrue(rows.get(0).text().contains("n = 60"), rows.get(0).text());
        assertEquals("✔ pass", rows.get(1).selectFirst(".status").text());
        assertEquals("⚠ fail (warning only)", rows.get(2).selectFirst(".status").text());
        assertEquals("? inconclusive", rows.get(3).selectFirst(".status").text());
        assertTrue(rows.get(3).text().contains("fewer than the 1000"), rows.get(3).text());
        assertEquals(6, doc.select("#section-clean ~ section.probe, #section-clean").size() + 2, "clean + 3 probe sections, each generic");
        assertEquals(4, doc.select("section.probe").size());
        assertTrue(doc.getElementById("provenance").text().contains(SHA));
        assertTrue(doc.getElementById("findings").select("ul.limits li").size() >= 5, "the standing limitations are listed");
    }

    @Test
    void sectionsFollowTheIssueOrder() throws IOException {
        Document doc = render(ReportFixtures.withVerdict(dir));
        List<String> ids = doc.select("body > section").stream().map(Element::id).toList();
        assertEquals(SECTION_IDS, ids);
    }

    @Test
    void noElementReferencesAnythingOutsideTheFile() throws IOException {
        String html = new HtmlReport().render(ReportFixtures.withVerdict(dir), dir, SHA);
        Document doc = Jsoup.parse(html);
        assertTrue(doc.select("script, link, iframe, object, embed, base, frame, audio, video, source").isEmpty());
        assertFalse(html.contains("http:") || html.contains("https:"), "no http or https anywhere");
        for (Element e : doc.getAllElements()) {
            for (Attribute a : e.attributes()) {
                String key = a.getKey().toLowerCase();
                String value = a.getValue().strip();
                if (key.equals("src") || key.endsWith("href") || key.equals("srcset") || key.equals("poster") || key.equals("action")
                        || key.equals("data")) {
                    assertTrue(value.startsWith("data:image/") || value.startsWith("#"), e.tagName() + " " + key + "=" + value);
                    assertFalse(value.startsWith("//"));
                }
                assertUrlsAreLocal(value);
            }
        }
        doc.select("style").forEach(s -> assertUrlsAreLocal(s.data()));
        assertTrue(doc.select("img").size() >= 3);
    }

    private static void assertUrlsAreLocal(String css) {
        Matcher m = Pattern.compile("url\\(\\s*['\"]?([^'\")]*)").matcher(css);
        while (m.find()) {
            assertTrue(m.group(1).startsWith("#") || m.group(1).startsWith("data:"), "url(" + m.group(1) + ")");
        }
    }

    @Test
    void hostileClassAndFileNamesAppearAsTextNeverAsMarkup() throws IOException {
        String html = new HtmlReport().render(ReportFixtures.withVerdict(dir), dir, SHA);
        Document doc = Jsoup.parse(html);
        assertTrue(doc.select("script").isEmpty(), "no script element");
        assertTrue(doc.select("img[src=x]").isEmpty(), "the file name's img tag stayed text");
        for (Element e : doc.getAllElements()) {
            for (Attribute a : e.attributes()) {
                assertFalse(a.getKey().toLowerCase().startsWith("on"), "event handler attribute on " + e.tagName());
            }
        }
        assertFalse(html.contains(SyntheticResults.HOSTILE_CLASS));
        assertFalse(html.contains("<img src=x"));
        String text = doc.text();
        assertTrue(text.contains(SyntheticResults.HOSTILE_CLASS), "the class name is shown as text");
        assertTrue(text.contains(SyntheticResults.HOSTILE_FILE), "the file name is shown as text");
        assertTrue(text.contains("one & \"two\""));
        assertTrue(doc.getElementById("tested").text().contains(SyntheticResults.HOSTILE_CLASS));
        assertTrue(doc.getElementById("provenance").text().contains("--model '" + SyntheticResults.HOSTILE_FILE + "'"));
        assertTrue(doc.getElementById("findings").text().contains(SyntheticResults.HOSTILE_FILE));
        assertTrue(doc.select("svg text > title").eachText().contains(SyntheticResults.HOSTILE_CLASS),
                "a shortened chart label keeps the whole class name, as text, in its tooltip");
        assertTrue(doc.select("svg desc").text().contains(SyntheticResults.HOSTILE_CLASS));
        assertTrue(doc.select("img").stream().anyMatch(i -> i.attr("alt").contains(SyntheticResults.HOSTILE_CLASS)));
        assertTrue(doc.getElementById("verdict").text().contains("release <gate> & \"co\""));
    }

    @Test
    void autoEscapingIsReallyOnForTheTemplate() throws IOException {
        HtmlReport report = new HtmlReport();
        Template template = report.configuration().getTemplate("index.ftlh");
        assertTrue(template.getAutoEscaping());
        assertEquals(HTMLOutputFormat.INSTANCE, template.getOutputFormat());
        try (InputStream in = HtmlReport.class.getResourceAsStream("/templates/index.ftlh")) {
            String source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertFalse(source.contains("?no_esc"), "no escape bypass in the template");
            assertFalse(source.contains("noautoesc"), "no escape bypass in the template");
            assertFalse(source.contains("<script"), "the report needs no JavaScript");
        }
    }

    @Test
    void everyImageHasAltTextAndEveryChartATitleAndDescription() throws IOException {
        Document doc = render(ReportFixtures.withVerdict(dir));
        for (Element img : doc.select("img")) {
            assertFalse(img.attr("alt").isBlank(), img.outerHtml().substring(0, 40));
            assertTrue(img.attr("src").startsWith("data:image/png;base64,"));
        }
        List<Element> svgs = doc.select("svg");
        assertEquals(6, svgs.size(), "page one's two charts; recall per class, robust accuracy, rotation and corruption charts");
        for (Element svg : svgs) {
            assertEquals("img", svg.attr("role"));
            String[] labelledBy = svg.attr("aria-labelledby").split(" ");
            assertEquals("title", doc.getElementById(labelledBy[0]).tagName());
            assertEquals("desc", doc.getElementById(labelledBy[1]).tagName());
            assertFalse(doc.getElementById(labelledBy[1]).text().isBlank());
        }
        Element missing = doc.selectFirst("#section-explain .missing");
        assertNotNull(missing, "a missing figure file is named, not shown as a broken image");
        assertTrue(missing.text().contains("images/explain/missing.png is missing"));
        assertEquals("missing heatmap", missing.attr("aria-label"));
    }

    @Test
    void everyInternalLinkHasATargetAndEveryMetricAMethodNote() throws IOException {
        AuditResults results = ReportFixtures.withVerdict(dir);
        Document doc = render(results);
        for (Element a : doc.select("a[href]")) {
            String target = a.attr("href").substring(1);
            assertNotNull(doc.getElementById(target), "link to #" + target);
        }
        assertEquals(List.of(), MethodNotes.bundled().uncovered(results.metrics()));
        assertTrue(doc.getElementById("note-robust-accuracy").text().contains("Croce"));
        assertTrue(doc.getElementById("note-mcnemar").text().contains("McNemar"));
        assertTrue(doc.getElementById("metrics").select("tbody tr").size() == results.metrics().size());
    }

    @Test
    void allMetricsAreCollapsedOnScreenAndLeftOutOfPrintWhilePrintedPagesCarryTheVerdictAndResultsHash() throws IOException {
        AuditResults results = ReportFixtures.withVerdict(dir);
        Document doc = render(results);
        Element all = doc.selectFirst("#metrics details.all-metrics");
        assertNotNull(all);
        assertFalse(all.hasAttr("open"), "collapsed");
        assertEquals(results.metrics().size(), all.select("tbody tr").size());
        String css = doc.select("style").html();
        assertTrue(css.matches("(?s).*@media print \\{.*details\\.all-metrics.*display: none.*"), "hidden in print");
        assertTrue(css.contains("size: A4"));
        assertTrue(css.contains("content: \"Vigil audit report · verdict FAIL · results.json SHA-256 " + SHA + " · page \" counter(page)"
                + " \" of \" counter(pages)"), "the running footer");
        assertEquals("Vigil audit report · verdict FAIL · results.json SHA-256 (malformed)", HtmlReport.footer(results, "\"} body {x"),
                "only hex digits reach the style sheet");
        assertEquals("Vigil audit report · verdict FAIL · results.json not recorded", HtmlReport.footer(results, null));
    }

    @Test
    void pageOneHasARowPerProbeFamilyTheRedFlagsAndTwoCharts() throws IOException {
        Document doc = render(ReportFixtures.withVerdict(dir));
        Element glance = doc.getElementById("glance");
        List<String> probes = glance.select("table.glance tbody th[scope=row]").eachText();
        assertEquals(List.of("Clean performance", "FGSM L∞", "PGD L∞", "Drift", "Explanations"), probes);
        assertTrue(glance.select("table.glance tbody tr").get(0).text().contains("0.8500 [0."), "clean accuracy with its interval");
        assertEquals(1, glance.select(".flags .flag").size());
        assertNotNull(doc.getElementById(glance.selectFirst(".flags .flag a").attr("href").substring(1)), "the flag links to its detail");
        assertEquals(2, glance.select("svg").size());
    }

    @Test
    void resultsWithoutAVerdictSaySoInsteadOfFailing() throws IOException {
        Document doc = render(SyntheticResults.build(dir, List.of("a", "b")));
        assertEquals("No verdict", doc.getElementById("glance").selectFirst(".verdict .word").text());
        Document unsaved = Jsoup.parse(new HtmlReport().render(SyntheticResults.build(dir, List.of("a", "b")), dir));
        assertTrue(unsaved.getElementById("provenance").text().contains("not recorded: this report was rendered without a results.json"));
    }

    @Test
    void imagesBeyondTheBudgetAreNamedNotEmbedded() throws IOException {
        AuditResults results = ReportFixtures.withVerdict(dir);
        Document doc = Jsoup.parse(new HtmlReport(10).render(results, dir, SHA));
        assertTrue(doc.select("img").isEmpty());
        assertTrue(doc.select(".missing").eachText().stream().anyMatch(t -> t.startsWith("Not embedded, to keep the report small")));
        String full = new HtmlReport().render(results, dir, SHA);
        assertTrue(full.length() < 5_000_000);
    }

    @Test
    void hugeTablesAreCutWithANoteSoTheReportStaysSmall() throws IOException {
        AuditResults base = SyntheticResults.build(dir, List.of("a", "b"));
        List<String> columns = new java.util.ArrayList<>();
        List<List<String>> rows = new java.util.ArrayList<>();
        for (int c = 0; c < 1001; c++) {
            columns.add("c" + c);
        }
        for (int r = 0; r < 1000; r++) {
            rows.add(java.util.Collections.nCopies(1001, "0"));
        }
        var section = new dev.vigil.core.result.Section("big", "Big", "a confusion matrix of a thousand classes", java.util.Map.of(),
                List.of(new dev.vigil.core.result.DataTable("confusion", columns, rows)), List.of(), List.of());
        AuditResults big = new AuditResults(1, base.provenance(), base.model(), base.dataset(), base.metrics(), base.findings(), List.of(section));
        Document doc = render(big);
        assertEquals(200, doc.select("#section-big tbody tr").size());
        assertEquals(40, doc.select("#section-big thead th").size());
        assertTrue(doc.getElementById("section-big").text().contains("Showing the first 200 of 1000 rows and 40 of 1001 columns"));
    }
}
