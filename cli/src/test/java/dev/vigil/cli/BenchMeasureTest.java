package dev.vigil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.cli.bench.BenchStage;
import dev.vigil.cli.bench.StageResult;
import dev.vigil.core.result.Metric;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** How the bench times a stage: its warm-up, a part reported apart as its own row, the robust count it shows. */
class BenchMeasureTest {
    @Test
    void aReportedPartBecomesItsOwnRowAndTheStagesRowKeepsTheRest() throws Exception {
        AtomicInteger warmUps = new AtomicInteger();
        AtomicInteger runs = new AtomicInteger();
        BenchStage stage = new BenchStage("sweep", 100, "1 fwd", () -> 0.5, "fgsm_sweep", () -> {
            runs.incrementAndGet();
            Thread.sleep(60);
            return new BenchStage.Outcome(Map.of("checks", 0.04), List.of(Metric.proportion("x.robust_accuracy", 30, 100, "")));
        }).warmingUpWith(() -> {
            warmUps.incrementAndGet();
            return BenchStage.Outcome.NONE;
        }).withPart(new BenchStage.Part("checks", "checks row", 20, "2 fwd", () -> 0.01))
                .against(BenchStage.Peer.TORCHATTACKS, "apgd_ce", "x.robust_accuracy", "a note");

        List<StageResult> rows = BenchCommand.measure(stage);
        assertEquals(1, warmUps.get(), "the tiny warm-up, not a second full run");
        assertEquals(1, runs.get());
        assertEquals(2, rows.size());
        StageResult main = rows.get(0);
        StageResult part = rows.get(1);
        assertEquals("checks row", part.stage());
        assertEquals(0.04, part.vigilSeconds());
        assertEquals(0.01, part.floorSeconds());
        assertEquals(20, part.images());
        assertTrue(main.vigilSeconds() >= 0.06 - 0.04 - 1e-3 && main.vigilSeconds() < 5, "the run less the part: " + main.vigilSeconds());
        assertEquals(0.5, main.floorSeconds());
        assertEquals(30, main.vigilRobust());
        assertEquals("torchattacks", main.peer());
        assertEquals("a note", main.note());
    }

    @Test
    void aStageWhosePartWasNotReportedSaysItsRowIncludesIt() throws Exception {
        BenchStage stage = new BenchStage("sweep", 10, "1 fwd", () -> 0.5, null, () -> BenchStage.Outcome.NONE)
                .withPart(new BenchStage.Part("checks", "checks row", 2, "2 fwd", () -> 0.01));
        List<StageResult> rows = BenchCommand.measure(stage);
        assertEquals(1, rows.size());
        assertEquals("sweep (its checks were not reported apart: included)", rows.get(0).stage());
    }
}
