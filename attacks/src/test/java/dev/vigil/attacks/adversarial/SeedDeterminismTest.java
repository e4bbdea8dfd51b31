package dev.vigil.attacks.adversarial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.core.data.Dataset;
import dev.vigil.core.eval.CleanOutcome;
import dev.vigil.core.model.TorchScriptClassifier;
import dev.vigil.core.perturb.Epsilon;
import dev.vigil.core.perturb.Norm;
import dev.vigil.core.result.SampleRow;
import dev.vigil.core.result.SamplesCsv;
import dev.vigil.core.testing.CifarFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit seed alone decides PGD's random starts: the same seed gives identical rows, another seed other starts. */
class SeedDeterminismTest {
    @TempDir
    Path dir;

    @Test
    void theSameSeedGivesIdenticalSamplesCsvAndAnotherSeedOtherRandomStarts() throws Exception {
        Dataset dataset = CifarFixture.dataset().limit(40, 0);
        AdversarialPlan plan = TestPlans.plan(true, true, List.of(Norm.LINF, Norm.L2),
                Epsilon.parseList(List.of("2/255", "8/255"), "--eps"), Epsilon.parseList(List.of("0.5"), "--l2-eps"),
                PgdSettings.DEFAULT, "none");
        List<SampleRow> first;
        List<SampleRow> again;
        List<SampleRow> other;
        try (TorchScriptClassifier model = CifarFixture.model()) {
            CleanOutcome clean = ProbeRun.clean(model, dataset, 16);
            first = ProbeRun.of(model, dataset, clean, plan, 16, 7, dir.resolve("a")).recorder().rows();
            again = ProbeRun.of(model, dataset, clean, plan, 16, 7, dir.resolve("b")).recorder().rows();
            other = ProbeRun.of(model, dataset, clean, plan, 16, 8, dir.resolve("c")).recorder().rows();
        }
        SamplesCsv.write(first, dir.resolve("first.csv"));
        SamplesCsv.write(again, dir.resolve("again.csv"));
        assertEquals(first, again);
        assertEquals(Files.readString(dir.resolve("first.csv")), Files.readString(dir.resolve("again.csv")));
        assertEquals(40 * 2 * 3, first.size());

        assertEquals(fgsm(first), fgsm(other), "FGSM has no randomness");
        List<String> pgdSizes = pgd(first).stream().map(r -> r.extra().get("perturbation_l2")).toList();
        List<String> otherSizes = pgd(other).stream().map(r -> r.extra().get("perturbation_l2")).toList();
        assertNotEquals(pgdSizes, otherSizes, "another seed starts PGD elsewhere, so the perturbations it ends with differ");
    }

    private static List<SampleRow> fgsm(List<SampleRow> rows) {
        return rows.stream().filter(r -> r.probe().startsWith("fgsm")).toList();
    }

    private static List<SampleRow> pgd(List<SampleRow> rows) {
        return rows.stream().filter(r -> r.probe().startsWith("pgd")).toList();
    }

    @Test
    void aRandomStartDependsOnTheSeedAndTheImageButNotOnItsBatch() {
        Epsilon eps = new Epsilon("8/255", 8 / 255.0);
        int pixels = 3 * 32 * 32;
        RandomStarts seven = new RandomStarts(7);
        for (Norm norm : Norm.values()) {
            float[] alone = seven.offsets(norm, eps, 0, new String[] {"c1/b.png"}, pixels);
            float[] inBatch = seven.offsets(norm, eps, 0, new String[] {"c0/a.png", "c1/b.png"}, pixels);
            assertArrayEquals(alone, java.util.Arrays.copyOfRange(inBatch, pixels, 2 * pixels));
            assertArrayEquals(alone, new RandomStarts(7).offsets(norm, eps, 0, new String[] {"c1/b.png"}, pixels));
            assertFalse(java.util.Arrays.equals(alone, new RandomStarts(8).offsets(norm, eps, 0, new String[] {"c1/b.png"}, pixels)));
            assertFalse(java.util.Arrays.equals(alone, seven.offsets(norm, eps, 1, new String[] {"c1/b.png"}, pixels)), "restarts differ");
            double linf = 0;
            double squares = 0;
            for (float v : alone) {
                linf = Math.max(linf, Math.abs(v));
                squares += v * v;
            }
            assertTrue((norm == Norm.LINF ? linf : Math.sqrt(squares)) <= eps.value() + 1e-7, "the start lies in the ball");
        }
    }
}
