package dev.vigil.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.core.policy.Gate;
import dev.vigil.core.policy.PolicyFile;
import dev.vigil.core.result.AuditResults;
import dev.vigil.core.result.Chart;
import dev.vigil.core.result.Metric;
import dev.vigil.core.result.Section;
import dev.vigil.core.testing.SyntheticResults;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Page one's rows come from metric names alone: a new attack or drift family gets its row with no template change. */
class GlanceTest {
    @TempDir
    Path dir;

    private static Glance.Row row(Glance g, String probe) {
        return g.rows().stream().filter(r -> r.probe().equals(probe)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + probe + " in " + g.rows().stream().map(Glance.Row::probe).toList()));
    }

    @Test
    void everyProbeFamilyOfTheFixtureHasOneRowWithItsHeadlineAndPolicyStatus() throws IOException {
        AuditResults results = ReportFixtures.withVerdict(dir);
        Glance g = Glance.of(results);
        assertEquals(List.of("Clean performance", "FGSM L∞", "PGD L∞", "Drift", "Explanations"),
                g.rows().stream().map(Glance.Row::probe).distinct().toList());
        Glance.Row clean = row(g, "Clean performance");
        assertEquals(results.metric("clean.accuracy").orElseThrow(), clean.metric());
        assertEquals("fail", clean.statusKind(), "clean.accuracy >= 0.9 on the lower bound fails");
        Glance.Row pgd = row(g, "PGD L∞");
        assertEquals("pgd.linf.eps=8/255.robust_accuracy", pgd.metric().name());
        assertTrue(pgd.measure().contains("ε = 8/255 (the ε of the policy's rule)"), pgd.measure());
        assertEquals("warn", pgd.statusKind());
        assertEquals("", pgd.gatedBy(), "the rule gates the headline itself");
        Glance.Row fgsm = row(g, "FGSM L∞");
        assertEquals("fgsm.linf.eps=8/255.robust_accuracy", fgsm.metric().name());
        assertEquals("pass", fgsm.statusKind());
        assertEquals("", fgsm.anchor(), "the fixture's attacks share one section, named for neither attack");
        assertEquals("section-clean", clean.anchor());
    }

    @Test
    void theWorstDriftSettingIsTheHeadlineWithItsAccuracyInterval() throws IOException {
        Glance g = Glance.of(ReportFixtures.withVerdict(dir));
        Glance.Row rotation = g.rows().stream().filter(r -> r.metric() != null && r.metric().name().startsWith("drift.rotation.")).findFirst()
                .orElseThrow();
        assertEquals("drift.rotation.90.accuracy", rotation.metric().name(), "90° drops most in the fixture");
        assertTrue(rotation.measure().contains("worst of 5 settings: 90°"), rotation.measure());
        assertTrue(rotation.metric().hasInterval());
        assertEquals("inconclusive", rotation.statusKind(), "the rotation rule needs 1000 samples");
        assertEquals("rule on drift.rotation.15.accuracy_drop ≤ 0.2", rotation.gatedBy(),
                "the status is that of a rule on another angle than the headline's, and says so");
    }

    @Test
    void aNewAttackAppearsAtThePolicysEpsilonOfItsNormOrElseAtItsLargest() throws IOException {
        AuditResults base = SyntheticResults.build(dir, List.of("a", "b"));
        List<Metric> metrics = new ArrayList<>(base.metrics());
        for (String[] m : new String[][] {{"apgd-ce.linf.eps=4/255", "0.31"}, {"apgd-ce.linf.eps=8/255", "0.12"},
                {"square.l2.eps=0.5", "0.44"}, {"square.l2.eps=1.0", "0.22"}, {"square.l2.eps=1.0.class.a", "0.1"}}) {
            metrics.add(Metric.proportion(m[0] + ".robust_accuracy", (int) Math.round(Double.parseDouble(m[1]) * 100), 100, "robust accuracy"));
        }
        AuditResults results = new AuditResults(1, base.provenance(), base.model(), base.dataset(), metrics, base.findings(), base.sections());
        results = results.withVerdict(Gate.evaluate(PolicyFile.parse("name: p\nrules:\n  - pgd.linf.eps=4/255.robust_accuracy >= 0.1\n",
                "p.yaml", "ab".repeat(32), false, "p"), results));
        Glance g = Glance.of(results);
        Glance.Row apgd = row(g, "APGD-CE L∞");
        assertEquals("apgd-ce.linf.eps=4/255.robust_accuracy", apgd.metric().name(), "the policy's L∞ ε, from a PGD rule");
        assertTrue(apgd.measure().contains("the ε of the policy's L∞ rule"), apgd.measure());
        assertEquals("none", apgd.statusKind(), "no rule names APGD-CE");
        Glance.Row square = row(g, "SQUARE L2");
        assertEquals("square.l2.eps=1.0.robust_accuracy", square.metric().name(), "no L2 rule: the largest ε");
        assertTrue(square.measure().contains("the largest ε of the sweep"));
        assertTrue(g.rows().stream().noneMatch(r -> r.probe().contains("class")), "per-class metrics make no row");
        Chart attacks = g.charts().get(0);
        assertEquals(List.of("0", "1/255", "2/255", "4/255", "8/255"), attacks.x(), "ε sorted by value, clean accuracy at 0");
        assertEquals(List.of("FGSM L∞", "PGD L∞", "APGD-CE L∞"), attacks.series().stream().map(s -> s.name()).toList());
        assertTrue(attacks.series().get(2).y().get(1).isNaN(), "APGD-CE did not run at 1/255: a gap in its curve");
    }

    @Test
    void epsilonsAndSettingsParseAsDocumented() {
        assertEquals(8 / 255.0, Glance.epsilonValue("8/255"), 1e-12);
        assertEquals(0.5, Glance.epsilonValue("0.5"), 0);
        assertNull(Glance.epsilonValue("8/255.class.cat"));
        assertTrue(Glance.AttackPoint.parse("pgd.linf.eps=8/255.class.cat.robust_accuracy").isEmpty());
        assertEquals("least-likely", Glance.AttackPoint.parse("pgd.linf.target=least-likely.eps=8/255.robust_accuracy").orElseThrow()
                .target().replace("target=", ""));
        assertTrue(Glance.AttackPoint.parse("drift.rotation.15.accuracy").isEmpty());
        assertEquals("−30°", Glance.settingText("rotation", "-30"));
        assertEquals("gaussian_noise, severity 3", Glance.settingText("corruption", "gaussian_noise.3"));
        assertEquals("horizontal_flip", Glance.settingText("corruption", "horizontal_flip"));
    }

    @Test
    void explanationsAreSummarisedFromTheirCheckMetrics() throws IOException {
        AuditResults base = SyntheticResults.build(dir, List.of("a", "b"));
        List<Metric> metrics = new ArrayList<>(base.metrics());
        metrics.add(Metric.of("explain.random_order.deletion_auc", 0.30, 10, "random"));
        metrics.add(Metric.of("explain.ig.deletion_auc", 0.25, 10, "ig"));
        metrics.add(Metric.of("explain.ig.randomization.spearman", 0.72, 4, "rho"));
        AuditResults results = new AuditResults(1, base.provenance(), base.model(), base.dataset(), metrics, base.findings(),
                base.sections().stream().filter(s -> !s.id().equals("explain")).toList());
        Glance.Row explain = row(Glance.of(results), "Explanations");
        assertNull(explain.metric());
        assertEquals("no red flag", explain.result());
        assertTrue(explain.note().contains("completeness gap 0.0120"), explain.note());
        assertTrue(explain.note().contains("2 of 2 methods beat a random pixel order on deletion"), explain.note());
        assertTrue(explain.note().contains("ρ = 0.72 (ig)"), explain.note());
        assertEquals("", explain.anchor(), "no explanation section to link to");
    }

    @Test
    void withoutDriftOrAttacksThereIsNoFigure() throws IOException {
        AuditResults base = SyntheticResults.build(dir, List.of("a", "b"));
        List<Metric> clean = base.metrics().stream().filter(m -> m.name().startsWith("clean.")).toList();
        List<Section> sections = base.sections().subList(0, 1);
        Glance g = Glance.of(new AuditResults(1, base.provenance(), base.model(), base.dataset(), clean, List.of(), sections));
        assertEquals(1, g.rows().size());
        assertTrue(g.charts().isEmpty());
    }
}
