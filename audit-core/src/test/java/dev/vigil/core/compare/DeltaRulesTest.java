package dev.vigil.core.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.core.InputError;
import dev.vigil.core.policy.Gate;
import dev.vigil.core.policy.Policy;
import dev.vigil.core.policy.PolicyFile;
import dev.vigil.core.policy.RuleOutcome;
import dev.vigil.core.policy.Status;
import dev.vigil.core.policy.Verdict;
import dev.vigil.core.stats.PairedTable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Policy rules on delta(M), new_failures(M) and no_new_failures(M), gated on a comparison of two synthetic audits. */
class DeltaRulesTest {
    static final LocalDate TODAY = LocalDate.of(2027, 1, 15);

    @TempDir
    Path dir;

    AuditRun base;
    AuditRun fresh;
    AuditComparison comparison;

    @BeforeEach
    void compare() throws IOException {
        // clean: 30 newly wrong, 12 newly right of 200 (paired difference -0.09, interval [-0.1526, -0.0267]); fgsm: 2 newly wrong
        List<SyntheticRuns.Setting> settings = List.of(
                new SyntheticRuns.Setting("clean", "", "clean", "accuracy", "recall", new PairedTable(120, 30, 12, 38)),
                new SyntheticRuns.Setting("fgsm.linf", "eps=8/255", "fgsm.linf.eps=8/255", "robust_accuracy", "robust_accuracy",
                        new PairedTable(12, 2, 21, 5)));
        base = SyntheticRuns.write(dir.resolve("base"), 0, settings, ComparerTest.DATA, 0);
        fresh = SyntheticRuns.write(dir.resolve("new"), 1, settings, ComparerTest.DATA, 0);
        comparison = Comparer.compare(base, fresh, false);
    }

    Verdict gate(String yaml) {
        Policy policy = PolicyFile.parse(yaml, "p.yaml", "00", false, "p");
        return Gate.evaluate(policy, fresh.results(), comparison.asBaseline(), TODAY);
    }

    @Test
    void deltaRulesGateOnTheChangeOrAnEndOfItsPairedInterval() {
        Verdict v = gate("""
                rules:
                  - rule: delta(clean.accuracy) >= -0.1
                  - rule: delta(clean.accuracy) >= -0.1
                    bound: lower
                  - rule: delta(clean.accuracy) >= -0.2
                    bound: lower
                  - rule: delta(fgsm.linf.eps=8/255.robust_accuracy) > 0
                    bound: lower
                    min_count: 40
                """);
        List<RuleOutcome> o = v.rules();
        assertEquals(Status.PASS, o.get(0).status(), o.get(0).reason());
        assertEquals(-0.09, o.get(0).gated(), 1e-12);
        assertEquals(Status.FAIL, o.get(1).status(), o.get(1).reason());
        assertEquals(-0.15258706496533153, o.get(1).gated(), 1e-12, "SciPy's paired lower bound (compare_expected.json)");
        assertEquals(200, o.get(1).count());
        assertEquals("The lower 95% bound is -0.1526, 0.0526 below the threshold -0.1.", o.get(1).reason());
        assertEquals(Status.PASS, o.get(2).status());
        assertEquals(Status.PASS, o.get(3).status(), o.get(3).reason());
        assertEquals(Status.FAIL, v.status());
        assertTrue(v.baseline().startsWith(base.source() + " (results.json SHA-256 "), v.baseline());
        assertEquals("2027-01-15", v.gatedOn());
    }

    @Test
    void newFailuresCountTheSamplesThatGotWorse() {
        Verdict v = gate("""
                rules:
                  - no_new_failures(clean.accuracy)
                  - new_failures(fgsm.linf.eps=8/255.robust_accuracy) <= 2
                  - new_passes(clean.accuracy) >= 12
                  - no_new_failures(clean.class.cat.recall)
                """);
        assertEquals("new_failures(clean.accuracy) <= 0", v.rules().get(0).rule().text());
        assertEquals(Status.FAIL, v.rules().get(0).status());
        assertEquals(30.0, v.rules().get(0).value());
        assertEquals("Measured 30, 30 above the threshold 0.", v.rules().get(0).reason());
        assertEquals(Status.PASS, v.rules().get(1).status());
        assertEquals(Status.PASS, v.rules().get(2).status());
        assertEquals(15.0, v.rules().get(3).value(), "half of the 30 are cats");
    }

