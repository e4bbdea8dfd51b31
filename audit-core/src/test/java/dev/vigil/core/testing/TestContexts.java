package dev.vigil.core.testing;

import dev.vigil.core.audit.AuditContext;
import dev.vigil.core.audit.AuditRecorder;
import dev.vigil.core.audit.ProbeResults;
import dev.vigil.core.audit.Progress;
import dev.vigil.core.data.Dataset;
import dev.vigil.core.eval.CleanOutcome;
import dev.vigil.core.model.Classifier;
import dev.vigil.core.model.ModelRequest;
import java.nio.file.Path;

/** Audit contexts for running one probe in a test, after a clean pass whose outcome is given. */
public final class TestContexts {
    private TestContexts() {
    }

    public static AuditContext of(Classifier model, Dataset dataset, CleanOutcome clean, int batchSize, long seed, Path out,
                                  Progress progress, AuditRecorder recorder) {
        return of(model, null, dataset, clean, batchSize, seed, out, progress, recorder);
    }

    /** With how the model was opened, for probes that open a second model the same way. */
    public static AuditContext of(Classifier model, ModelRequest request, Dataset dataset, CleanOutcome clean, int batchSize,
                                  long seed, Path out, Progress progress, AuditRecorder recorder) {
        ProbeResults results = new ProbeResults();
        results.publish(CleanOutcome.KEY, clean);
        return new AuditContext(model, request, dataset, batchSize, seed, out, progress, recorder, results);
    }
}
