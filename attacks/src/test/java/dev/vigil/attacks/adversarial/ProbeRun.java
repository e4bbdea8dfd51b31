package dev.vigil.attacks.adversarial;

import dev.vigil.core.audit.AuditRecorder;
import dev.vigil.core.audit.Progress;
import dev.vigil.core.data.Dataset;
import dev.vigil.core.eval.CleanEvaluation;
import dev.vigil.core.eval.CleanOutcome;
import dev.vigil.core.model.Classifier;
import dev.vigil.core.result.Finding;
import dev.vigil.core.result.Metric;
import dev.vigil.core.result.SampleRow;
import dev.vigil.core.testing.TestContexts;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Runs the adversarial probe the way an audit does (clean pass first) and gives access to what it recorded. */
record ProbeRun(AuditRecorder recorder, CleanOutcome clean) {
    static CleanOutcome clean(Classifier model, Dataset dataset, int batchSize) throws Exception {
        return CleanEvaluation.run(model, dataset, batchSize, Progress.SILENT, new AuditRecorder()).outcome();
    }

    static ProbeRun of(Classifier model, Dataset dataset, CleanOutcome clean, AdversarialPlan plan, int batchSize, long seed,
                       Path out) throws Exception {
        AuditRecorder recorder = new AuditRecorder();
        new AdversarialProbe(plan).run(TestContexts.of(model, dataset, clean, batchSize, seed, out, Progress.SILENT, recorder));
        return new ProbeRun(recorder, clean);
    }

    Metric metric(String name) {
        return recorder.metrics().stream().filter(m -> m.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no metric " + name + " among " + recorder.metrics().stream().map(Metric::name).toList()));
    }

    List<SampleRow> rows(String probe, String parameter) {
        return recorder.rows().stream().filter(r -> r.probe().equals(probe) && r.parameter().equals(parameter)).toList();
    }

    List<String> findingIds() {
        return recorder.findings().stream().map(Finding::id).toList();
    }

    Optional<Finding> finding(String idPrefix) {
        return recorder.findings().stream().filter(f -> f.id().startsWith(idPrefix)).findFirst();
    }
}