    @Test
    void withoutABaselineDeltaRulesAreInconclusiveWithASentence() {
        Policy policy = PolicyFile.parse("rules:\n  - clean.accuracy >= 0.5\n  - delta(clean.accuracy) >= -0.01\n", "p.yaml", "00", false, "p");
        Verdict v = Gate.evaluate(policy, fresh.results(), null, TODAY);
        RuleOutcome delta = v.rules().get(1);
        assertEquals(Status.INCONCLUSIVE, delta.status());
        assertTrue(delta.reason().startsWith("No baseline audit was given, so delta(clean.accuracy) cannot be measured; pass --baseline"),
                delta.reason());
        assertEquals(Status.INCONCLUSIVE, v.status(), "never a plain pass while a delta rule is undecided");
        assertNull(v.baseline());
    }

    @Test
    void mistakesInDeltaRulesAreInputErrors() {
        InputError unknown = assertThrows(InputError.class, () -> gate("rules:\n  - delta(clean.acuracy) >= 0\n"));
        assertTrue(unknown.getMessage().contains("('clean.acuracy')"), unknown.getMessage());
        InputError unknownWithout = assertThrows(InputError.class, () -> Gate.evaluate(
                PolicyFile.parse("rules:\n  - delta(clean.acuracy) >= 0\n", "p.yaml", "00", false, "p"), fresh.results(), null, TODAY));
        assertTrue(unknownWithout.getMessage().contains("('clean.acuracy')"), "a typo is caught without a baseline too");
        InputError noInterval = assertThrows(InputError.class, () -> gate(
                "rules:\n  - {rule: delta(clean.mean_confidence_correct) >= -0.01, bound: lower}\n"));
        assertTrue(noInterval.getMessage().contains("bound of delta(clean.mean_confidence_correct), which has no confidence interval"),
                noInterval.getMessage());
        InputError notPerSample = assertThrows(InputError.class, () -> gate("rules:\n  - no_new_failures(clean.mean_confidence_correct)\n"));
        assertTrue(notPerSample.getMessage().contains("needs a per-sample proportion"), notPerSample.getMessage());
    }

    @Test
    void aMetricOnlyOneAuditHasMakesItsDeltaInconclusive() {
        Verdict v = gate("rules:\n  - delta(drift.rotation.15.accuracy) >= 0\n  - delta(pgd.linf.eps=8/255.robust_accuracy) >= 0\n");
        assertEquals(Status.INCONCLUSIVE, v.rules().get(0).status());
        assertTrue(v.rules().get(0).reason().startsWith("The baseline audit has no drift.rotation.15.accuracy"), v.rules().get(0).reason());
        assertTrue(v.rules().get(1).reason().startsWith("The new audit has no pgd.linf.eps=8/255.robust_accuracy"), v.rules().get(1).reason());
    }

    @Test
    void unpairedComparisonsGateDeltasOnTheIndependentIntervalButCannotCountNewFailures() {
        Policy policy = PolicyFile.parse("rules:\n  - {rule: delta(clean.accuracy) >= -0.2, bound: lower}\n  - no_new_failures(clean.accuracy)\n",
                "p.yaml", "00", false, "p");
        AuditRun elsewhere;
        try {
            elsewhere = SyntheticRuns.write(dir.resolve("elsewhere"), 1, List.of(new SyntheticRuns.Setting("clean", "", "clean", "accuracy",
                    "recall", new PairedTable(120, 30, 12, 38))), "e".repeat(64), 0);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        AuditComparison different = Comparer.compare(base, elsewhere, true);
        Verdict v = Gate.evaluate(policy, elsewhere.results(), different.asBaseline(), TODAY);
        assertEquals(Status.PASS, v.rules().get(0).status(), v.rules().get(0).reason());
        assertEquals(-0.17749674955635347, v.rules().get(0).gated(), 1e-12, "SciPy's independent lower bound");
        assertEquals(Status.INCONCLUSIVE, v.rules().get(1).status());
        assertTrue(v.rules().get(1).reason().startsWith("The two audits were of different data"), v.rules().get(1).reason());
    }
}
