package dev.vigil.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.core.policy.Gate;
import dev.vigil.core.policy.PolicyFile;
import dev.vigil.core.result.AuditResults;
import dev.vigil.core.testing.SyntheticResults;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class JunitXmlTest {
    @TempDir
    Path dir;

    static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    static List<Element> children(Element parent, String tag) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = parent.getElementsByTagName(tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }

    @Test
    void oneTestCasePerRuleWithFailuresSkipsAndWarnings() throws Exception {
        AuditResults results = ReportFixtures.withVerdict(dir);
        Document doc = parse(JunitXml.render(results, "5e".repeat(32)));
        Element suites = doc.getDocumentElement();
        assertEquals("testsuites", suites.getTagName());
        Element suite = children(suites, "testsuite").get(0);
        assertEquals("vigil policy: release <gate> & \"co\"", suite.getAttribute("name"));
        assertEquals("5", suite.getAttribute("tests"));
        assertEquals("1", suite.getAttribute("failures"));
        assertEquals("1", suite.getAttribute("skipped"));
        assertEquals("0", suite.getAttribute("errors"));
        assertEquals("2026-01-02T03:09:05", suite.getAttribute("timestamp"));
        List<Element> cases = children(suite, "testcase");
        assertEquals(List.of("clean.accuracy (lower 95% bound) >= 0.9", "fgsm.linf.eps=8/255.robust_accuracy >= 0.05",
                "pgd.linf.eps=8/255.robust_accuracy >= 0.4", "drift.rotation.15.accuracy_drop <= 0.2", "explain.ig.completeness_gap <= 0.05"),
                cases.stream().map(c -> c.getAttribute("name")).toList());
        Element failure = children(cases.get(0), "failure").get(0);
        assertEquals("clean.accuracy measured 0.8500 [0.7389, 0.9190], n = 60; gated on lower 95% bound 0.7389; threshold >= 0.9;"
                + " margin −0.1611", failure.getAttribute("message"));
        assertEquals("PolicyRuleFailed", failure.getAttribute("type"));
        assertTrue(failure.getTextContent().contains("Why the rule exists: the model must be right on nine images in ten"));
        assertEquals(0, children(cases.get(1), "failure").size() + children(cases.get(1), "skipped").size(), "a passing rule");
        assertEquals("vigil.policy.warning", cases.get(2).getAttribute("classname"));
        assertEquals(0, children(cases.get(2), "failure").size(), "a failed warning does not fail the CI test run");
        assertTrue(children(cases.get(2), "system-out").get(0).getTextContent().startsWith("WARNING (severity warning"));
        assertTrue(children(cases.get(3), "skipped").get(0).getAttribute("message").startsWith("inconclusive: It rests on 60 samples"));
        assertEquals("5e".repeat(32), children(suite, "property").stream()
                .filter(p -> p.getAttribute("name").equals("results.sha256")).findFirst().orElseThrow().getAttribute("value"));
    }

    @Test
    void inconclusiveRulesFailWhenThePolicySaysSoAndOddCharactersKeepTheFileWellFormed() throws Exception {
        AuditResults plain = SyntheticResults.build(dir, List.of("a", "b"));
        AuditResults results = plain.withVerdict(Gate.evaluate(PolicyFile.parse("""
                name: "odd \\u0001 <name> ]]> &amp;"
                fail_on_inconclusive: true
                rules:
                  - {rule: clean.accuracy >= 0.5, min_count: 1000}
                """, "p.yaml", "00", false, "p"), plain));
        Document doc = parse(JunitXml.render(results, "00"));
        Element suite = children(doc.getDocumentElement(), "testsuite").get(0);
        assertEquals("vigil policy: odd  <name> ]]> &amp;", suite.getAttribute("name"));
        assertEquals("1", suite.getAttribute("failures"));
        assertEquals("0", suite.getAttribute("skipped"));
        assertEquals("PolicyRuleInconclusive", children(suite, "failure").get(0).getAttribute("type"));
    }

    @Test
    void resultsWithoutAVerdictGiveAnEmptyButValidSuite() throws Exception {
        Document doc = parse(JunitXml.render(SyntheticResults.build(dir, List.of("a", "b")), "00"));
        assertEquals("0", doc.getDocumentElement().getAttribute("tests"));
    }
}
