package dev.vigil.attacks.drift;

import dev.vigil.core.audit.AuditContext;
import dev.vigil.core.audit.AuditRecorder;
import dev.vigil.core.audit.Progress;
import dev.vigil.core.data.Dataset;
import dev.vigil.core.eval.CleanEvaluation;
import dev.vigil.core.model.Classifier;
import java.nio.file.Path;

/** Runs the clean pass and then a drift probe, as the audit runner does, and keeps what they recorded. */
final class DriftAudit {
    private DriftAudit() {
    }

    static AuditRecorder run(Classifier model, Dataset dataset, DriftProbe probe, Path out, int batchSize, long seed,
                             Progress progress) throws Exception {
        AuditRecorder recorder = new AuditRecorder();
        CleanEvaluation.Result clean = CleanEvaluation.run(model, dataset, batchSize, Progress.SILENT, recorder);
        AuditContext context = new AuditContext(model, dataset, clean.outcome(), batchSize, seed, out, progress, recorder);
        probe.run(context);
        return recorder;
    }
}
