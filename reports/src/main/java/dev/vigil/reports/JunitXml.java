package dev.vigil.reports;

import dev.vigil.core.policy.RuleOutcome;
import dev.vigil.core.policy.Severity;
import dev.vigil.core.policy.Status;
import dev.vigil.core.policy.Verdict;
import dev.vigil.core.result.AuditResults;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * junit.xml: one test case per policy rule, so CI servers show the gate like a test run. An
 * error-severity rule that fails is a {@code <failure>} whose message gives the measured value, the
 * bound gated on and the threshold; an inconclusive rule is {@code <skipped>} (a {@code <failure>}
 * when the policy treats inconclusive as failing); a failed warning-severity rule passes with the
 * warning in {@code <system-out>}, because it does not fail the gate. A waived rule is {@code <skipped>}
 * with its waiver's date and reason; a rule whose waiver has expired fails like any other, and says so.
 */
public final class JunitXml {
    private JunitXml() {
    }

    public static void write(AuditResults results, String resultsSha256, Path file) throws IOException {
        dev.vigil.core.result.AtomicFiles.writeString(file, render(results, resultsSha256));
    }

    public static String render(AuditResults results, String resultsSha256) {
        Verdict v = results.verdict();
        List<RuleOutcome> rules = v == null ? List.of() : v.rules();
        long failures = rules.stream().filter(o -> failure(o, v)).count();
        long skipped = rules.stream().filter(o -> (o.status() == Status.INCONCLUSIVE || o.status() == Status.WAIVED) && !failure(o, v))
                .count();
        String suite = "vigil policy" + (v == null ? "" : ": " + v.policy());
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            x.writeStartElement("testsuites");
            attributes(x, "name", "vigil", "tests", rules.size(), "failures", failures, "errors", 0, "skipped", skipped, "time", 0);
            x.writeCharacters("\n  ");
            x.writeStartElement("testsuite");
            attributes(x, "name", suite, "tests", rules.size(), "failures", failures, "errors", 0, "skipped", skipped, "time", 0,
                    "timestamp", timestamp(results.provenance().finishedAt()));
            x.writeCharacters("\n    ");
            x.writeStartElement("properties");
            property(x, "model", results.model().file());
            property(x, "model.sha256", results.provenance().modelSha256());
            property(x, "dataset.sha256", results.provenance().datasetSha256());
            property(x, "results.sha256", resultsSha256);
            if (v != null) {
                property(x, "policy", v.policy());
                property(x, "policy.source", v.policySource());
                property(x, "policy.sha256", v.policySha256());
                property(x, "verdict", v.status().word());
                if (v.gatedOn() != null) {
                    property(x, "gated.on", v.gatedOn());
                }
                if (v.baseline() != null) {
                    property(x, "baseline", v.baseline());
                }
            }
            x.writeCharacters("\n    ");
            x.writeEndElement();
            for (RuleOutcome o : rules) {
                testcase(x, o, v);
            }
            x.writeCharacters("\n  ");
            x.writeEndElement();
            x.writeCharacters("\n");
            x.writeEndElement();
            x.writeCharacters("\n");
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("junit.xml could not be written: " + e.getMessage(), e);
        }
        return out.toString();
    }

    private static boolean failure(RuleOutcome o, Verdict v) {
        if (o.rule().severity() != Severity.ERROR) {
            return false;
        }
        return o.status() == Status.FAIL || (o.status() == Status.INCONCLUSIVE && v.failOnInconclusive());
    }

    private static void testcase(XMLStreamWriter x, RuleOutcome o, Verdict v) throws XMLStreamException {
        x.writeCharacters("\n    ");
        x.writeStartElement("testcase");
        attributes(x, "classname", "vigil.policy." + o.rule().severity().word(), "name", o.rule().text(), "time", 0);
        String message = message(o);
        if (failure(o, v)) {
            x.writeCharacters("\n      ");
            x.writeStartElement("failure");
            attributes(x, "message", message, "type", o.status() == Status.FAIL ? "PolicyRuleFailed" : "PolicyRuleInconclusive");
            x.writeCharacters(XmlText.clean(details(o)));
            x.writeEndElement();
            x.writeCharacters("\n    ");
        } else if (o.status() == Status.INCONCLUSIVE || o.status() == Status.WAIVED) {
            x.writeCharacters("\n      ");
            x.writeEmptyElement("skipped");
            attributes(x, "message", message);
            x.writeCharacters("\n    ");
        } else if (o.status() == Status.FAIL) {
            x.writeCharacters("\n      ");
            x.writeStartElement("system-out");
            x.writeCharacters(XmlText.clean("WARNING (severity warning, does not fail the gate): " + message));
            x.writeEndElement();
            x.writeCharacters("\n    ");
        }
        x.writeEndElement();
    }

    /** One line: "measured 0.3100 [0.2500, 0.3700] (n = 200); gated on lower 95% bound 0.2500; threshold >= 0.4; 0.1500 below". */
    static String message(RuleOutcome o) {
        ReportFormat fmt = new ReportFormat();
        if (o.status() == Status.INCONCLUSIVE) {
            return "inconclusive: " + o.reason();
        }
        String measured = fmt.measured(o);
        String waiver = o.status() == Status.WAIVED ? "waived until " + o.rule().waivedUntil() + " (" + o.rule().waiverReason() + "): "
                : o.waiver() == dev.vigil.core.policy.WaiverState.EXPIRED && o.status() == Status.FAIL
                ? "waiver expired after " + o.rule().waivedUntil() + " (" + o.rule().waiverReason() + "): " : "";
        return waiver + o.rule().metric() + " measured " + measured + "; gated on " + fmt.gatedOn(o.rule())
                + (o.gated() == null ? "" : " " + fmt.number(o.gated())) + "; threshold " + o.rule().comparison().symbol() + " "
                + dev.vigil.core.policy.Rule.formatNumber(o.rule().threshold()) + "; margin " + fmt.margin(o);
    }

    private static String details(RuleOutcome o) {
        return "Rule: " + o.rule().text() + "\nSeverity: " + o.rule().severity().word() + "\n" + o.reason()
                + (o.rule().waivedUntil() == null ? "" : "\nWaiver: until " + o.rule().waivedUntil() + ", " + o.rule().waiverReason()
                        + " (" + o.waiver().word() + ")")
                + (o.rule().description() == null ? "" : "\nWhy the rule exists: " + o.rule().description());
    }

    private static void property(XMLStreamWriter x, String name, String value) throws XMLStreamException {
        x.writeCharacters("\n      ");
        x.writeEmptyElement("property");
        attributes(x, "name", name, "value", value == null ? "" : value);
    }

    private static void attributes(XMLStreamWriter x, Object... pairs) throws XMLStreamException {
        for (int i = 0; i < pairs.length; i += 2) {
            x.writeAttribute((String) pairs[i], XmlText.clean(String.valueOf(pairs[i + 1])));
        }
    }

    /** JUnit's timestamp has no zone designator; Vigil's times are UTC. */
    private static String timestamp(String instant) {
        return instant == null ? "" : instant.replace("Z", "");
    }
}
