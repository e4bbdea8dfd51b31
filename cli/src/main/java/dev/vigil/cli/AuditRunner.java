package dev.vigil.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.core.audit.AuditContext;
import dev.vigil.core.audit.AuditPipeline;
import dev.vigil.core.audit.AuditRecorder;
import dev.vigil.core.audit.Hashing;
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
        EngineSetup.start(request.threads());
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
        ModelRequest modelRequest = new ModelRequest(request.model(), spec, request.normalization(), dataset.classNames(),
                request.device());
        Classifier opened = open(modelRequest, request.twin());
        try (Classifier model = decorator.apply(opened)) {
            EngineInfo engine = model.engine();
            log.printf("vigil: %s on %s: %d images in %d classes, input %s, %s on %s, device %s%n", request.model().getFileName(),
                    request.data(), dataset.samples().size(), dataset.classNames().size(), spec, engine.format(), engine.name(),
                    model.device());
            AuditContext context = new AuditContext(model, modelRequest, dataset, request.batchSize(), request.seed(),
                    request.out(), progress, recorder, new ProbeResults());
            CleanProbe cleanProbe = new CleanProbe();
            cleanProbe.run(context);
            CleanProbe.Readout clean = context.results().get(CleanProbe.READOUT);
            if (clean.outcome().readCount() == 0) {
                throw new dev.vigil.core.InputError("None of the " + dataset.samples().size()
                        + " image files could be decoded (first reason: " + clean.skipped().get(0).reason() + ").");
            }
            TwinParityProbe parity = null;
            if (opened instanceof TwinClassifier pair) {
                parity = new TwinParityProbe(pair, request.twin());
                parity.run(context);
            }
            boolean probeFailed = AuditPipeline.run(context, request.probes(), log::println);
            Instant finished = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            Provenance provenance = new Provenance(VersionInfo.vigilVersion(), EngineSetup.djlVersion(),
                    engine.name().equals("PyTorch") ? engine.version() : null,
                    System.getProperty("java.version"), System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                    model.device().toString(), ai.djl.pytorch.jni.JniUtils.getNumThreads(), request.seed(),
                    started.toString(), finished.toString(), request.commandLine(), request.model().toString(),
                    Hashing.sha256(request.model()), request.data().toString(), Hashing.manifest(clean.fileHashes()),
                    engine.name(), engine.version(), engine.format(), engine.modelMetadata());
            ModelSummary modelSummary = new ModelSummary(request.model().getFileName().toString(), provenance.modelSha256(),
                    spec.toString(), request.normalization().toString(), dataset.classNames().size());
            DatasetSummary data = new DatasetSummary(dataset.layout(), dataset.classNames(), found,
                    clean.outcome().readCount(), clean.skipped().size(), clean.skipped(),
                    clean.outcome().classesAbsent(dataset.classNames()));
            AuditResults results = new AuditResults(AuditResults.SCHEMA_VERSION, provenance, modelSummary, data,
                    recorder.metrics(), recorder.findings(), recorder.sections()).withSettings(settings(cleanProbe, parity, request.probes()));
            return new Outcome(results, recorder, probeFailed);
        }
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
        return settings(clean, null, probes);
    }

    private static JsonNode settings(CleanProbe clean, TwinParityProbe parity, List<Probe<?>> probes) {
        ObjectNode out = ResultsJson.mapper().createObjectNode();
        out.set(clean.id(), ResultsJson.mapper().valueToTree(clean.settings()));
        if (parity != null) {
            out.set(parity.id(), ResultsJson.mapper().valueToTree(parity.settings()));
        }
        for (Probe<?> p : probes) {
            out.set(p.id(), ResultsJson.mapper().valueToTree(p.settings()));
        }
        return out;
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
