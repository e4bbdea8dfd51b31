package dev.vigil.attacks.adversarial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.core.data.Dataset;
import dev.vigil.core.data.Sample;
import dev.vigil.core.eval.CleanOutcome;
import dev.vigil.core.model.TorchScriptClassifier;
import dev.vigil.core.perturb.Epsilon;
import dev.vigil.core.perturb.Norm;
import dev.vigil.core.testing.CifarFixture;
import dev.vigil.core.testing.Fixtures;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * APGD-CE, APGD-T and Square on the 40-image subset of the CIFAR fixture against torchattacks 3.5.1 on the
 * same images and settings (testdata/attack_peer.py, testdata/attack_expected.json).
 */
class AutoAttackPeerTest {
    static final List<Epsilon> LINF = Epsilon.parseList(List.of("1/255", "2/255"), "--eps");
    static final List<Epsilon> L2 = Epsilon.parseList(List.of("0.25"), "--l2-eps");

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
                new AdversarialPlan.ChosenAttack(AttackCatalogue.APGD_CE, ApgdSettings.CE),
                new AdversarialPlan.ChosenAttack(AttackCatalogue.APGD_T, ApgdSettings.TARGETED));
        AdversarialPlan plan = new AdversarialPlan(attacks, List.of(Norm.LINF, Norm.L2), LINF, L2, "none", 8);
        try (TorchScriptClassifier model = CifarFixture.model()) {
            CleanOutcome clean = ProbeRun.clean(model, dataset, 64);
            run = ProbeRun.of(model, dataset, clean, plan, 64, 0, out);
        }
    }

    private static int robust(String attack, Norm norm, Epsilon eps) {
        return (int) Math.round(run.metric(attack + "." + norm.id() + "." + eps.parameter() + ".robust_accuracy").value() * 40);
    }

    private static void withinOneImageOfThePeer(String attack) {
        assertEquals(expected.get("ids").size(), 40);
        assertEquals(expected.get("clean_correct").asInt(), run.clean().correctCount());
        for (Norm norm : Norm.values()) {
            for (Epsilon eps : norm == Norm.LINF ? LINF : L2) {
                JsonNode peer = expected.get("results").get(norm.id() + "." + eps.parameter()).get(attack);
                int vigil = robust(attack, norm, eps);
                for (JsonNode seed : peer) {
                    assertTrue(Math.abs(vigil - seed.asInt()) <= 1, attack + " " + norm + " " + eps.text() + ": Vigil " + vigil
                            + " robust, torchattacks " + peer);
                }
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
}
