package dev.vigil.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.core.model.DeviceChoice;
import dev.vigil.core.model.Normalization;
import dev.vigil.core.result.ResultsJson;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vigil demo}: the full audit on the bundled road-sign classifier and images. */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Audits the bundled demo: a small road-sign classifier whose classes depend on colour",
            "and orientation, so that drift probes find real weaknesses. Writes the same files as 'vigil audit'."})
final class DemoCommand implements Callable<Integer>, ProbeCommand {
    @Spec
    CommandSpec spec;

    @Mixin
    RunOptions run;

    @Option(names = "--device", defaultValue = "auto", paramLabel = "auto|cpu|gpu", description = "Where the model runs. Default: ${DEFAULT-VALUE}.")
    String device;

    @Option(names = "--threads", defaultValue = "0", paramLabel = "N", description = "CPU threads for PyTorch; 0 means one per core.")
    int threads;

    @Mixin
    ProbeSelection probes;

    @Mixin
    PolicyOptions policy;

    @Override
    public ProbeSelection probeSelection() {
        return probes;
    }

    @Override
    public Integer call() throws Exception {
        run.check();
        OptionChecks.atLeast("--threads", threads, 0, " (0 uses one per core)");
        Path demo = DemoFiles.extract(Path.of(System.getProperty("java.io.tmpdir"), "vigil-demo-" + VersionInfo.vigilVersion()));
        JsonNode settings = ResultsJson.mapper().readTree(demo.resolve("demo.json").toFile());
        JsonNode size = settings.get("image_size");
        Normalization normalization = new Normalization(floats(settings.get("mean")), floats(settings.get("std")));
        DeviceChoice deviceChoice = DeviceChoice.parse(device);
        AuditRequest request = new AuditRequest(demo.resolve("model.pt"), dev.vigil.core.data.DataLocation.of(demo.resolve("images")), demo.resolve("labels.txt"),
                normalization, size.get(0).asInt() + "x" + size.get(1).asInt(), 3, deviceChoice, threads, run.batchSize,
                run.seed, run.limit, run.out, CommandLines.current(spec), probes.probes(), false);
        System.err.println("vigil: demo files unpacked to " + demo);
        return AuditSession.runAndWrite(request, run, policy);
    }

    private static float[] floats(JsonNode array) {
        float[] out = new float[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) array.get(i).asDouble();
        }
        return out;
    }
}
