package dev.vigil.attacks.adversarial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.core.InputError;
import dev.vigil.core.data.Dataset;
import dev.vigil.core.data.Sample;
import dev.vigil.core.eval.CleanOutcome;
import dev.vigil.core.model.TorchScriptClassifier;
import dev.vigil.core.perturb.Epsilon;
import dev.vigil.core.perturb.Norm;
import dev.vigil.core.result.SampleRow;
import dev.vigil.core.testing.CifarFixture;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Targeted FGSM and PGD on a class-balanced subset of the CIFAR-style fixture. */
class TargetedAttackTest {
    static final List<Epsilon> LINF = Epsilon.parseList(List.of("2/255", "8/255"), "--eps");

    @TempDir
    static Path out;
    static Dataset dataset;
    static ProbeRun leastLikely;
    static ProbeRun towardsRing;

    @BeforeAll
    static void attack() throws Exception {
        dataset = CifarFixture.dataset().limit(50, 0);
        try (TorchScriptClassifier model = CifarFixture.model()) {
            CleanOutcome clean = ProbeRun.clean(model, dataset, 25);
            leastLikely = ProbeRun.of(model, dataset, clean, plan("least-likely"), 25, 0, out.resolve("ll"));
            towardsRing = ProbeRun.of(model, dataset, clean, plan("c4_ring"), 25, 0, out.resolve("ring"));
        }
    }

    private static AdversarialPlan plan(String target) {
        return TestPlans.plan(true, true, List.of(Norm.LINF), LINF, AdversarialPlan.DEFAULT_L2, PgdSettings.DEFAULT, target);
    }

    @Test
    void theLeastLikelyTargetIsTheSmallestCleanLogitOfPlainPyTorch() throws Exception {
        Map<String, Integer> expected = new HashMap<>();
        for (JsonNode s : CifarFixture.expected().get("per_sample")) {
            JsonNode logits = s.get("logits");
            int worst = 0;
            for (int c = 1; c < logits.size(); c++) {
                if (logits.get(c).asDouble() < logits.get(worst).asDouble()) {
                    worst = c;
                }
            }
            expected.put(s.get("path").asText().replaceFirst("^images/", ""), worst);
        }
        for (String probe : List.of("fgsm.linf.target=least-likely", "pgd.linf.target=least-likely")) {
            List<SampleRow> rows = leastLikely.rows(probe, "eps=8/255");
            assertEquals(50, rows.size());
            for (SampleRow row : rows) {
                assertEquals(dataset.classNames().get(expected.get(row.sampleId())), row.extra().get("target"), row.sampleId());
            }
        }
    }

    @Test
    void targetedPgdReachesTheTargetMoreOftenWithALargerBudget() {
        double small = leastLikely.metric("pgd.linf.target=least-likely.eps=2/255.target_hit_rate").value();
        double large = leastLikely.metric("pgd.linf.target=least-likely.eps=8/255.target_hit_rate").value();
        assertTrue(large > small && large > 0.2, small + " -> " + large);
        assertTrue(large >= leastLikely.metric("fgsm.linf.target=least-likely.eps=8/255.target_hit_rate").value());
        for (SampleRow row : leastLikely.rows("pgd.linf.target=least-likely", "eps=8/255")) {
            assertTrue(!row.prediction().equals(row.extra().get("target")) || !row.correct());
        }
    }

    @Test
    void imagesOfTheTargetClassAreNotAttacked() {
        int clean = (int) dataset.samples().stream().filter(s -> towardsRing.clean().correct(s.index())).count();
        int ringCorrect = (int) dataset.samples().stream()
                .filter(s -> s.label() == dataset.classNames().indexOf("c4_ring") && towardsRing.clean().correct(s.index())).count();
        assertTrue(ringCorrect > 0);
        assertEquals(clean - ringCorrect, towardsRing.metric("pgd.linf.target=c4_ring.eps=8/255.target_hit_rate").count());
        for (Sample s : dataset.samples()) {
            if (s.label() == dataset.classNames().indexOf("c4_ring")) {
                SampleRow row = towardsRing.rows("pgd.linf.target=c4_ring", "eps=8/255").stream()
                        .filter(r -> r.sampleId().equals(s.id())).findFirst().orElseThrow();
                assertEquals(0.0, Double.parseDouble(row.extra().get("perturbation_linf")), "not attacked: " + s.id());
            }
        }
    }

    @Test
    void aTargetThatIsNoClassIsAnInputError() {
        InputError e = org.junit.jupiter.api.Assertions.assertThrows(InputError.class,
                () -> Targeting.parse("zebra", dataset.classNames()));
        assertTrue(e.getMessage().startsWith("--targeted takes least-likely, a class name or a class index from 0 to 9"), e.getMessage());
        assertEquals(3, Targeting.parse("3", dataset.classNames()).targetClass());
    }
}
