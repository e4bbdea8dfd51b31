package dev.vigil.cli;

import dev.vigil.cli.bench.BenchReport;
import dev.vigil.cli.bench.BenchStage;
import dev.vigil.cli.bench.BenchStages;
import dev.vigil.cli.bench.EngineFloor;
import dev.vigil.cli.bench.PeerOutcome;
import dev.vigil.cli.bench.PeerRun;
import dev.vigil.cli.bench.ProcessMemory;
import dev.vigil.cli.bench.StageResult;
import dev.vigil.core.audit.AuditRecorder;
import dev.vigil.core.audit.Progress;
import dev.vigil.core.data.Batch;
import dev.vigil.core.data.BatchStream;
import dev.vigil.core.data.Dataset;
import dev.vigil.core.data.InputSizes;
import dev.vigil.core.eval.CleanEvaluation;
import dev.vigil.core.model.EngineSetup;
import dev.vigil.core.model.InputSpec;
import dev.vigil.core.model.ModelLoader;
import dev.vigil.core.model.ModelRequest;
import dev.vigil.core.model.TorchScriptClassifier;
import dev.vigil.core.result.ResultsJson;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code vigil bench}: each stage's throughput through Vigil, beside the engine's floor (the same raw
 * passes on batches already in memory) and plain PyTorch on the same files, in one run.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Measures images per second of each audit stage through Vigil, the engine's floor",
            "(raw forward/backward passes on batches already in memory) and plain PyTorch on the same files."})
