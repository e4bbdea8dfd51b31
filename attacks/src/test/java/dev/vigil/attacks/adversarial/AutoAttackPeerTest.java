package dev.vigil.attacks.adversarial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.core.data.Dataset;
import dev.vigil.core.data.Sample;
import dev.vigil.core.eval.CleanOutcome;
import dev.vigil.core.model.TorchScriptClassifier;
import dev.vigil.core.perturb.Epsilon;
import dev.vigil.core.perturb.Norm;
import dev.vigil.core.result.SampleRow;
import dev.vigil.core.result.Section;
import dev.vigil.core.testing.CifarFixture;
import dev.vigil.core.testing.Fixtures;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AutoAttack suite beside FGSM and PGD on the 40-image subset of the CIFAR fixture: APGD-CE, APGD-T
 * and Square against torchattacks 3.5.1 on the same images and settings (testdata/attack_peer.py,
 * testdata/attack_expected.json), and the relations every sound evaluation satisfies.
 */
class AutoAttackPeerTest {
    static final List<Epsilon> LINF = Epsilon.parseList(List.of("0", "1/255", "2/255"), "--eps");
    static final List<Epsilon> L2 = Epsilon.parseList(List.of("0", "0.25"), "--l2-eps");
    static final List<String> ATTACKS = List.of("fgsm", "pgd", "apgd-ce", "apgd-t", "square", "autoattack");

    @TempDir
    static Path out;
    static ProbeRun run;
    static JsonNode expected;

    /** The fixture's images whose file number is a multiple of 5, as the peer script chooses them. */
    static Dataset subset() {
        Dataset all = CifarFixture.dataset();
        List<Sample> chosen = new ArrayList<>();
        for (Sample s : all.samples()) {
            String name = s.id().substring(s.id().lastIndexOf('/') + 1);
            if (Integer.parseInt(name.substring(name.length() - 7, name.length() - 4)) % 5 == 0) {
                chosen.add(new Sample(chosen.size(), s.id(), s.path(), s.label()));
            }
        }
        return new Dataset(all.root(), all.layout(), all.classNames(), chosen);
    }

    @BeforeAll
    static void attack() throws Exception {
        expected = new ObjectMapper().readTree(Fixtures.testdata("attack_expected.json").toFile());
        Dataset dataset = subset();
        List<AdversarialPlan.ChosenAttack> attacks = List.of(
                new AdversarialPlan.ChosenAttack(AttackCatalogue.FGSM, new FgsmSettings()),
                new AdversarialPlan.ChosenAttack(AttackCatalogue.PGD, PgdSettings.DEFAULT),
                new AdversarialPlan.ChosenAttack(AttackCatalogue.APGD_CE, ApgdSettings.CE),
                new AdversarialPlan.ChosenAttack(AttackCatalogue.APGD_T, ApgdSettings.TARGETED),
                new AdversarialPlan.ChosenAttack(AttackCatalogue.SQUARE, new SquareSettings(expected.get("square_queries").asInt(), 0.8, 1)));
        AdversarialPlan plan = new AdversarialPlan(attacks, List.of(Norm.LINF, Norm.L2), LINF, L2, "none", 8);
        try (TorchScriptClassifier model = CifarFixture.model()) {
            CleanOutcome clean = ProbeRun.clean(model, dataset, 64);
            run = ProbeRun.of(model, dataset, clean, plan, 64, 0, out);
        }
    }

    private static int robust(String attack, Norm norm, Epsilon eps) {
        return (int) Math.round(run.metric(attack + "." + norm.id() + "." + eps.parameter() + ".robust_accuracy").value() * 40);
    }

    private static List<Epsilon> sweep(Norm norm) {
        return norm == Norm.LINF ? LINF : L2;
    }

    /** The peer's robust counts, one per seed, at a budget such as "linf.eps=1/255". */
    private static List<Integer> peer(String attack, String budget) {
        JsonNode values = expected.get("results").get(budget).get(attack);
        return StreamSupport.stream(values.spliterator(), false).map(JsonNode::asInt).toList();
    }

