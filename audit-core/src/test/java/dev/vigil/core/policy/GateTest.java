package dev.vigil.core.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.core.InputError;
import dev.vigil.core.result.AuditResults;
import dev.vigil.core.result.DatasetSummary;
import dev.vigil.core.result.Metric;
import dev.vigil.core.result.ModelSummary;
import dev.vigil.core.result.Provenance;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class GateTest {
    static final List<Metric> METRICS = List.of(
            new Metric("clean.accuracy", 0.835, 0.777, 0.880, 200, "accuracy"),
            new Metric("fgsm.linf.eps=8/255.robust_accuracy", 0.31, 0.25, 0.37, 200, "robust accuracy"),
            Metric.of("drift.rotation.15.accuracy_drop", 0.04, 200, "drop"),
            Metric.of("explain.ig.completeness_gap", 0.02, null, "gap"),
            new Metric("small.metric", 0.9, 0.6, 0.98, 10, "ten samples"),
            Metric.of("clean.mean_confidence_wrong", Double.NaN, 0, "undefined"),
            new Metric("clean.class.no entry.recall", 0.5, 0.3, 0.7, 20, "a class name with a space"));

    static AuditResults results(List<Metric> metrics) {
        Provenance p = new Provenance("v", "d", "t", "j", "os", "cpu", 1, 0, "s", "f", "c", "m", "h", "data", "h2");
        return new AuditResults(1, p, new ModelSummary("m.pt", "h", "3x4x4", "none", 2),
                new DatasetSummary("imagefolder", List.of("a", "b"), 2, 2, 0, List.of()), metrics, List.of(), List.of());
    }

    static Rule rule(String line, Bound bound, Integer minCount) {
        RuleText.Parts p = RuleText.parse(line);
        return new Rule(p.metric(), p.comparison(), p.threshold(), bound, Severity.ERROR, minCount, null);
    }

    static Policy policy(boolean lenient, boolean failOnInconclusive, Rule... rules) {
        return new Policy("test", "test.yaml", "00", failOnInconclusive, lenient, List.of(rules));
    }

    /** Rules x the results above -> the status each rule must get. */
    static Stream<Arguments> table() {
        Bound v = Bound.VALUE;
        Bound lo = Bound.LOWER;
        Bound up = Bound.UPPER;
        return Stream.of(
                Arguments.of("clean.accuracy >= 0.8", v, null, Status.PASS),
                Arguments.of("clean.accuracy >= 0.8", lo, null, Status.FAIL),        // lower bound 0.777 < 0.8
                Arguments.of("clean.accuracy >= 0.835", v, null, Status.PASS),       // equality holds for >=
                Arguments.of("clean.accuracy > 0.835", v, null, Status.FAIL),        // but not for >
                Arguments.of("clean.accuracy <= 0.85", v, null, Status.PASS),
                Arguments.of("clean.accuracy <= 0.85", up, null, Status.FAIL),       // upper bound 0.88 > 0.85
                Arguments.of("clean.accuracy <= 0.9", up, null, Status.PASS),
                Arguments.of("clean.accuracy < 0.8", v, null, Status.FAIL),
                Arguments.of("clean.accuracy >= 0.77", lo, 200, Status.PASS),        // count 200 meets min 200
                Arguments.of("fgsm.linf.eps=8/255.robust_accuracy >= 0.40", v, null, Status.FAIL),
                Arguments.of("fgsm.linf.eps=8/255.robust_accuracy >= 0.40", v, 300, Status.INCONCLUSIVE), // too few samples outranks failing
                Arguments.of("fgsm.linf.eps=8/255.robust_accuracy >= 0.25", lo, null, Status.PASS),
                Arguments.of("fgsm.linf.eps=8/255.robust_accuracy >= 8/255", v, null, Status.PASS),
                Arguments.of("small.metric >= 0.5", v, 30, Status.INCONCLUSIVE),
                Arguments.of("small.metric >= 0.5", v, 10, Status.PASS),
                Arguments.of("small.metric >= 0.7", lo, 10, Status.FAIL),
                Arguments.of("explain.ig.completeness_gap <= 0.05", v, null, Status.PASS),
                Arguments.of("explain.ig.completeness_gap <= 0.05", v, 10, Status.INCONCLUSIVE), // no count to check
                Arguments.of("clean.mean_confidence_wrong <= 0.5", v, null, Status.INCONCLUSIVE), // NaN value
                Arguments.of("drift.rotation.15.accuracy_drop < 0.04", v, null, Status.FAIL),
                Arguments.of("drift.rotation.15.accuracy_drop <= 0.04", v, null, Status.PASS),
                Arguments.of("clean.class.no entry.recall >= 0.5", v, 20, Status.PASS));
    }

    @ParameterizedTest(name = "{0} on {1}, min {2} -> {3}")
    @MethodSource("table")
    void eachRuleGetsTheExpectedStatus(String line, Bound bound, Integer minCount, Status expected) {
        Verdict verdict = Gate.evaluate(policy(false, false, rule(line, bound, minCount)), results(METRICS));
        RuleOutcome outcome = verdict.rules().get(0);
        assertEquals(expected, outcome.status(), outcome.reason());
        assertEquals(expected, verdict.status(), "one error rule decides the verdict");
    }

    @Test
    void aFailureSaysTheMeasuredBoundAndHowFarItMissed() {
        RuleOutcome o = Gate.evaluate(policy(false, false, rule("clean.accuracy >= 0.8", Bound.LOWER, null)), results(METRICS)).rules().get(0);
        assertEquals(0.777, o.gated());
        assertEquals(0.835, o.value());
        assertEquals(200, o.count());
        assertEquals(-0.023, o.margin(), 1e-12);
        assertEquals("The lower 95% bound is 0.7770, 0.0230 below the threshold 0.8.", o.reason());
        RuleOutcome over = Gate.evaluate(policy(false, false, rule("drift.rotation.15.accuracy_drop <= 0.01", Bound.VALUE, null)),
                results(METRICS)).rules().get(0);
        assertEquals("Measured 0.0400, 0.0300 above the threshold 0.01.", over.reason());
        assertEquals(-0.03, over.margin(), 1e-12);
    }

    @Test
    void warningsNeverFailTheGateButErrorsDo() {
        Rule warning = new Rule("clean.accuracy", Comparison.AT_LEAST, 0.99, Bound.VALUE, Severity.WARNING, null, null);
        Rule passing = rule("clean.accuracy >= 0.5", Bound.VALUE, null);
        Verdict onlyWarningFails = Gate.evaluate(policy(false, false, warning, passing), results(METRICS));
        assertEquals(Status.FAIL, onlyWarningFails.rules().get(0).status());
        assertEquals(Status.PASS, onlyWarningFails.status());
        assertEquals(1, onlyWarningFails.outcomes(Status.FAIL, Severity.WARNING).size());
        Verdict errorFails = Gate.evaluate(policy(false, false, warning, passing, rule("clean.accuracy >= 0.9", Bound.VALUE, null)),
                results(METRICS));
        assertEquals(Status.FAIL, errorFails.status());
        assertTrue(errorFails.gateFailed());
    }

    @Test
    void anInconclusiveErrorRuleMakesTheVerdictInconclusiveOrFailingWhenThePolicySaysSo() {
        Rule tooFew = rule("small.metric >= 0.5", Bound.VALUE, 30);
        Rule passing = rule("clean.accuracy >= 0.5", Bound.VALUE, null);
        assertEquals(Status.INCONCLUSIVE, Gate.evaluate(policy(false, false, tooFew, passing), results(METRICS)).status());
        Verdict strict = Gate.evaluate(policy(false, true, tooFew, passing), results(METRICS));
        assertEquals(Status.FAIL, strict.status());
        assertEquals(Status.INCONCLUSIVE, strict.rules().get(0).status());
    }

    @Test
    void aUserPolicyNamingAnUnknownMetricIsAnInputErrorListingTheMetrics() {
        InputError e = assertThrows(InputError.class, () -> Gate.evaluate(
                policy(false, false, rule("clean.acuracy >= 0.5", Bound.VALUE, null)), results(METRICS)));
        assertTrue(e.getMessage().contains("'clean.acuracy'"), e.getMessage());
        for (Metric m : METRICS) {
            assertTrue(e.getMessage().contains(m.name()), e.getMessage());
        }
        assertTrue(e.getMessage().indexOf("clean.accuracy") < e.getMessage().indexOf("drift.rotation"),
                "names sharing the longest prefix come first: " + e.getMessage());
    }

    @Test
    void longListsShowTheNearestNamesFirstThenACount() {
        List<Metric> many = new ArrayList<>(METRICS);
        for (int i = 0; i < 40; i++) {
            many.add(Metric.of("drift.corruption.c" + i + ".accuracy", 0.5, 10, "x"));
        }
        InputError e = assertThrows(InputError.class, () -> Gate.evaluate(
                policy(false, false, rule("fgsm.linf.eps=8/255.robust_acc >= 0.5", Bound.VALUE, null)), results(many)));
        String msg = e.getMessage();
        assertTrue(msg.contains("nearest of the 47 metrics"), msg);
        assertTrue(msg.indexOf("fgsm.linf.eps=8/255.robust_accuracy") < msg.indexOf("drift.corruption"), msg);
        assertTrue(msg.contains("and 35 more"), msg);
    }

    @Test
    void aUserPolicyOnAMetricOfAnAttackTheModelCouldNotServeIsInconclusiveNotAnInputError() {
        AuditResults skipped = results(METRICS);
        skipped = new AuditResults(1, skipped.provenance(), skipped.model(), skipped.dataset(), METRICS,
                List.of(dev.vigil.core.result.Finding.warning("attack-not-run.pgd", "PGD did not run", "It needs input gradients.")),
                List.of());
        Verdict v = Gate.evaluate(policy(false, false, rule("pgd.l2.eps=0.5.robust_accuracy >= 0.1", Bound.VALUE, null)), skipped);
        assertEquals(Status.INCONCLUSIVE, v.rules().get(0).status());
        assertThrows(InputError.class, () -> Gate.evaluate(
                policy(false, false, rule("pgd.l2.eps=0.5.robust_accuracy >= 0.1", Bound.VALUE, null)), results(METRICS)));
    }

    @Test
    void theBundledDefaultTreatsAnAbsentMetricAsInconclusive() {
        Verdict v = Gate.evaluate(policy(true, false, rule("pgd.l2.eps=0.5.robust_accuracy >= 0.1", Bound.VALUE, null),
                rule("clean.accuracy >= 0.5", Bound.VALUE, null)), results(METRICS));
        assertEquals(Status.INCONCLUSIVE, v.rules().get(0).status());
        assertTrue(v.rules().get(0).reason().contains("not run"));
        assertNull(v.rules().get(0).value());
        assertEquals(Status.PASS, v.rules().get(1).status());
    }

    @Test
    void gatingOnABoundOfAMetricWithoutIntervalIsAnInputErrorForAUserPolicy() {
        Rule r = rule("drift.rotation.15.accuracy_drop <= 0.05", Bound.UPPER, null);
        InputError e = assertThrows(InputError.class, () -> Gate.evaluate(policy(false, false, r), results(METRICS)));
        assertTrue(e.getMessage().contains("has no confidence interval; use 'bound: value'"), e.getMessage());
        assertEquals(Status.INCONCLUSIVE, Gate.evaluate(policy(true, false, r), results(METRICS)).status());
    }
}
