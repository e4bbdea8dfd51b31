package dev.vigil.explain;

import dev.vigil.core.audit.AuditContext;
import dev.vigil.core.audit.AuditRecorder;
import dev.vigil.core.audit.Progress;
import dev.vigil.core.data.Dataset;
import dev.vigil.core.eval.CleanEvaluation;
import dev.vigil.core.model.DeviceChoice;
import dev.vigil.core.model.InputSpec;
import dev.vigil.core.model.Normalization;
import dev.vigil.core.model.TorchScriptClassifier;
import dev.vigil.core.testing.Fixtures;
import dev.vigil.core.testing.TestContexts;
import java.nio.file.Path;

/** The bundled demo model on a class-balanced part of its images, with the clean pass done: an audit context for probe tests. */
final class DemoAudit {
    static final InputSpec SPEC = new InputSpec(3, 32, 32);
    static final Normalization NORM = new Normalization(new float[] {0.5f, 0.5f, 0.5f}, new float[] {0.25f, 0.25f, 0.25f});

    private DemoAudit() {
    }

    static TorchScriptClassifier model() {
        return TorchScriptClassifier.load(Fixtures.demo("model.pt"), SPEC, NORM, dataset(24).classNames(), DeviceChoice.CPU);
    }

    static Dataset dataset(int limit) {
        return Dataset.open(Fixtures.demo("images")).limit(limit, 1);
    }

    static AuditContext context(TorchScriptClassifier model, int limit, Path out, AuditRecorder recorder) throws Exception {
        Dataset data = dataset(limit);
        dev.vigil.core.eval.CleanProbe.Readout clean = CleanEvaluation.run(model, data, 64, Progress.SILENT, recorder);
        return TestContexts.of(model, data, clean.outcome(), 64, 5, out, Progress.SILENT, recorder);
    }
}
