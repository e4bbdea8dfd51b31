package dev.vigil.cli;

import dev.vigil.core.audit.AuditContext;
import dev.vigil.core.audit.AuditRecorder;
import dev.vigil.core.audit.Hashing;
import dev.vigil.core.audit.Probe;
import dev.vigil.core.audit.Progress;
import dev.vigil.core.data.Dataset;
import dev.vigil.core.data.InputSizes;
import dev.vigil.core.eval.CleanEvaluation;
import dev.vigil.core.model.EngineSetup;
import dev.vigil.core.model.InputSpec;
import dev.vigil.core.model.Classifier;
import dev.vigil.core.model.TorchScriptClassifier;
import dev.vigil.core.result.AuditResults;
import dev.vigil.core.result.DatasetSummary;
import dev.vigil.core.result.Finding;
import dev.vigil.core.result.Metric;
import dev.vigil.core.result.ModelSummary;
import dev.vigil.core.result.Provenance;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Runs one audit: reads the data, loads the model, runs the clean pass and every requested probe,
 * and returns the results. A probe that fails is recorded as a finding; the others still run and
 * nothing already computed is lost.
 */
final class AuditRunner {
    /** The results, and whether a probe failed (an internal error, exit code 3). */
    record Outcome(AuditResults results, AuditRecorder recorder, boolean probeFailed) {
    }

    private final Progress progress;
    private final java.io.PrintStream log;

    private final java.util.function.UnaryOperator<Classifier> decorator;

    AuditRunner(Progress progress, java.io.PrintStream log) {
        this(progress, log, java.util.function.UnaryOperator.identity());
    }

    /** With a decorator around the loaded model, e.g. the benchmark's pass counter. */
    AuditRunner(Progress progress, java.io.PrintStream log, java.util.function.UnaryOperator<Classifier> decorator) {
        this.progress = progress;
        this.log = log;
        this.decorator = decorator;
    }

    Outcome run(AuditRequest request) throws Exception {
        Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        var engine = EngineSetup.start(request.threads());
        Dataset dataset = Dataset.open(request.data(), request.labels());
        int found = dataset.samples().size();
        dataset = dataset.limit(request.limit(), request.seed());
        InputSizes.Inferred inferred = request.imageSize() != null ? null : InputSizes.infer(dataset, request.channels());
        InputSpec spec = inferred == null ? InputSpec.parse(request.imageSize(), request.channels()) : inferred.spec();
        createOutputFolder(request);
        AuditRecorder recorder = new AuditRecorder();
        dataset.findings().forEach(recorder::finding);
        if (inferred != null) {
            inferred.mixedSizes().ifPresent(f -> {
                log.println("vigil: images differ in size. " + f.detail());
                recorder.finding(f);
            });
        }
        boolean probeFailed = false;
        try (Classifier model = decorator.apply(TorchScriptClassifier.load(request.model(), spec, request.normalization(),
                dataset.classNames(), request.device()))) {
            log.printf("vigil: %s on %s: %d images in %d classes, input %s, device %s%n", request.model().getFileName(),
                    request.data(), dataset.samples().size(), dataset.classNames().size(), spec, model.device());
            CleanEvaluation.Result clean = CleanEvaluation.run(model, dataset, request.batchSize(), progress, recorder);
            if (clean.outcome().readCount() == 0) {
                throw new dev.vigil.core.InputError("None of the " + dataset.samples().size()
                        + " image files could be decoded (first reason: " + clean.skipped().get(0).reason() + ").");
            }
            recorder.metric(Metric.of("data.samples_read", clean.outcome().readCount(), null, "images read and audited"));
            recorder.metric(Metric.of("data.samples_skipped", clean.skipped().size(), null, "files skipped because they could not be decoded"));
            AuditContext context = new AuditContext(model, dataset, clean.outcome(), request.batchSize(), request.seed(),
                    request.out(), progress, recorder);
            for (Probe probe : request.probes()) {
                try {
                    probe.run(context);
                } catch (dev.vigil.core.InputError e) {
                    throw e;
                } catch (Exception | OutOfMemoryError e) {
                    probeFailed = true;
                    log.println("vigil: the " + probe.id() + " probe failed (" + e + "); the other results are kept.");
                    recorder.finding(Finding.warning("probe-failed-" + probe.id(), "The " + probe.id() + " probe failed",
                            "It stopped with " + e + ". Its results are missing from this report; the other probes ran."));
                }
            }
            Instant finished = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            Provenance provenance = new Provenance(VersionInfo.vigilVersion(), EngineSetup.djlVersion(), engine.getVersion(),
                    System.getProperty("java.version"), System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                    model.device().toString(), ai.djl.pytorch.jni.JniUtils.getNumThreads(), request.seed(),
                    started.toString(), finished.toString(), request.commandLine(), request.model().toString(),
                    Hashing.sha256(request.model()), request.data().toString(), Hashing.manifest(clean.fileHashes()));
            ModelSummary modelSummary = new ModelSummary(request.model().getFileName().toString(), provenance.modelSha256(),
                    spec.toString(), request.normalization().toString(), dataset.classNames().size());
            DatasetSummary data = new DatasetSummary(dataset.layout(), dataset.classNames(), found,
                    clean.outcome().readCount(), clean.skipped().size(), clean.skipped(),
                    clean.outcome().classesAbsent(dataset.classNames()));
            AuditResults results = new AuditResults(AuditResults.SCHEMA_VERSION, provenance, modelSummary, data,
                    recorder.metrics(), recorder.findings(), recorder.sections());
            return new Outcome(results, recorder, probeFailed);
        }
    }

    private static void createOutputFolder(AuditRequest request) {
        try {
            Files.createDirectories(request.out());
        } catch (IOException e) {
            throw new dev.vigil.core.InputError("The output folder " + request.out() + " could not be created ("
                    + e.getMessage() + "); choose another with --out.", e);
        }
        if (!Files.isWritable(request.out())) {
            throw new dev.vigil.core.InputError("The output folder " + request.out() + " is not writable; choose another with --out.");
        }
    }
}
