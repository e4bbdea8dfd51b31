package dev.vigil.core.audit;

import dev.vigil.core.data.Dataset;
import dev.vigil.core.eval.CleanOutcome;
import dev.vigil.core.model.Classifier;
import dev.vigil.core.model.ModelLoader;
import dev.vigil.core.model.ModelRequest;
import java.nio.file.Path;

/**
 * What every probe of one audit shares: the model, the data, the seed, where figures go, where rows
 * and results are recorded, and what earlier probes published.
 *
 * @param modelRequest how the audited model was opened, so that a probe can open another file the
 *                     same way (a baseline model) with {@link #openModel}
 * @param outputDir    the report folder; probes write figures under {@code outputDir/images}
 * @param results      typed results of earlier probes, e.g. the clean predictions
 */
public record AuditContext(Classifier classifier, ModelRequest modelRequest, Dataset dataset, int batchSize, long seed,
                           Path outputDir, Progress progress, AuditRecorder recorder, ProbeResults results) {
    public String className(int label) {
        return dataset.classNames().get(label);
    }

    /** The clean predictions, which the clean probe publishes before any other probe runs. */
    public CleanOutcome clean() {
        return results.get(CleanOutcome.KEY);
    }

    /** Opens another model file with the audited model's input, normalization, labels and device. */
    public Classifier openModel(Path file) {
        return ModelLoader.open(modelRequest.withFile(file));
    }
}
