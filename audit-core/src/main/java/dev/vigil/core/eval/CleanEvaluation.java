package dev.vigil.core.eval;

import dev.vigil.core.audit.AuditContext;
import dev.vigil.core.audit.AuditRecorder;
import dev.vigil.core.audit.ProbeResults;
import dev.vigil.core.audit.Progress;
import dev.vigil.core.data.Dataset;
import dev.vigil.core.model.Classifier;
import java.util.List;

/** The clean probe on its own, outside an audit: for tests, the benchmark and single-model tools. */
public final class CleanEvaluation {
    private CleanEvaluation() {
    }

    /** Runs the clean pass over every sample and its conclusion, recording rows and metrics in {@code recorder}. */
    public static CleanProbe.Readout run(Classifier classifier, Dataset dataset, int batchSize, Progress progress,
                                         AuditRecorder recorder) throws Exception {
        AuditContext context = new AuditContext(classifier, null, dataset, batchSize, 0, null, progress, recorder, new ProbeResults());
        CleanProbe probe = new CleanProbe();
        probe.conclude(context, List.of(probe.pass(context, dataset.samples())));
        return context.results().get(CleanProbe.READOUT);
    }
}
