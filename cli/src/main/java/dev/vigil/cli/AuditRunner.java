package dev.vigil.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.core.audit.AuditContext;
import dev.vigil.core.audit.AuditInterrupted;
import dev.vigil.core.audit.AuditPipeline;
import dev.vigil.core.audit.AuditRecorder;
import dev.vigil.core.audit.Checkpoints;
import dev.vigil.core.audit.Hashing;
import dev.vigil.core.audit.PassRunner;
import dev.vigil.core.audit.Probe;
import dev.vigil.core.audit.ProbeResults;
import dev.vigil.core.audit.Progress;
import dev.vigil.core.data.Dataset;
import dev.vigil.core.data.InputSizes;
import dev.vigil.core.eval.CleanProbe;
import dev.vigil.core.eval.TwinParityProbe;
import dev.vigil.core.model.Classifier;
import dev.vigil.core.model.DeviceChoice;
import dev.vigil.core.model.TwinClassifier;
import dev.vigil.core.model.EngineInfo;
import dev.vigil.core.model.EngineSetup;
import dev.vigil.core.model.InputSpec;
import dev.vigil.core.model.ModelLoader;
import dev.vigil.core.model.ModelRequest;
import dev.vigil.core.result.AuditResults;
import dev.vigil.core.result.DatasetSummary;
import dev.vigil.core.result.Finding;
import dev.vigil.core.result.ModelSummary;
import dev.vigil.core.result.Provenance;
import dev.vigil.core.result.ResultsJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Runs one audit: reads the data, opens the model, runs the clean probe and then every requested probe
 * ({@link AuditPipeline}), and returns the results with their provenance and settings. A probe that
 * fails is recorded as a finding; the others still run and nothing already computed is lost.
 */
final class AuditRunner {
    /** The results, and whether a probe failed (an internal error, exit code 3). */
    record Outcome(AuditResults results, AuditRecorder recorder, boolean probeFailed, RunFolder folder) {
    }

    private final Progress progress;
    private final java.io.PrintStream log;

    private final java.util.function.UnaryOperator<Classifier> decorator;
    private final boolean verbose;
    private final PassRunner passes;

    AuditRunner(Progress progress, java.io.PrintStream log) {
        this(progress, log, java.util.function.UnaryOperator.identity(), false);
    }

    /** With a decorator around the loaded model, e.g. the benchmark's pass counter. */
    AuditRunner(Progress progress, java.io.PrintStream log, java.util.function.UnaryOperator<Classifier> decorator) {
        this(progress, log, decorator, false);
    }

    /** {@code verbose}: a failed probe's whole error (a TorchScript traceback) goes to the log, not only its last line. */
    AuditRunner(Progress progress, java.io.PrintStream log, java.util.function.UnaryOperator<Classifier> decorator, boolean verbose) {
        this(progress, log, decorator, verbose, PassRunner.LOCAL);
    }

    /** With the probes' per-sample passes run by {@code passes} (here, or sharded on a cluster). */
    AuditRunner(Progress progress, java.io.PrintStream log, java.util.function.UnaryOperator<Classifier> decorator, boolean verbose,
                PassRunner passes) {
        this.progress = progress;
        this.log = log;
        this.decorator = decorator;
        this.verbose = verbose;
        this.passes = passes;
    }

    /**
     * The data, input size and model request an audit request resolves to: computed the same way by the
     * audit and by each executor of a cluster run, so that both see the same samples.
     *
     * @param found    files the data path listed, before --limit
     * @param inferred the input size inferred from the images; null when --image-size gave it
     */
    record Setup(Dataset dataset, int found, InputSizes.Inferred inferred, InputSpec spec) {
        static Setup of(AuditRequest request) {
            Dataset dataset = Dataset.open(request.data(), request.labels());
            int found = dataset.samples().size();
            dataset = dataset.limit(request.limit(), request.seed());
            InputSizes.Inferred inferred = request.imageSize() != null ? null : InputSizes.infer(dataset, request.channels());
            InputSpec spec = inferred == null ? InputSpec.parse(request.imageSize(), request.channels()) : inferred.spec();
            return new Setup(dataset, found, inferred, spec);
        }

        ModelRequest modelRequest(AuditRequest request) {
            return new ModelRequest(request.model(), spec, request.normalization(), dataset.classNames(), request.device());
        }
    }

    Outcome run(AuditRequest request) throws Exception {
        return run(request, null);
    }

