package dev.vigil.cli.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs a peer script on the same files, in the same benchmark invocation, and reads its per-stage seconds.
 * Both peers hold all images in memory before timing and time a run after a warm-up, so their numbers
 * exclude decoding: the plain-PyTorch peer (../shared/peers/pytorch_peer.py) and the torchattacks peer
 * (bench-data/torchattacks_peer.py).
 */
public final class PeerRun {
    private PeerRun() {
    }

    /** The same files and settings for every peer. */
    public record Inputs(String python, Path model, Path data, float[] mean, float[] std, int batchSize, int threads) {
    }

    /** The plain-PyTorch peer's outcome; a missing script or a failed run gives the reason, printed to {@code log}. */
    public static PeerOutcome pytorch(Inputs in, Path script, String eps, int igImages, int igSteps, int pgdSteps, PrintStream log)
            throws InterruptedException {
        String peer = BenchStage.Peer.PYTORCH.title();
        if (!Files.isRegularFile(script)) {
            return said(log, PeerOutcome.missing(peer, "no peer script at " + script + " (--peer)"));
        }
        List<String> args = List.of("--eps", eps, "--ig-images", Integer.toString(igImages), "--ig-steps", Integer.toString(igSteps),
                "--pgd-steps", Integer.toString(pgdSteps));
        return said(log, run(peer, in, script, args, Map.of()));
    }

    /**
     * The torchattacks peer's outcome at L∞ {@code eps}. {@code checkout} (a torchattacks source folder, or null to
     * rely on the interpreter's own path) goes first on PYTHONPATH; the script itself says when the import fails.
     */
    public static PeerOutcome torchattacks(Inputs in, Path script, Path checkout, String eps, PrintStream log) throws InterruptedException {
        String peer = BenchStage.Peer.TORCHATTACKS.title();
        if (!Files.isRegularFile(script)) {
            return said(log, PeerOutcome.missing(peer, "no torchattacks peer script at " + script + " (--torchattacks-peer)"));
        }
        if (checkout != null && !Files.isRegularFile(checkout.resolve("torchattacks").resolve("__init__.py"))) {
            return said(log, PeerOutcome.missing(peer, "--torchattacks " + checkout + " holds no torchattacks/__init__.py;"
                    + " give the folder of a torchattacks checkout that contains the torchattacks package"));
        }
        Map<String, String> env = new java.util.HashMap<>();
        if (checkout != null) {
            String path = System.getenv("PYTHONPATH");
            env.put("PYTHONPATH", checkout.toAbsolutePath() + (path == null || path.isEmpty() ? "" : java.io.File.pathSeparator + path));
        }
        return said(log, run(peer, in, script, List.of("--eps", eps), env));
    }

    private static PeerOutcome run(String peer, Inputs in, Path script, List<String> extra, Map<String, String> env)
            throws InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(in.python(), script.toString(), "--model", in.model().toString(), "--data",
                in.data().toString(), "--batch-size", Integer.toString(in.batchSize()), "--threads", Integer.toString(in.threads())));
        cmd.addAll(extra);
        if (in.mean() != null) {
            cmd.addAll(List.of("--mean", join(in.mean()), "--std", join(in.std())));
        }
        ProcessBuilder builder = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().putAll(env);
        try {
            Process process = builder.start();
            byte[] out = process.getInputStream().readAllBytes();
            return PeerOutcome.parse(peer, process.waitFor(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return PeerOutcome.missing(peer, "cannot run " + in.python() + " (--python): " + e.getMessage());
        }
    }

    private static PeerOutcome said(PrintStream log, PeerOutcome outcome) {
        if (!outcome.ran()) {
            log.println("bench: the " + outcome.peer() + " peer did not run: " + outcome.reason() + "; its column says so.");
        }
        return outcome;
    }

    private static String join(float[] values) {
        StringBuilder s = new StringBuilder();
        for (float v : values) {
            s.append(s.length() == 0 ? "" : ",").append(v);
        }
        return s.toString();
    }
}
