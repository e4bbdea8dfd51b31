package dev.vigil.core.eval;

import dev.vigil.core.audit.AuditContext;
import dev.vigil.core.audit.Probe;
import dev.vigil.core.audit.ProbeResults;
import dev.vigil.core.audit.Progress;
import dev.vigil.core.data.BatchStream;
import dev.vigil.core.data.Dataset;
import dev.vigil.core.data.Sample;
import dev.vigil.core.data.SkippedSample;
import dev.vigil.core.model.Classifier;
import dev.vigil.core.result.Format;
import dev.vigil.core.result.Metric;
import dev.vigil.core.result.SampleRow;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The clean pass: every sample once through the model without perturbation, one row each. Its
 * conclusion publishes the clean predictions the other probes compare against ({@link CleanOutcome#KEY})
 * and what was read ({@link #READOUT}: file hashes for provenance, skipped files), and records the
 * clean-performance metrics from the rows.
 */
public final class CleanProbe implements Probe<CleanProbe.Shard> {
    public static final String ID = "clean";
    public static final ProbeResults.Key<Readout> READOUT = new ProbeResults.Key<>("clean readout", Readout.class);

    /** One shard's pass: the files it hashed and skipped, and its throughput. */
    public record Shard(Map<String, String> fileHashes, List<SkippedSample> skipped, long images, double seconds)
            implements Serializable {
    }

    /**
     * What the clean pass read, over all shards.
     *
     * @param fileHashes      SHA-256 of every file read, by sample id
     * @param skipped         files that could not be used, in dataset order
     * @param imagesPerSecond throughput of the pass
     */
    public record Readout(CleanOutcome outcome, Map<String, String> fileHashes, List<SkippedSample> skipped,
                          double imagesPerSecond) implements Serializable {
    }

    /** No settings: the clean pass has none beyond the audit's. */
    public record Settings() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Settings settings() {
        return new Settings();
    }

    /** Every sample: the clean pass is what finds out which can be read. */
    @Override
    public List<Sample> samples(AuditContext context) {
        return context.dataset().samples();
    }

    @Override
    public Shard pass(AuditContext context, List<Sample> samples) throws Exception {
        Classifier classifier = context.classifier();
        List<String> classes = context.dataset().classNames();
        Map<String, String> hashes = new TreeMap<>();
        List<SkippedSample> skipped = new ArrayList<>();
        Progress.Task task = context.progress().start("clean evaluation", samples.size());
        long start = System.nanoTime();
        long read = 0;
        long correct = 0;
        try (BatchStream stream = new BatchStream(samples, classifier.inputSpec(), context.batchSize())) {
            for (var batch : stream) {
                if (batch.size() > 0) {
                    List<SampleRow> rows = new ArrayList<>(batch.size());
                    try (var scope = classifier.newBatchScope()) {
                        Predictions p = Predictions.of(classifier.logits(classifier.pixels(scope, batch.pixels(), batch.size())));
                        for (int i = 0; i < batch.size(); i++) {
                            Sample s = batch.samples().get(i);
                            int pred = p.predicted(i);
                            rows.add(new SampleRow(s.id(), ID, "", classes.get(s.label()), classes.get(pred), p.confidence(i),
                                    pred == s.label(), Map.of(CleanOutcome.TRUE_CLASS_CONFIDENCE,
                                    Format.exact(p.probability(i, s.label())))));
                            correct += pred == s.label() ? 1 : 0;
                        }
                    }
                    read += batch.size();
                    context.recorder().rows(ID, rows);
                }
                task.advance(batch.attempted());
            }
            hashes.putAll(stream.fileHashes());
            skipped.addAll(stream.skipped());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        task.finish(String.format(Locale.ROOT, "clean evaluation: accuracy %.4f on %d images, %.1f images/s",
                (double) correct / Math.max(1, read), read, read / Math.max(seconds, 1e-9)));
        return new Shard(hashes, skipped, read, seconds);
    }

    @Override
    public void conclude(AuditContext context, List<Shard> shards) {
        Dataset dataset = context.dataset();
        CleanOutcome outcome = CleanOutcome.fromRows(context.recorder().rowsOf(ID), dataset);
        Map<String, String> hashes = new TreeMap<>();
        List<SkippedSample> skipped = new ArrayList<>();
        long images = 0;
        double seconds = 0;
        for (Shard s : shards) {
            hashes.putAll(s.fileHashes());
            skipped.addAll(s.skipped());
            images += s.images();
            seconds += s.seconds();
        }
        Map<String, Integer> order = dataset.indexById();
        skipped.sort(Comparator.comparingInt(s -> order.getOrDefault(s.id(), Integer.MAX_VALUE)));
        context.results().publish(CleanOutcome.KEY, outcome);
        context.results().publish(READOUT, new Readout(outcome, hashes, List.copyOf(skipped), images / Math.max(seconds, 1e-9)));
        if (outcome.readCount() > 0) {
            ClassificationReport.record(outcome, dataset.classNames(), context.recorder());
            context.recorder().metric(Metric.of("data.samples_read", outcome.readCount(), null, "images read and audited"));
            context.recorder().metric(Metric.of("data.samples_skipped", skipped.size(), null,
                    "files skipped because they could not be decoded"));
        }
    }
}
