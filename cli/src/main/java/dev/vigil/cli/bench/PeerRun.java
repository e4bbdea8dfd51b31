package dev.vigil.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.core.result.ResultsJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the plain-PyTorch peer script on the same files, in the same benchmark invocation, and reads
 * its per-stage seconds. The peer holds all images in memory before timing and times a second run
 * after a warm-up, so its numbers exclude decoding.
 */
public final class PeerRun {
    private PeerRun() {
    }

    /** The peer's JSON output, or null with a reason printed when it cannot run. */
    public static JsonNode run(String python, Path script, Path model, Path data, float[] mean, float[] std,
                               int batchSize, int threads, String eps, int igImages, int igSteps, int pgdSteps,
                               java.io.PrintStream log) throws IOException, InterruptedException {
        if (!Files.isRegularFile(script)) {
            log.println("bench: no peer script at " + script + "; the peer column stays empty.");
            return null;
        }
        List<String> cmd = new ArrayList<>(List.of(python, script.toString(), "--model", model.toString(), "--data", data.toString(),
                "--batch-size", Integer.toString(batchSize), "--threads", Integer.toString(threads), "--eps", eps,
                "--ig-images", Integer.toString(igImages), "--ig-steps", Integer.toString(igSteps),
                "--pgd-steps", Integer.toString(pgdSteps)));
        if (mean != null) {
            cmd.addAll(List.of("--mean", join(mean), "--std", join(std)));
        }
        Process process = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(2, TimeUnit.HOURS) || process.exitValue() != 0) {
            log.println("bench: the peer script failed (exit " + process.exitValue() + "); the peer column stays empty.");
            return null;
        }
        return ResultsJson.mapper().readTree(new String(out, StandardCharsets.UTF_8));
    }

    private static String join(float[] values) {
        StringBuilder s = new StringBuilder();
        for (float v : values) {
            s.append(s.length() == 0 ? "" : ",").append(v);
        }
        return s.toString();
    }
}
