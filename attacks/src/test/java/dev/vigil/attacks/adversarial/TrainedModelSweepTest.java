package dev.vigil.attacks.adversarial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.core.data.Dataset;
import dev.vigil.core.eval.CleanOutcome;
import dev.vigil.core.model.TorchScriptClassifier;
import dev.vigil.core.perturb.Epsilon;
import dev.vigil.core.perturb.Norm;
import dev.vigil.core.result.Chart;
import dev.vigil.core.result.ChartSeries;
import dev.vigil.core.result.Figure;
import dev.vigil.core.result.Metric;
import dev.vigil.core.result.SampleRow;
import dev.vigil.core.result.Section;
import dev.vigil.core.testing.CifarFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Both attacks in both norms on the trained CIFAR-style fixture, ε = 0 included: the relations every
 * sound evaluation satisfies, and no red flag on a normal model.
 */
class TrainedModelSweepTest {
    static final List<Epsilon> LINF = Epsilon.parseList(List.of("0", "1/255", "2/255", "4/255", "8/255"), "--eps");
    static final List<Epsilon> L2 = Epsilon.parseList(List.of("0", "0.25", "0.5", "1.0"), "--l2-eps");

    @TempDir
    static Path out;
    static ProbeRun run;
    static Dataset dataset;
    static CleanOutcome clean;

    @BeforeAll
    static void attack() throws Exception {
        dataset = CifarFixture.dataset();
        AdversarialPlan plan = TestPlans.plan(true, true, List.of(Norm.LINF, Norm.L2), LINF, L2, PgdSettings.DEFAULT, "none");
        try (TorchScriptClassifier model = CifarFixture.model()) {
            clean = ProbeRun.clean(model, dataset, 128);
            run = ProbeRun.of(model, dataset, clean, plan, 128, 0, out);
        }
    }

    private static double robust(String attack, Norm norm, Epsilon eps) {
        return run.metric(attack + "." + norm.id() + "." + eps.parameter() + ".robust_accuracy").value();
    }

    private static List<Epsilon> sweep(Norm norm) {
        return norm == Norm.LINF ? LINF : L2;
    }

    @Test
    void pgdIsAtLeastAsStrongAsFgsmAtEveryEpsilon() {
        for (Norm norm : Norm.values()) {
            for (Epsilon eps : sweep(norm)) {
                assertTrue(robust("pgd", norm, eps) <= robust("fgsm", norm, eps), norm + " " + eps);
            }
        }
        assertTrue(robust("pgd", Norm.LINF, LINF.get(4)) < robust("fgsm", Norm.LINF, LINF.get(4)), "PGD finds more at 8/255");
    }

    @Test
    void robustAccuracyNeverRisesWithEpsilon() {
        for (String attack : List.of("fgsm", "pgd")) {
            for (Norm norm : Norm.values()) {
                List<Epsilon> s = sweep(norm);
                for (int e = 1; e < s.size(); e++) {
                    assertTrue(robust(attack, norm, s.get(e)) <= robust(attack, norm, s.get(e - 1)), attack + " " + norm + " " + s.get(e));
                }
            }
        }
    }

    @Test
    void epsilonZeroGivesCleanAccuracyExactly() {
        double cleanAccuracy = (double) clean.correctCount() / clean.readCount();
        for (String attack : List.of("fgsm", "pgd")) {
            for (Norm norm : Norm.values()) {
                String prefix = attack + "." + norm.id() + ".eps=0.";
                assertEquals(cleanAccuracy, run.metric(prefix + "robust_accuracy").value(), 0.0, prefix);
                assertEquals(0.0, run.metric(prefix + "attack_success_rate").value(), 0.0);
                assertEquals(0.0, run.metric(prefix + "perturbation_linf_max").value(), 0.0);
                for (SampleRow row : run.rows(attack + "." + norm.id(), "eps=0")) {
                    assertEquals(row.label().equals(row.prediction()), row.correct());
                }
            }
        }
        assertEquals(167, clean.correctCount());
    }

    @Test
    void aNormalModelRaisesNoRedFlag() {
        assertEquals(List.of("robust-accuracy-upper-bound"), run.findingIds(), "only the note that FGSM and PGD give an upper bound");
        Section checks = run.recorder().sections().stream().filter(s -> s.id().equals("adversarial-checks")).findFirst().orElseThrow();
        assertTrue(checks.tables().get(0).rows().stream().allMatch(r -> r.get(2).equals("ok")));
    }

    @Test
    void everyImageHasARowPerAttackAndEpsilonWithItsSmallestFlippingEpsilon() {
        List<SampleRow> rows = run.recorder().rows();
        assertEquals(200 * 2 * (LINF.size() + L2.size()), rows.size());
        for (SampleRow row : rows) {
            String flip = row.extra().get("min_flip_eps");
            assertNotNull(flip);
            assertTrue(flip.equals("none") || sweep(row.probe().endsWith("linf") ? Norm.LINF : Norm.L2).stream()
                    .anyMatch(e -> e.text().equals(flip)), flip);
        }
        // A sample robust at the largest PGD budget never flipped in the sweep.
        for (SampleRow row : run.rows("pgd.linf", "eps=8/255")) {
            if (row.correct()) {
                assertEquals("none", row.extra().get("min_flip_eps"), row.sampleId());
            }
        }
    }

    @Test
    void perClassMetricsAndNormsOfThePerturbationsAreRecorded() {
        Metric perClass = run.metric("pgd.linf.eps=8/255.class.c0_circle.robust_accuracy");
        assertEquals(20, perClass.count());
        assertTrue(perClass.hasInterval());
        assertEquals(8 / 255.0, run.metric("fgsm.linf.eps=8/255.perturbation_linf_max").value(), 1e-6);
        assertTrue(run.metric("pgd.l2.eps=0.5.perturbation_l2_max").value() <= 0.5 + 1e-5);
        assertTrue(run.metric("pgd.linf.eps=8/255.true_class_confidence_drop").value() > 0.3);
        assertEquals(167, run.metric("pgd.linf.eps=8/255.attack_success_rate").count());
    }

    @Test
    void eachAttackHasASectionWithIntervalBandsTablesAndEvidenceImages() throws Exception {
        for (String id : List.of("fgsm", "pgd")) {
            Section section = run.recorder().sections().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
            assertEquals(2, section.charts().size());
            Chart linf = section.charts().get(0);
            assertEquals(List.of("0", "1/255", "2/255", "4/255", "8/255"), linf.x(), "ε = 0 of the sweep is the clean point");
            ChartSeries curve = linf.series().get(0);
            assertEquals(curve.y().size(), curve.lower().size());
            assertTrue(curve.lower().get(2) < curve.y().get(2) && curve.y().get(2) < curve.upper().get(2));
            assertEquals(6, section.tables().size());
            assertFalse(section.figures().isEmpty());
            for (Figure f : section.figures()) {
                assertTrue(Files.size(out.resolve(f.file())) > 0, f.file());
            }
            assertEquals(3 * 2 * 20, section.figures().size(), "original, adversarial and perturbation for 2 images per class");
        }
        Section pgd = run.recorder().sections().stream().filter(s -> s.id().equals("pgd")).findFirst().orElseThrow();
        assertEquals(List.of("PGD L∞", "FGSM L∞"), pgd.charts().get(0).series().stream().map(ChartSeries::name).toList());
    }
}
