package dev.vigil.core.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.core.InputError;
import dev.vigil.core.result.AuditResults;
import dev.vigil.core.result.ResultsJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Waivers: a failing rule is waived through its waived_until date (UTC) and gates again the day after. */
class WaiverTest {
    static final String POLICY = """
            rules:
              - rule: clean.accuracy >= 0.9
                waived_until: 2027-01-31
                reason: relabelling the cat images, retraining in January
              - rule: fgsm.linf.eps=8/255.robust_accuracy >= 0.1
                waived_until: 2027-01-31
                reason: kept as a reminder
              - clean.accuracy >= 0.5
            """;

    static Verdict on(LocalDate day) {
        return Gate.evaluate(PolicyFile.parse(POLICY, "p.yaml", "00", false, "p"), GateTest.results(GateTest.METRICS), null, day);
    }

    @Test
    void untilItsDateAFailingRuleIsWaivedAndDoesNotGate() {
        for (LocalDate day : List.of(LocalDate.of(2026, 12, 1), LocalDate.of(2027, 1, 31))) {
            Verdict v = on(day);
            RuleOutcome o = v.rules().get(0);
            assertEquals(Status.WAIVED, o.status(), day.toString());
            assertEquals(WaiverState.ACTIVE, o.waiver());
            assertEquals("Measured 0.8350, 0.0650 below the threshold 0.9. Waived until 2027-01-31 (relabelling the cat images,"
                    + " retraining in January), so it does not gate.", o.reason());
            assertEquals(0.835, o.value(), "the measurement is kept");
            assertEquals(Status.PASS, v.status(), "a waived failure does not fail the gate");
            assertEquals(List.of(o), v.waived());
            assertEquals(day.toString(), v.gatedOn());
            RuleOutcome passing = v.rules().get(1);
            assertEquals(Status.PASS, passing.status());
            assertTrue(passing.reason().endsWith("It has a waiver until 2027-01-31 that it does not need today."), passing.reason());
        }
    }

    @Test
    void theDayAfterItsDateTheRuleGatesAgainAndSaysTheWaiverExpired() {
        Verdict v = on(LocalDate.of(2027, 2, 1));
        RuleOutcome o = v.rules().get(0);
        assertEquals(Status.FAIL, o.status());
        assertEquals(WaiverState.EXPIRED, o.waiver());
        assertTrue(o.reason().endsWith("Its waiver (relabelling the cat images, retraining in January) expired after 2027-01-31, so the"
                + " rule gates again."), o.reason());
        assertEquals(Status.FAIL, v.status());
        assertEquals(List.of(o), v.expiredWaivers());
        assertTrue(v.rules().get(1).reason().endsWith("Its waiver expired after 2027-01-31; remove it from the policy."));
        assertNull(v.rules().get(2).waiver(), "a rule without a waiver has no waiver state");
    }

    @Test
    void waiversAndTheGateDayRoundTripThroughResultsJson(@TempDir Path dir) throws Exception {
        AuditResults results = GateTest.results(GateTest.METRICS).withVerdict(on(LocalDate.of(2026, 12, 1)));
        Path file = dir.resolve("results.json");
        ResultsJson.write(results, file);
        assertEquals(results.verdict(), ResultsJson.read(file).verdict());
        String json = Files.readString(file);
        assertTrue(json.contains("\"status\" : \"waived\""), json);
        assertTrue(json.contains("\"waivedUntil\" : \"2027-01-31\""), json);
        assertTrue(json.contains("\"waiver\" : \"active\""), json);
        assertTrue(json.contains("\"gatedOn\" : \"2026-12-01\""), json);
    }

    @Test
    void aWaiverNeedsAValidDateAndAReason() {
        String noReason = message("rules:\n  - {rule: clean.accuracy >= 0.9, waived_until: 2027-01-31}\n");
        assertTrue(noReason.contains("it is waived until 2027-01-31 without a 'reason'"), noReason);
        String noDate = message("rules:\n  - {rule: clean.accuracy >= 0.9, reason: because}\n");
        assertTrue(noDate.contains("it gives a 'reason' but no 'waived_until' date"), noDate);
        String badDate = message("rules:\n  - {rule: clean.accuracy >= 0.9, waived_until: 2027-02-30, reason: x}\n");
        assertTrue(badDate.contains("its waived_until '2027-02-30' is not a date; write YYYY-MM-DD"), badDate);
        String quoted = "rules:\n  - {rule: clean.accuracy >= 0.9, waived_until: \"2027-01-31\", reason: quoted}\n";
        assertEquals("2027-01-31", PolicyFile.parse(quoted, "p.yaml", "00", false, "p").rules().get(0).waivedUntil());
    }

    @Test
    void deltaTermsAndTheNoNewFailuresShorthandParse() {
        Policy p = PolicyFile.parse("""
                rules:
                  - delta(pgd.linf.eps=2/255.robust_accuracy) >= -0.02
                  - {rule: no_new_failures(clean.class.keep (left).recall), severity: warning}
                  - metric: new_passes(clean.accuracy)
                    op: ">="
                    threshold: 1
                """, "p.yaml", "00", false, "p");
        assertEquals(new DeltaTerm(DeltaTerm.Kind.DELTA, "pgd.linf.eps=2/255.robust_accuracy"), p.rules().get(0).deltaTerm());
        assertEquals(-0.02, p.rules().get(0).threshold());
        Rule shorthand = p.rules().get(1);
        assertEquals("new_failures(clean.class.keep (left).recall)", shorthand.metric());
        assertEquals(Comparison.AT_MOST, shorthand.comparison());
        assertEquals(0, shorthand.threshold());
        assertTrue(shorthand.countsSamples());
        assertEquals(DeltaTerm.Kind.NEW_PASSES, p.rules().get(2).deltaTerm().kind());
        String unknown = message("rules:\n  - deltas(clean.accuracy) >= 0\n");
        assertTrue(unknown.contains("'deltas(...)' is not a function rules know"), unknown);
        assertNull(new Rule("clean.class.a(b).recall", Comparison.AT_LEAST, 0, Bound.VALUE, Severity.ERROR, null, null).deltaTerm(),
                "parentheses inside a class name are not a function");
    }

    private static String message(String yaml) {
        return assertThrows(InputError.class, () -> PolicyFile.parse(yaml, "p.yaml", "00", false, "p")).getMessage();
    }
}
