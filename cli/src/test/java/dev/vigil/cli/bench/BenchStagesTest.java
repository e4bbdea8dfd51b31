package dev.vigil.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.attacks.adversarial.AdversarialProbe;
import dev.vigil.core.audit.AuditRecorder;
import dev.vigil.core.audit.Progress;
import dev.vigil.core.data.Dataset;
import dev.vigil.core.eval.CleanEvaluation;
import dev.vigil.core.eval.CleanOutcome;
import dev.vigil.core.model.TorchScriptClassifier;
import dev.vigil.core.testing.Fixtures;
import dev.vigil.core.testing.LinearFixture;
import dev.vigil.core.testing.TestImages;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bench's attack stages on the 3-class linear fixture, at their warm-up's tiny budgets (seconds): the AutoAttack
 * suite as an audit runs it and Vigil's cascade leave the same images robust, and the FGSM pass reports its checks apart.
 */
class BenchStagesTest {
    @TempDir
    Path dir;

    private static BenchStage named(List<BenchStage> stages, String start) {
        return stages.stream().filter(s -> s.name().startsWith(start)).findFirst()
                .orElseThrow(() -> new AssertionError("no stage " + start + " in " + stages.stream().map(BenchStage::name).toList()));
    }

    @Test
    void suiteAndCascadeStagesFaceTheTorchattacksEnsembleAndAgreeOnWhatSurvives() throws Exception {
        Path data = TestImages.folder(dir.resolve("images"), 8, 4, "a", "b", "c");
        Dataset dataset = Dataset.open(data);
        try (TorchScriptClassifier model = Fixtures.load("linear.pt", LinearFixture.SPEC, 3);
             AuditRecorder recorder = new AuditRecorder()) {
            CleanOutcome clean = CleanEvaluation.run(model, dataset, 16, Progress.SILENT, recorder).outcome();
            List<BenchStage> stages = new BenchStages(model, dataset, clean, 16, null, dir.resolve("scratch")).all(null);

            BenchStage suite = named(stages, "AutoAttack suite");
            BenchStage cascade = named(stages, "AutoAttack cascade");
            for (BenchStage s : List.of(suite, cascade)) {
                assertEquals(BenchStage.Peer.TORCHATTACKS, s.peer());
                assertEquals("autoattack", s.peerKey());
                assertNotNull(s.note());
            }
            assertTrue(suite.note().startsWith("unequal work"), suite.note());
            assertEquals("apgd_ce", named(stages, "APGD-CE").peerKey());
            assertEquals("apgd_t", named(stages, "APGD-T").peerKey());
            assertTrue(named(stages, "APGD-T").name().contains("(2 targets)"), "3 classes leave 2 targets");
            assertEquals("square", named(stages, "Square").peerKey());

            BenchStage.Outcome all = suite.warmUp().run();
            BenchStage.Outcome chained = cascade.warmUp().run();
            Integer ensemble = all.robust(suite.robustMetric());
            Integer cascaded = chained.robust(cascade.robustMetric());
            assertNotNull(ensemble, all.metrics().stream().map(m -> m.name()).toList().toString());
            assertNotNull(cascaded, chained.metrics().stream().map(m -> m.name()).toList().toString());
            // Each member's search on an image depends on that image alone, so the cascade leaves the ensemble's images.
            assertEquals(ensemble, cascaded);
            int cleanCorrect = (int) dataset.samples().stream().filter(s -> clean.correct(s.index())).count();
            for (String member : List.of("apgd-ce", "apgd-t", "square")) {
                Integer own = all.robust(member + ".linf.eps=8/255.robust_accuracy");
                assertTrue(own >= ensemble && own <= cleanCorrect, member + " " + own + ", ensemble " + ensemble);
            }
        }
    }

    @Test
    void theFgsmPassReportsItsSoundnessChecksAsAPartOfItsTime() throws Exception {
        Path data = TestImages.folder(dir.resolve("images"), 4, 4, "a", "b", "c");
        Dataset dataset = Dataset.open(data);
        try (TorchScriptClassifier model = Fixtures.load("linear.pt", LinearFixture.SPEC, 3);
             AuditRecorder recorder = new AuditRecorder()) {
            CleanOutcome clean = CleanEvaluation.run(model, dataset, 16, Progress.SILENT, recorder).outcome();
            BenchStage fgsm = named(new BenchStages(model, dataset, clean, 16, null, dir.resolve("scratch")).all(null), "FGSM sweep");
            assertEquals("fgsm_sweep", fgsm.peerKey());
            assertEquals(12, fgsm.part().images(), "a set smaller than the 256-image sample is checked whole");
            long start = System.nanoTime();
            BenchStage.Outcome out = fgsm.vigil().run();
            double total = (System.nanoTime() - start) / 1e9;
            Double checks = out.parts().get(AdversarialProbe.CHECKS_PART);
            assertNotNull(checks, out.parts().toString());
            assertTrue(checks > 0 && checks < total, checks + " s of checks in a " + total + " s run");
        }
    }
}
