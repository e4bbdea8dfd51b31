package dev.vigil.cli.bench;

import dev.vigil.attacks.drift.DriftConfig;
import dev.vigil.attacks.drift.DriftFamily;
import dev.vigil.attacks.drift.DriftProbe;
import dev.vigil.core.audit.AuditContext;
import dev.vigil.core.audit.AuditRecorder;
import dev.vigil.core.audit.Probe;
import dev.vigil.core.audit.Progress;
import dev.vigil.core.data.Dataset;
import dev.vigil.core.eval.CleanEvaluation;
import dev.vigil.core.eval.CleanOutcome;
import dev.vigil.core.model.Classifier;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;

/** The benchmark's stages, each through Vigil's own probe code, with the raw passes its floor runs. */
public final class BenchStages {
    private final Classifier classifier;
    private final Dataset dataset;
    private final CleanOutcome clean;
    private final int batchSize;
    private final EngineFloor floor;
    private final Path scratch;

    public BenchStages(Classifier classifier, Dataset dataset, CleanOutcome clean, int batchSize, EngineFloor floor, Path scratch) {
        this.classifier = classifier;
        this.dataset = dataset;
        this.clean = clean;
        this.batchSize = batchSize;
        this.floor = floor;
        this.scratch = scratch;
    }

    /** The peer script's key for a stage's seconds, or null when the peer has no such stage. */
    public static String peerKey(String stage) {
        return switch (stage) {
            case "clean" -> "clean";
            default -> null;
        };
    }

    public List<BenchStage> all() {
        int n = dataset.samples().size();
        int angles = DriftConfig.DEFAULT_ANGLES.size();
        return List.of(
                new BenchStage("clean", n, BenchStage.passes(0, 1), () -> floor.seconds(1, 0), "clean",
                        () -> CleanEvaluation.run(classifier, dataset, batchSize, Progress.SILENT, new AuditRecorder())),
                new BenchStage("rotation sweep (" + angles + " angles)", n, BenchStage.passes(0, angles),
                        () -> floor.seconds(angles, 0), null,
                        () -> runProbe(new DriftProbe(DriftConfig.defaults().withFamilies(EnumSet.of(DriftFamily.ROTATION))))));
    }

    private void runProbe(Probe probe) throws Exception {
        probe.run(new AuditContext(classifier, dataset, clean, batchSize, 0, scratch, Progress.SILENT, new AuditRecorder()));
    }
}
