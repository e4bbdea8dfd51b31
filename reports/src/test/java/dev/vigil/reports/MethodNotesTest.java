package dev.vigil.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.core.result.Metric;
import java.util.List;
import org.junit.jupiter.api.Test;

class MethodNotesTest {
    static final MethodNotes NOTES = MethodNotes.bundled();

    @Test
    void everyMetricNameTheTeamUsesHasANoteWithAReference() {
        List<String> names = List.of("clean.accuracy", "clean.class.keep left.recall", "clean.class.x.precision", "clean.class.x.f1",
                "clean.macro_f1", "clean.mean_confidence_correct", "data.samples_read", "fgsm.linf.eps=8/255.robust_accuracy",
                "pgd.linf.eps=8/255.robust_accuracy", "pgd.l2.eps=0.5.robust_accuracy", "fgsm.linf.eps=8/255.attack_success_rate",
                "fgsm.linf.eps=8/255.mean_confidence_drop", "pgd.l2.eps=0.5.max_l2", "drift.rotation.15.accuracy",
                "drift.rotation.15.accuracy_drop", "drift.rotation.15.flip_rate", "drift.rotation.15.mcnemar_p",
                "drift.rotation.worst_of_k.accuracy", "drift.grayscale.flip_rate", "drift.corruption.gaussian_noise.3.accuracy",
                "drift.corruption.gaussian_noise.mce", "drift.corruption.mce", "explain.ig.completeness_gap",
                "explain.saliency.deletion_auc", "explain.ig.insertion_auc", "explain.saliency.randomization_spearman",
                "explain.ig.drift.rotation.spearman", "explain.smoothgrad.deletion_auc", "explain.occlusion.deletion_auc");
        for (String name : names) {
            MethodNotes.Note note = NOTES.noteFor(name).orElseThrow(() -> new AssertionError("no note for " + name));
            assertFalse(note.definition().isBlank(), name);
            assertFalse(note.reference().isBlank(), name);
        }
        assertEquals("robust-accuracy", NOTES.noteFor("pgd.l2.eps=0.5.robust_accuracy").orElseThrow().id(), "specific notes win over a family's");
        assertEquals("pgd", NOTES.noteFor("pgd.l2.eps=0.5.max_l2").orElseThrow().id());
        assertEquals("mcnemar", NOTES.noteFor("drift.grayscale.mcnemar_p").orElseThrow().id());
        assertEquals("ig-completeness", NOTES.noteFor("explain.ig.completeness_gap").orElseThrow().id());
        assertEquals("faithfulness", NOTES.noteFor("explain.ig.faithfulness.gain_over_random").orElseThrow().id());
        assertEquals("faithfulness", NOTES.noteFor("explain.control.edges.faithfulness.gain").orElseThrow().id());
        assertEquals("randomization", NOTES.noteFor("explain.ig.randomization.ssim").orElseThrow().id());
        assertEquals("deletion-insertion", NOTES.noteFor("explain.random_order.deletion_auc").orElseThrow().id());
    }

    @Test
    void unknownMetricsAreListedAsUncovered() {
        List<Metric> metrics = List.of(Metric.of("clean.accuracy", 1, 1, ""), Metric.of("newprobe.score", 1, 1, ""));
        assertEquals(List.of("newprobe.score"), NOTES.uncovered(metrics));
        assertEquals("clean-accuracy", NOTES.uses(metrics).get(0).note().id());
    }

    @Test
    void globsMatchLiterallyExceptForStars() {
        assertTrue(MethodNotes.glob("fgsm.*.robust_accuracy").matcher("fgsm.linf.eps=8/255.robust_accuracy").matches());
        assertFalse(MethodNotes.glob("fgsm.*.robust_accuracy").matcher("fgsmXlinf.robust_accuracy").matches(), "dots are literal");
        assertTrue(MethodNotes.glob("*.mcnemar_p").matcher("drift.rotation.15.mcnemar_p").matches());
        assertFalse(MethodNotes.glob("clean.accuracy").matcher("clean.accuracy_drop").matches());
    }

    @Test
    void everyNoteHasAUniqueId() {
        assertEquals(NOTES.all().size(), NOTES.all().stream().map(MethodNotes.Note::id).distinct().count());
        assertTrue(Limitations.bundled().size() >= 5);
    }
}
