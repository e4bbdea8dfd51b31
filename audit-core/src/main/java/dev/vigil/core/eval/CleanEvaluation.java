package dev.vigil.core.eval;

import dev.vigil.core.audit.AuditRecorder;
import dev.vigil.core.audit.Progress;
import dev.vigil.core.data.BatchStream;
import dev.vigil.core.data.Dataset;
import dev.vigil.core.data.Sample;
import dev.vigil.core.data.SkippedSample;
import dev.vigil.core.model.Classifier;
import dev.vigil.core.result.SampleRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The clean pass: every sample once through the model without perturbation. It yields the clean
 * predictions the other probes compare against, the file hashes for provenance and the skipped files.
 */
public final class CleanEvaluation {
    public static final String PROBE = "clean";

    /** What the clean pass found; {@code imagesPerSecond} is its throughput. */
    public record Result(CleanOutcome outcome, Map<String, String> fileHashes, List<SkippedSample> skipped,
                         double imagesPerSecond) {
    }

    private CleanEvaluation() {
    }

    public static Result run(Classifier classifier, Dataset dataset, int batchSize, Progress progress,
                             AuditRecorder recorder) throws Exception {
        int n = dataset.samples().size();
        CleanOutcome outcome = CleanOutcome.empty(n);
        for (Sample s : dataset.samples()) {
            outcome.labels()[s.index()] = s.label();
        }
        List<SampleRow> rows = new ArrayList<>();
        Map<String, String> hashes = new TreeMap<>();
        List<SkippedSample> skipped = new ArrayList<>();
        Progress.Task task = progress.start("clean evaluation", n);
        long start = System.nanoTime();
        try (BatchStream stream = new BatchStream(dataset.samples(), classifier.inputSpec(), batchSize)) {
            for (var batch : stream) {
                if (batch.size() > 0) {
                    try (var scope = classifier.newBatchScope()) {
                        Predictions p = Predictions.of(classifier.logits(classifier.pixels(scope, batch.pixels(), batch.size())));
                        for (int i = 0; i < batch.size(); i++) {
                            Sample s = batch.samples().get(i);
                            int pred = p.predicted(i);
                            outcome.predictions()[s.index()] = pred;
                            outcome.confidence()[s.index()] = p.confidence(i);
                            outcome.trueClassProbability()[s.index()] = p.probability(i, s.label());
                            rows.add(new SampleRow(s.id(), PROBE, "", dataset.classNames().get(s.label()),
                                    dataset.classNames().get(pred), p.confidence(i), pred == s.label(), Map.of()));
                        }
                    }
                }
                task.advance(batch.attempted());
            }
            hashes.putAll(stream.fileHashes());
            skipped.addAll(stream.skipped());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double rate = outcome.readCount() / Math.max(seconds, 1e-9);
        task.finish(String.format("clean evaluation: accuracy %.4f on %d images, %.1f images/s",
                (double) outcome.correctCount() / Math.max(1, outcome.readCount()), outcome.readCount(), rate));
        recorder.rows(rows);
        ClassificationReport.record(outcome, dataset.classNames(), recorder);
        return new Result(outcome, hashes, skipped, rate);
    }
}