    /** The budgets the peer's file holds (every budget of the script, in the order it computed them). */
    private static List<String> budgets() {
        List<String> out = new ArrayList<>();
        expected.get("results").fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static int vigil(String attack, String budget) {
        return (int) Math.round(run.metric(attack + "." + budget + ".robust_accuracy").value() * 40);
    }

    private static void withinOneImageOfThePeer(String attack) {
        assertEquals(40, expected.get("ids").size());
        assertEquals(expected.get("clean_correct").asInt(), run.clean().correctCount());
        assertTrue(budgets().size() >= 2, budgets().toString());
        for (String budget : budgets()) {
            int vigil = vigil(attack, budget);
            for (int seed : peer(attack, budget)) {
                assertTrue(Math.abs(vigil - seed) <= 1, attack + " " + budget + ": Vigil " + vigil + " robust, torchattacks "
                        + peer(attack, budget));
            }
        }
    }

    @Test
    void apgdCeIsWithinOneImageOfTorchattacks() {
        withinOneImageOfThePeer("apgd-ce");
    }

    @Test
    void apgdTIsWithinOneImageOfTorchattacks() {
        withinOneImageOfThePeer("apgd-t");
    }

    /**
     * Square's squares are drawn per image in Vigil and per batch in torchattacks, so the draws cannot match:
     * Vigil must fall within the range of the peer's seeds, widened by one image on each side.
     */
    @Test
    void squareIsWithinTheRangeOfTorchattacksSeeds() {
        for (String budget : budgets()) {
            List<Integer> seeds = peer("square", budget);
            int vigil = vigil("square", budget);
            int low = seeds.stream().mapToInt(Integer::intValue).min().orElseThrow() - 1;
            int high = seeds.stream().mapToInt(Integer::intValue).max().orElseThrow() + 1;
            assertTrue(vigil >= low && vigil <= high, "square " + budget + ": Vigil " + vigil + ", torchattacks " + seeds);
        }
    }

    @Test
    void apgdIsAtLeastAsStrongAsPgdWhichIsAtLeastAsStrongAsFgsm() {
        for (Norm norm : Norm.values()) {
            for (Epsilon eps : sweep(norm)) {
                String at = norm + " " + eps.text();
                assertTrue(robust("apgd-ce", norm, eps) <= robust("pgd", norm, eps), "APGD-CE vs PGD " + at);
                assertTrue(robust("apgd-t", norm, eps) <= robust("pgd", norm, eps), "APGD-T vs PGD " + at);
                assertTrue(robust("pgd", norm, eps) <= robust("fgsm", norm, eps), "PGD vs FGSM " + at);
            }
        }
    }

    @Test
    void theEnsembleIsAtMostEachMemberAndExactlyTheImagesNoMemberBroke() {
        for (Norm norm : Norm.values()) {
            for (Epsilon eps : sweep(norm)) {
                int ensemble = robust("autoattack", norm, eps);
                for (String member : List.of("apgd-ce", "apgd-t", "square")) {
                    assertTrue(ensemble <= robust(member, norm, eps), member + " " + norm + " " + eps.text());
                }
                List<SampleRow> rows = run.rows("autoattack." + norm.id(), eps.parameter());
                assertEquals(40, rows.size());
                long robustRows = rows.stream().filter(r -> r.extra().get(AutoAttackSuite.BROKEN_BY).equals(AutoAttackSuite.ROBUST)).count();
                assertEquals(ensemble, robustRows);
                for (SampleRow r : rows) {
                    String by = r.extra().get(AutoAttackSuite.BROKEN_BY);
                    assertEquals(by.equals(AutoAttackSuite.ROBUST), r.correct(), r.sampleId() + " " + by);
                    if (!by.equals(AutoAttackSuite.ROBUST) && !by.equals(AutoAttackSuite.CLEAN_ERROR)) {
                        SampleRow member = run.rows(by + "." + norm.id(), eps.parameter()).stream()
                                .filter(m -> m.sampleId().equals(r.sampleId())).findFirst().orElseThrow();
                        assertFalse(member.correct(), "the member named broke " + r.sampleId());
                    }
                }
            }
        }
    }

    @Test
    void epsilonZeroGivesCleanAccuracy() {
        int clean = run.clean().correctCount();
        for (String attack : ATTACKS) {
            for (Norm norm : Norm.values()) {
                assertEquals(clean, robust(attack, norm, sweep(norm).get(0)), attack + " " + norm);
                assertEquals(0.0, run.metric(attack + "." + norm.id() + ".eps=0.perturbation_linf_max").value(), 0.0);
            }
        }
    }

    @Test
    void everyPerturbationStaysInsideItsBall() {
        for (String attack : ATTACKS) {
            for (Epsilon eps : LINF) {
                assertTrue(run.metric(attack + ".linf." + eps.parameter() + ".perturbation_linf_max").value() <= eps.value() + 1e-6, attack);
            }
            for (Epsilon eps : L2) {
                assertTrue(run.metric(attack + ".l2." + eps.parameter() + ".perturbation_l2_max").value() <= eps.value() + 1e-5, attack);
            }
        }
    }

    @Test
    void theSuiteHasASectionWithTheMembersCurvesAndWhoBrokeWhat() {
        Section section = run.recorder().sections().stream().filter(s -> s.id().equals("autoattack")).findFirst().orElseThrow();
        assertEquals(List.of("AutoAttack L∞", "APGD-CE L∞", "APGD-T L∞", "Square L∞"),
                section.charts().get(0).series().stream().map(c -> c.name()).toList());
        assertTrue(section.tables().get(0).title().contains("which attack broke each image first"), section.tables().get(0).title());
        assertTrue(section.summary().contains("without its fourth member FAB-T"), section.summary());
        List<String> ids = run.findingIds();
        assertFalse(ids.stream().anyMatch(i -> i.contains("weaker-than")), ids.toString());
    }
}
