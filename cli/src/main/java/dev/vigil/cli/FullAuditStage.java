package dev.vigil.cli;

import dev.vigil.attacks.adversarial.AttackCatalogue;
import dev.vigil.cli.bench.CountingClassifier;
import dev.vigil.cli.bench.EngineFloor;
import dev.vigil.cli.bench.ProcessMemory;
import dev.vigil.cli.bench.StageResult;
import dev.vigil.core.audit.Progress;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine;

/**
 * The benchmark's last stage: the full default audit, exactly as {@code vigil audit} runs it. Its floor
 * is the time the raw engine needs for the forward and forward+backward images the audit actually sent
 * through the model (counted), at the rates measured on the same batches.
 */
final class FullAuditStage {
    private FullAuditStage() {
    }

    static StageResult measure(ModelOptions model, Path data, int batchSize, int threads, EngineFloor floor, Path out)
            throws Exception {
        CommandLine root = Main.newCommandLine(AttackCatalogue.builtIn());
        root.parseArgs("audit", "--model", model.model.toString(), "--data", data.toString());
        AuditCommand command = root.getSubcommands().get("audit").getCommand();
        AtomicReference<CountingClassifier> counter = new AtomicReference<>();
        AuditRequest request = new AuditRequest(model.model, dev.vigil.core.data.DataLocation.of(data), model.labels, model.normalization(), model.imageSize,
                model.channels, model.deviceChoice(), threads, batchSize, 0, 0, out, "vigil bench (full default audit)",
                command.probes.probes(), false);
        long start = System.nanoTime();
        AuditRunner.Outcome outcome = new AuditRunner(Progress.SILENT, System.err, m -> {
            counter.set(new CountingClassifier(m));
            return counter.get();
        }).run(request);
        double seconds = (System.nanoTime() - start) / 1e9;
        outcome.recorder().close();
        double forwardRate = floor.images() / floor.seconds(1, 0);
        double backwardRate = floor.images() / floor.seconds(0, 1);
        long fwd = counter.get().forwardImages();
        long bwd = counter.get().backwardImages();
        double floorSeconds = fwd / forwardRate + bwd / backwardRate;
        return new StageResult("full default audit", outcome.results().dataset().samplesRead(),
                String.format(java.util.Locale.ROOT, "%.1f fwd+bwd + %.1f fwd per image (counted)",
                        (double) bwd / outcome.results().dataset().samplesRead(), (double) fwd / outcome.results().dataset().samplesRead()),
                seconds, floorSeconds, null, null, ProcessMemory.residentMb());
    }
}