final class BenchCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, paramLabel = "DIR", description = "Labelled images (image folder; the peer reads only this layout).")
    Path data;

    @Mixin
    ModelOptions model;

    @Option(names = "--batch-size", defaultValue = "128", paramLabel = "N", description = "Images per batch. Default: ${DEFAULT-VALUE}.")
    int batchSize;

    @Option(names = "--peer", paramLabel = "FILE", defaultValue = "../shared/peers/pytorch_peer.py",
            description = "The plain-PyTorch peer script; missing means no peer column. Default: ${DEFAULT-VALUE}.")
    Path peer;

    @Option(names = "--torchattacks", paramLabel = "DIR",
            description = "A torchattacks 3.5.1 checkout (the folder holding the torchattacks package), put first on the peer's"
                    + " PYTHONPATH; without it the python's own path must find torchattacks, or its column says why it is empty.")
    Path torchattacks;

    @Option(names = "--torchattacks-peer", paramLabel = "FILE", defaultValue = "bench-data/torchattacks_peer.py",
            description = "The torchattacks peer script (APGD-CE, APGD-T, Square and their MultiAttack). Default: ${DEFAULT-VALUE}.")
    Path torchattacksPeer;

    @Option(names = "--python", defaultValue = "/usr/bin/python3", paramLabel = "EXE",
            description = "Python with torch for the peer. Default: ${DEFAULT-VALUE}.")
    String python;

    @Option(names = "--out", defaultValue = "bench-results", paramLabel = "DIR",
            description = "Where bench.json and bench.md go. Default: ${DEFAULT-VALUE}.")
    Path out;

    @Option(names = "--verbose", description = "Show engine log lines and stack traces of internal errors.")
    boolean verbose;

    @Override
    public Integer call() throws Exception {
        OptionChecks.atLeast("--batch-size", batchSize, 1, "");
        model.check();
        PrintStream log = System.err;
        int threads = model.threads > 0 ? model.threads : Runtime.getRuntime().availableProcessors();
        EngineSetup.start(threads);
        Dataset dataset = Dataset.open(data);
        InputSpec spec = model.imageSize != null ? InputSpec.parse(model.imageSize, model.channels)
                : InputSizes.infer(dataset, model.channels).spec();
        List<StageResult> results = new ArrayList<>();
        Path scratch = Files.createTempDirectory("vigil-bench");
        if (!ModelLoader.formatOf(model.model).name().equals("TorchScript")) {
            throw new dev.vigil.core.InputError("vigil bench measures against raw TorchScript passes of the PyTorch engine;"
                    + " give it a TorchScript model (.pt), not " + model.model.getFileName() + ".");
        }
        // The engine floor feeds the raw module as the classifier feeds it (its channels-last choice), so the
        // benchmark needs the TorchScript classifier itself.
        try (TorchScriptClassifier classifier = (TorchScriptClassifier) ModelLoader.open(new ModelRequest(model.model, spec,
                model.normalization(), dataset.classNames(), model.deviceChoice()))) {
            List<Batch> decoded = decodeAll(dataset, spec);
            long[] chw = {spec.channels(), spec.height(), spec.width()};
            dev.vigil.core.eval.CleanProbe.Readout clean;
            try (AuditRecorder recorder = new AuditRecorder()) {
                clean = CleanEvaluation.run(classifier, dataset, batchSize, Progress.SILENT, recorder);
            }
            try (EngineFloor floor = new EngineFloor(model.model, classifier.device(), model.normalization(), decoded, chw,
                    classifier.channelsLast());
                 EngineFloor igFloor = new EngineFloor(model.model, classifier.device(), model.normalization(),
                         BenchStages.igPathBatches(decoded, spec.pixelsPerImage(), batchSize), chw, classifier.channelsLast())) {
                BenchStages stages = new BenchStages(classifier, dataset, clean.outcome(), batchSize, floor, scratch);
                for (BenchStage stage : stages.all(igFloor)) {
                    log.println("bench: " + stage.name() + " ...");
                    results.addAll(measure(stage));
                }
                log.println("bench: full default audit ...");
                results.add(FullAuditStage.measure(model, data, batchSize, threads, floor, scratch.resolve("audit")));
            }
        }
        PeerRun.Inputs inputs = new PeerRun.Inputs(python, model.model, data, model.mean, model.std, batchSize, threads);
        log.println("bench: the plain-PyTorch peer ...");
        PeerOutcome pytorch = PeerRun.pytorch(inputs, peer, "1/255,2/255,4/255,8/255", 32, 50, 10, log);
        log.println("bench: the torchattacks peer (APGD-CE, APGD-T, Square, their MultiAttack) ...");
        PeerOutcome ta = PeerRun.torchattacks(inputs, torchattacksPeer, torchattacks, "8/255", log);
        List<PeerOutcome> peers = List.of(pytorch, ta);
        List<StageResult> withPeer = new ArrayList<>();
        for (StageResult r : results) {
            PeerOutcome own = BenchStage.Peer.TORCHATTACKS.title().equals(r.peer()) ? ta : pytorch;
            withPeer.add(r.withPeerOutput(own.output()));
        }
        for (PeerOutcome p : peers) {
            if (p.ran() && p.output().path("images").asInt(-1) != dataset.samples().size()) {
                log.println("bench: the " + p.peer() + " peer read " + p.output().path("images").asText("?") + " images, Vigil "
                        + dataset.samples().size() + "; its img/s are priced at Vigil's count.");
            }
        }
        String machine = Runtime.getRuntime().availableProcessors() + " cores, " + threads + " PyTorch threads, "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ", Java " + System.getProperty("java.version")
                + (pytorch.ran() ? ", peer torch " + pytorch.output().path("torch").asText() : "")
                + (ta.ran() ? ", torchattacks " + ta.output().path("torchattacks").asText() : "");
        String table = BenchReport.markdown(withPeer, machine, ProcessMemory.peakMb(), peers);
        System.out.println(table);
        Files.createDirectories(out);
        Files.writeString(out.resolve("bench.md"), table);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("machine", machine);
        json.put("stages", withPeer);
        json.put("peer", pytorch.ran() ? pytorch.output() : Map.of("not_run", pytorch.reason()));
        json.put("torchattacks_peer", ta.ran() ? ta.output() : Map.of("not_run", ta.reason()));
        Files.writeString(out.resolve("bench.json"), ResultsJson.mapper().writeValueAsString(json));
        return ExitCodes.OK;
    }

    private List<Batch> decodeAll(Dataset dataset, InputSpec spec) {
        List<Batch> batches = new ArrayList<>();
        try (BatchStream stream = new BatchStream(dataset.samples(), spec, batchSize)) {
            stream.forEach(b -> {
                if (b.size() > 0) {
                    batches.add(b);
                }
            });
        }
        return batches;
    }

    /**
     * A warm-up run of each (the stage itself, or its tiny-budget version), then one timed run, as the peers do; a
     * part the stage's code timed inside the run becomes a row of its own, and the stage's row keeps the rest.
     */
    static List<StageResult> measure(BenchStage stage) throws Exception {
        stage.warmUp().run();
        long start = System.nanoTime();
        BenchStage.Outcome outcome = stage.vigil().run();
        double vigil = (System.nanoTime() - start) / 1e9;
        stage.floor().seconds();
        double floorSeconds = stage.floor().seconds();
        Integer robust = stage.robustMetric() == null ? null : outcome.robust(stage.robustMetric());
        BenchStage.Part part = stage.part();
        Double partSeconds = part == null ? null : outcome.parts().get(part.key());
        double own = partSeconds == null ? vigil : vigil - partSeconds;
        List<StageResult> out = new ArrayList<>();
        String name = part != null && partSeconds == null ? stage.name() + " (its " + part.key() + " were not reported apart:"
                + " included)" : stage.name();
        out.add(new StageResult(name, stage.images(), stage.passes(), own, floorSeconds,
                stage.peer() == null ? null : stage.peer().title(), stage.peerKey(), null, ProcessMemory.residentMb(), robust, null,
                stage.note()));
        if (part != null && partSeconds != null) {
            part.floor().seconds();
            out.add(new StageResult(part.name(), part.images(), part.passes(), partSeconds, part.floor().seconds(), null, null, null,
                    ProcessMemory.residentMb(), null, null, null));
        }
        return out;
    }
}
