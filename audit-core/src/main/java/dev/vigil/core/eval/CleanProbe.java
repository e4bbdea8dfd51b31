package dev.vigil.core.eval;

import dev.vigil.core.InputError;
import dev.vigil.core.audit.AuditContext;
import dev.vigil.core.audit.Probe;
import dev.vigil.core.audit.ProbeResults;
import dev.vigil.core.audit.Progress;
import dev.vigil.core.data.BatchStream;
import dev.vigil.core.data.Dataset;
import dev.vigil.core.data.Sample;
import dev.vigil.core.data.SkippedSample;
import dev.vigil.core.model.Classifier;
import dev.vigil.core.model.ModelFailure;
import dev.vigil.core.result.Finding;
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
    /** How many sample ids a finding names before it says "and N more". */
    private static final int NAMED = 5;

    public static final String ID = "clean";
    public static final ProbeResults.Key<Readout> READOUT = new ProbeResults.Key<>("clean readout", Readout.class);

    /**
     * One shard's pass: the files it hashed and skipped, the samples whose logits were not finite, its
     * throughput, and where the model itself failed, if it did (null when it did not); the rows of the batches
     * before that one are kept.
     */
    public record Shard(Map<String, String> fileHashes, List<SkippedSample> skipped, List<SkippedSample> nonFinite, long images,
                        double seconds, ModelFailed failure) implements Serializable {
    }

    /**
     * The model raised on the batch starting at {@code sampleId}; {@code cause} is the last line of its error,
     * {@code detail} the whole of it (for --verbose).
     */
    public record ModelFailed(String sampleId, String cause, String detail) implements Serializable {
    }

    /**
     * What the clean pass read, over all shards.
     *
     * @param fileHashes      SHA-256 of every file read, by sample id
     * @param skipped         files that could not be used, in dataset order
     * @param nonFinite       samples whose logits held NaN or infinite values, in dataset order: no prediction, no row
     * @param imagesPerSecond throughput of the pass
     * @param failure         where the model raised, stopping the pass, or null
     */
    public record Readout(CleanOutcome outcome, Map<String, String> fileHashes, List<SkippedSample> skipped,
                          List<SkippedSample> nonFinite, double imagesPerSecond, ModelFailed failure) implements Serializable {
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
        List<SkippedSample> nonFinite = new ArrayList<>();
        ModelFailed failure = null;
        Progress.Task task = context.progress().start("clean evaluation", samples.size());
        long start = System.nanoTime();
        long read = 0;
        long correct = 0;
        boolean first = true;
        try (BatchStream stream = new BatchStream(samples, classifier.inputSpec(), context.batchSize())) {
            for (var batch : stream) {
                if (batch.size() > 0) {
                    List<SampleRow> rows = new ArrayList<>(batch.size());
                    int n = batch.size();
                    int k = classes.size();
                    float[] logits;
                    try (var scope = classifier.newBatchScope()) {
                        logits = classifier.logits(classifier.pixels(scope, batch.pixels(), n)).toFloatArray();
                    } catch (ai.djl.engine.EngineException e) {
                        failure = new ModelFailed(batch.samples().get(0).id(), ModelFailure.lastLine(e), String.valueOf(e.getMessage()));
                        break;
                    }
                    NonFiniteLogits bad = NonFiniteLogits.of(logits, n, k);
                    if (first && bad.any()) {
                        throw new InputError("The model's logits for the first batch (" + n + " images, " + n * k
                                + " outputs) hold " + bad.counts() + " values; Vigil needs finite logits, so check the model's"
                                + " weights and what it expects as input (--mean, --std).");
                    }
                    first = false;
                    Predictions p = Predictions.of(logits, n, k);
                    for (int i = 0; i < n; i++) {
                        Sample s = batch.samples().get(i);
                        if (!bad.finite(i)) {
                            nonFinite.add(new SkippedSample(s.id(), "the model's logits for it are not finite (NaN or infinite)"));
                            continue;
                        }
                        int pred = p.predicted(i);
                        rows.add(new SampleRow(s.id(), ID, "", classes.get(s.label()), classes.get(pred), p.confidence(i),
                                pred == s.label(), Map.of(CleanOutcome.TRUE_CLASS_CONFIDENCE,
                                Format.exact(p.probability(i, s.label())))));
                        correct += pred == s.label() ? 1 : 0;
                        read++;
                    }
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
        return new Shard(hashes, skipped, nonFinite, read, seconds, failure);
    }

    @Override
    public void conclude(AuditContext context, List<Shard> shards) {
        Dataset dataset = context.dataset();
        CleanOutcome outcome = CleanOutcome.fromRows(context.recorder().rowsOf(ID), dataset);
        Map<String, String> hashes = new TreeMap<>();
        List<SkippedSample> skipped = new ArrayList<>();
        List<SkippedSample> nonFinite = new ArrayList<>();
        ModelFailed failure = null;
        long images = 0;
        double seconds = 0;
        for (Shard s : shards) {
            hashes.putAll(s.fileHashes());
            skipped.addAll(s.skipped());
            nonFinite.addAll(s.nonFinite());
            failure = failure == null ? s.failure() : failure;
            images += s.images();
            seconds += s.seconds();
        }
        Map<String, Integer> order = dataset.indexById();
        Comparator<SkippedSample> inDatasetOrder = Comparator.comparingInt(s -> order.getOrDefault(s.id(), Integer.MAX_VALUE));
        skipped.sort(inDatasetOrder);
        nonFinite.sort(inDatasetOrder);
        context.results().publish(CleanOutcome.KEY, outcome);
        context.results().publish(READOUT, new Readout(outcome, hashes, List.copyOf(skipped), List.copyOf(nonFinite),
                images / Math.max(seconds, 1e-9), failure));
        if (!nonFinite.isEmpty()) {
            context.recorder().finding(nonFiniteFinding(nonFinite, outcome.readCount()));
            context.recorder().metric(Metric.of("clean.samples_nonfinite", nonFinite.size(), null,
                    "images whose logits held NaN or infinite values, left out of every metric"));
        }
        if (outcome.readCount() > 0) {
            ClassificationReport.record(outcome, dataset.classNames(), context.recorder());
            context.recorder().metric(Metric.of("data.samples_read", outcome.readCount(), null, "images read and audited"));
            context.recorder().metric(Metric.of("data.samples_skipped", skipped.size(), null,
                    "files skipped because they could not be decoded"));
        }
    }

    private static Finding nonFiniteFinding(List<SkippedSample> nonFinite, int read) {
        List<String> ids = nonFinite.stream().limit(NAMED).map(SkippedSample::id).toList();
        String named = String.join(", ", ids) + (nonFinite.size() > NAMED ? " and " + (nonFinite.size() - NAMED) + " more" : "");
        return new Finding("nonfinite-logits", Finding.ERROR, "NaN or infinite logits on " + nonFinite.size()
                + (nonFinite.size() == 1 ? " image" : " images"),
                "The model's logits held NaN or infinite values for " + named + ". These images have no prediction: they are left"
                        + " out of every metric, which rest on the " + read + " images with finite logits, and the later probes do not"
                        + " use them. A model that overflows or divides by zero on some inputs is unfit for deployment as it is.");
    }
}