    /**
     * Runs the audit; with an {@code interruption}, a signal stops it at the next model call or progress step and
     * the outcome holds the probes that finished, marked {@link AuditResults#INTERRUPTED}.
     */
    Outcome run(AuditRequest request, Interruption interruption) throws Exception {
        Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        EngineSetup.start(request.threads());
        Setup setup = Setup.of(request);
        Dataset dataset = setup.dataset();
        int found = setup.found();
        InputSizes.Inferred inferred = setup.inferred();
        InputSpec spec = setup.spec();
        CleanProbe cleanProbe = new CleanProbe();
        JsonNode settings = settings(cleanProbe, request.twin(), request.probes());
        RunFolder folder = RunFolder.start(request.out(), request.commandLine(),
                RunIdentity.of(request.model(), dataset, settings, request, spec.toString()), request.resume());
        try {
            return run(request, interruption, started, dataset, found, inferred, spec, cleanProbe, settings, folder);
        } catch (Exception | Error e) {
            folder.finish(RunFolder.FAILED, null);
            throw e;
        }
    }

    private Outcome run(AuditRequest request, Interruption interruption, Instant started, Dataset dataset, int found,
                        InputSizes.Inferred inferred, InputSpec spec, CleanProbe cleanProbe, JsonNode settings, RunFolder folder)
            throws Exception {
        AuditRecorder recorder = new AuditRecorder();
        dataset.findings().forEach(recorder::finding);
        if (inferred != null) {
            inferred.mixedSizes().ifPresent(f -> {
                log.println("vigil: images differ in size. " + f.detail());
                recorder.finding(f);
            });
        }
        ModelRequest modelRequest = new ModelRequest(request.model(), spec, request.normalization(), dataset.classNames(),
                request.device());
        Classifier opened = open(modelRequest, request.twin());
        try (Classifier model = decorator.apply(opened)) {
            EngineInfo engine = model.engine();
            log.printf("vigil: %s on %s: %d images in %d classes, input %s, %s on %s, device %s%n", request.model().getFileName(),
                    request.data(), dataset.samples().size(), dataset.classNames().size(), spec, engine.format(), engine.name(),
                    model.device());
            AuditContext context = new AuditContext(interruption == null ? model : interruption.wrap(model), modelRequest, dataset,
                    request.batchSize(), request.seed(), request.out(), interruption == null ? progress : interruption.wrap(progress),
                    recorder, new ProbeResults());
            AuditInterrupted interrupted = null;
            AuditRecorder.Mark beforeClean = recorder.mark();
            Checkpoints checkpoints = folder.checkpoints();
            try {
                Checkpoints.run(cleanProbe, context, checkpoints, passes);
            } catch (AuditInterrupted e) {
                recorder.rollback(beforeClean);
                interrupted = e.during(cleanProbe.id());
            }
            CleanProbe.Readout clean = interrupted == null ? context.results().get(CleanProbe.READOUT) : null;
            if (clean != null && request.resume()) {
                checkFilesUnchanged(dataset, clean.fileHashes(), request);
            }
            if (clean != null && clean.failure() != null && clean.outcome().readCount() == 0) {
                throw new ModelRaisedError(clean.failure(), true);
            }
            if (clean != null && clean.outcome().readCount() == 0) {
                throw new dev.vigil.core.InputError("None of the " + dataset.samples().size()
                        + " image files could be decoded (first reason: " + clean.skipped().get(0).reason() + ").");
            }
            boolean probeFailed = false;
            if (clean != null && clean.failure() != null) {
                ModelRaisedError error = new ModelRaisedError(clean.failure(), false);
                log.println("vigil: " + error.getMessage());
                if (verbose) {
                    log.println(error.detail());
                }
                recorder.finding(Finding.warning("probe-failed-clean", "The model raised an error; the audit stopped",
                        error.getMessage() + " The results cover the " + clean.outcome().readCount()
                                + " images evaluated before that batch; no other probe ran."));
                probeFailed = true;
            } else if (clean != null) {
                try {
                    if (opened instanceof TwinClassifier pair) {
                        Checkpoints.run(new TwinParityProbe(pair, request.twin()), context, checkpoints);
                    }
                    probeFailed = AuditPipeline.run(context, request.probes(), log::println, verbose, checkpoints, passes);
                } catch (AuditInterrupted e) {
                    interrupted = e;
                }
            }
            if (interrupted != null) {
                recorder.finding(interruptedFinding(interruption, interrupted, cleanProbe, request.probes()));
            }
            Instant finished = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            java.util.Map<String, String> fileHashes = clean == null ? java.util.Map.of() : clean.fileHashes();
            Provenance provenance = new Provenance(VersionInfo.vigilVersion(), EngineSetup.djlVersion(),
                    engine.name().equals("PyTorch") ? engine.version() : null,
                    System.getProperty("java.version"), System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                    model.device().toString(), ai.djl.pytorch.jni.JniUtils.getNumThreads(), request.seed(),
                    started.toString(), finished.toString(), request.commandLine(), request.model().toString(),
                    folder.identity().modelSha256(), request.data().toString(), Hashing.manifest(fileHashes),
                    engine.name(), engine.version(), engine.format(), engine.modelMetadata());
            ModelSummary modelSummary = new ModelSummary(request.model().getFileName().toString(), provenance.modelSha256(),
                    spec.toString(), request.normalization().toString(), dataset.classNames().size());
            DatasetSummary data = clean == null
                    ? new DatasetSummary(dataset.layout(), dataset.classNames(), found, 0, 0, List.of(), List.of())
                    : new DatasetSummary(dataset.layout(), dataset.classNames(), found, clean.outcome().readCount(), clean.skipped().size(),
                    clean.skipped(), clean.outcome().classesAbsent(dataset.classNames()));
            AuditResults results = new AuditResults(AuditResults.SCHEMA_VERSION, provenance, modelSummary, data,
                    recorder.metrics(), recorder.findings(), recorder.sections()).withSettings(settings);
            return new Outcome(interrupted == null ? results : results.interrupted(), recorder, probeFailed, folder);
        }
    }

