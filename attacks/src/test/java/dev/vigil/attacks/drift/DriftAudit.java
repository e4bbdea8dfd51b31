package dev.vigil.attacks.drift;

import dev.vigil.core.audit.AuditContext;
import dev.vigil.core.audit.AuditRecorder;
import dev.vigil.core.audit.Progress;
import dev.vigil.core.data.Dataset;
import dev.vigil.core.eval.CleanEvaluation;
import dev.vigil.core.model.Classifier;
import dev.vigil.core.testing.TestContexts;
import java.nio.file.Path;

/** Runs the clean pass and then a drift probe, as the audit runner does, and keeps what they recorded. */
final class DriftAudit {
    private DriftAudit() {
    }

    static AuditRecorder run(Classifier model, Dataset dataset, DriftProbe probe, Path out, int batchSize, long seed,
                             Progress progress) throws Exception {
        return run(model, null, dataset, probe, out, batchSize, seed, progress);
    }

    /** With how the model was opened, for a probe that opens a baseline model the same way. */
    static AuditRecorder run(Classifier model, dev.vigil.core.model.ModelRequest request, Dataset dataset, DriftProbe probe,
                             Path out, int batchSize, long seed, Progress progress) throws Exception {
        AuditRecorder recorder = new AuditRecorder();
        dev.vigil.core.eval.CleanProbe.Readout clean = CleanEvaluation.run(model, dataset, batchSize, Progress.SILENT, recorder);
        AuditContext context = TestContexts.of(model, request, dataset, clean.outcome(), batchSize, seed, out, progress, recorder);
        probe.run(context);
        return recorder;
    }
}
