package dev.vigil.core.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.core.InputError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyFileTest {
    @TempDir
    Path dir;

    static Policy parse(String yaml) {
        return PolicyFile.parse(yaml, "p.yaml", "00", false, "p.yaml");
    }

    static String error(String yaml) {
        return assertThrows(InputError.class, () -> parse(yaml)).getMessage();
    }

    @Test
    void oneLineRulesAndMappingsWithOptionsAndDefaults() {
        Policy p = parse("""
                name: release gate
                fail_on_inconclusive: true
                defaults: {min_count: 30}
                rules:
                  - fgsm.linf.eps=8/255.robust_accuracy >= 0.40
                  - rule: drift.rotation.15.accuracy_drop <= 0.05
                    bound: upper
                    severity: warning
                    description: small rotations must not matter
                  - metric: clean.class.no entry.recall
                    op: ">"
                    threshold: 8/255
                    min_count: 5
                  - {metric: clean.accuracy, op: "<", threshold: 1, min_count: null}
                """);
        assertEquals("release gate", p.name());
        assertTrue(p.failOnInconclusive());
        assertFalse(p.absentMetricInconclusive());
        assertEquals(List.of(
                new Rule("fgsm.linf.eps=8/255.robust_accuracy", Comparison.AT_LEAST, 0.40, Bound.VALUE, Severity.ERROR, 30, null),
                new Rule("drift.rotation.15.accuracy_drop", Comparison.AT_MOST, 0.05, Bound.UPPER, Severity.WARNING, 30,
                        "small rotations must not matter"),
                new Rule("clean.class.no entry.recall", Comparison.ABOVE, 8 / 255.0, Bound.VALUE, Severity.ERROR, 5, null),
                new Rule("clean.accuracy", Comparison.BELOW, 1.0, Bound.VALUE, Severity.ERROR, null, null)), p.rules());
        assertEquals("drift.rotation.15.accuracy_drop (upper 95% bound) <= 0.05", p.rules().get(1).text());
        assertEquals("fgsm.linf.eps=8/255.robust_accuracy >= 0.4", p.rules().get(0).text());
    }

    @Test
    void readingAFileRecordsItsPathNameAndHash() throws IOException {
        Path file = Files.writeString(dir.resolve("ci.yaml"), "rules:\n  - clean.accuracy >= 0.9\n");
        Policy p = PolicyFile.read(file);
        assertEquals("ci.yaml", p.name());
        assertEquals(file.toString(), p.source());
        assertEquals(dev.vigil.core.audit.Hashing.sha256(file), p.sha256());
    }

    @Test
    void mistakesAreOneSentenceNamingTheRuleAndTheFix() {
        assertTrue(error("rules:\n  - clean.accuracy => 0.9\n").startsWith("Rule 1 of the policy file p.yaml is wrong: 'clean.accuracy => 0.9' is not of the form"));
        assertTrue(error("rules:\n  - clean.accuracy >= high\n").contains("the threshold 'high' is not a number"));
        assertTrue(error("rules:\n  - {rule: clean.accuracy >= 0.9, severity: fatal}\n").contains("its severity 'fatal' is not one of error, warning"));
        assertTrue(error("rules:\n  - {rule: clean.accuracy >= 0.9, bound: lowest}\n").contains("its bound 'lowest' is not one of value, lower, upper"));
        assertTrue(error("rules:\n  - {rule: clean.accuracy >= 0.9, min_count: 2.5}\n").contains("min_count '2.5' is not a whole number"));
        assertTrue(error("rules:\n  - {metric: clean.accuracy, op: \"=\", threshold: 1}\n").contains("its op '=' is not one of"));
        assertTrue(error("rules:\n  - {metric: clean.accuracy, threshold: 1}\n").contains("it lacks 'op'"));
        assertTrue(error("rules:\n  - {rule: clean.accuracy >= 0.9, treshold: 1}\n").contains("unknown key 'treshold'"));
        assertTrue(error("rule:\n  - clean.accuracy >= 0.9\n").contains("unknown key 'rule'"));
        assertTrue(error("name: empty\n").contains("has no rules"));
        assertTrue(error("rules: [\n").contains("is not valid YAML"));
        assertTrue(error("rules:\n  - {metric: clean.accuracy, op: >=, threshold: 1}\n").contains("quote values that start with '>'"));
        assertTrue(error("version: 2\nrules:\n  - clean.accuracy >= 0.9\n").contains("this Vigil reads version 1"));
        assertTrue(error("fail_on_inconclusive: maybe\nrules:\n  - clean.accuracy >= 0.9\n").contains("must be true or false"));
        assertTrue(assertThrows(InputError.class, () -> PolicyFile.read(dir.resolve("none.yaml"))).getMessage().contains("does not exist"));
    }

    @Test
    void ruleTextReadsFromTheRightSoMetricNamesMayHoldSpacesAndEqualsSigns() {
        RuleText.Parts p = RuleText.parse("  pgd.l2.eps=0.5.robust_accuracy   <   1/4 ");
        assertEquals("pgd.l2.eps=0.5.robust_accuracy", p.metric());
        assertEquals(Comparison.BELOW, p.comparison());
        assertEquals(0.25, p.threshold());
        assertEquals("clean.class.keep left.recall", RuleText.parse("clean.class.keep left.recall >= 0.9").metric());
        assertNull(Comparison.ofSymbol("=>"));
    }
}