    /**
     * On --resume, the files the interrupted run read must be those it read then: the data listing is part of the
     * run's identity, but a file rewritten in place keeps its name.
     */
    private static void checkFilesUnchanged(Dataset dataset, java.util.Map<String, String> hashes, AuditRequest request)
            throws java.io.IOException {
        for (var s : dataset.samples()) {
            String before = hashes.get(s.id());
            if (before != null && !before.equals(dev.vigil.core.data.SampleFiles.sha256(s))) {
                throw new dev.vigil.core.InputError("--resume refuses to continue the audit in " + request.out() + ": the file "
                        + s.id() + " changed since the interrupted run; run without --resume to start the audit afresh.");
            }
        }
    }

    /** Names what stopped the audit, which probe it abandoned, and which finished. */
    private static Finding interruptedFinding(Interruption interruption, AuditInterrupted stop, CleanProbe clean, List<Probe<?>> probes) {
        List<String> ids = new java.util.ArrayList<>();
        ids.add(clean.id());
        probes.forEach(p -> ids.add(p.id()));
        int at = Math.max(0, ids.indexOf(stop.probeId()));
        String finished = at == 0 ? "none" : String.join(", ", ids.subList(0, at));
        String signal = interruption == null || interruption.received() == null ? "a stop request" : interruption.received();
        return new Finding("audit-interrupted", Finding.ERROR, "The audit was interrupted",
                "It received " + signal + " during the " + ids.get(at) + " probe, which was abandoned, and did not run "
                        + (at + 1 < ids.size() ? String.join(", ", ids.subList(at + 1, ids.size())) : "no other probe")
                        + ". These results hold only the probes that finished (" + finished + "); the verdict was not evaluated.");
    }

    /**
     * The audited model, paired with its gradient twin when one is given: the twin opens on the CPU, like the
     * ONNX models it stands beside, with the same input, normalization and labels.
     */
    private static Classifier open(ModelRequest request, TwinParityProbe.Settings twin) {
        Classifier audited = ModelLoader.open(request);
        if (twin == null) {
            return audited;
        }
        try {
            Classifier source = ModelLoader.open(new ModelRequest(Path.of(twin.gradientModel()), request.spec(),
                    request.normalization(), audited.labels(), DeviceChoice.CPU));
            try {
                return TwinClassifier.of(audited, source);
            } catch (RuntimeException e) {
                source.close();
                throw e;
            }
        } catch (RuntimeException e) {
            audited.close();
            throw e;
        }
    }

    /** Every probe's typed settings by probe id, as results.json records them. */
    static JsonNode settings(CleanProbe clean, List<Probe<?>> probes) {
        return settings(clean, (TwinParityProbe.Settings) null, probes);
    }

    /** As above, with the export-parity check's settings when a gradient twin is given ({@code twin} not null). */
    static JsonNode settings(CleanProbe clean, TwinParityProbe.Settings twin, List<Probe<?>> probes) {
        ObjectNode out = ResultsJson.mapper().createObjectNode();
        out.set(clean.id(), ResultsJson.mapper().valueToTree(clean.settings()));
        if (twin != null) {
            out.set(TwinParityProbe.ID, ResultsJson.mapper().valueToTree(twin));
        }
        for (Probe<?> p : probes) {
            out.set(p.id(), ResultsJson.mapper().valueToTree(p.settings()));
        }
        return out;
    }
}
