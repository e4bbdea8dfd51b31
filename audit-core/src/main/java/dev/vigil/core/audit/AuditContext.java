package dev.vigil.core.audit;

import dev.vigil.core.data.Dataset;
import dev.vigil.core.eval.CleanOutcome;
import dev.vigil.core.model.Classifier;
import java.nio.file.Path;

/**
 * What every probe of one audit shares: the model, the data, the clean predictions, the seed, where
 * figures go, and where results are recorded.
 *
 * @param outputDir the report folder; probes write figures under {@code outputDir/images}
 */
public record AuditContext(Classifier classifier, Dataset dataset, CleanOutcome clean, int batchSize, long seed,
                           Path outputDir, Progress progress, AuditRecorder recorder) {
    public String className(int label) {
        return dataset.classNames().get(label);
    }
}
