package dev.vigil.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.vigil.core.InputError;
import dev.vigil.core.audit.CheckpointFolder;
import dev.vigil.core.audit.Checkpoints;
import dev.vigil.core.result.AtomicFiles;
import dev.vigil.core.result.ResultsJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The output folder of one audit and its marker, {@code vigil-run.json}: written with state {@code running}
 * before any work, rewritten at the end with {@code complete}, {@code interrupted} or {@code failed}. A run
 * killed outright (SIGKILL, the OOM killer) leaves {@code running}, so its folder never passes for a finished
 * audit. Starting in a folder that holds an earlier audit first removes that audit's report files and evidence
 * images, so that none of them is mistaken for this run's or shown beside its report.
 *
 * <p>While the audit runs, each finished probe is checkpointed in {@value #CHECKPOINTS}/ ({@link CheckpointFolder});
 * {@code vigil audit --resume} continues an unfinished audit there after its last finished probe, if the model,
 * data listing and settings are the same. A complete audit removes its checkpoints.
 */
final class RunFolder {
    static final String MARKER = "vigil-run.json";
    /** What an audit writes into its output folder (besides the marker). */
    static final List<String> OUTPUTS = List.of("results.json", "samples.csv", "index.html", "report.pdf", "junit.xml", "summary.md",
            "compare.html", "compare.json", "compare.md", "images");
    static final String CHECKPOINTS = "checkpoints";

    static final String RUNNING = "running";
    static final String COMPLETE = "complete";
    static final String FAILED = "failed";

    /**
     * The marker's content.
     *
     * @param identity what the audit's results depend on: SHA-256 of the model file, of the data listing (sample ids
     *                 and labels) and of the settings
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Marker(String state, String started, String finished, long pid, String commandLine, RunIdentity identity,
                  String resultsSha256) {
    }

    private final Path out;
    private final Marker started;
    private boolean finished;

    private RunFolder(Path out, Marker started) {
        this.out = out;
        this.started = started;
    }

    /** Creates the folder, clears an earlier audit's outputs and checkpoints and marks it as running this audit. */
    static RunFolder start(Path out, String commandLine, RunIdentity identity) {
        return start(out, commandLine, identity, false);
    }

    /**
     * As {@link #start(Path, String, RunIdentity)}; with {@code resume}, the folder must hold an unfinished audit of
     * the same identity, whose checkpoints are kept (anything else is refused with one sentence).
     */
    static RunFolder start(Path out, String commandLine, RunIdentity identity, boolean resume) {
        if (resume) {
            checkResumable(out, identity);
        }
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new InputError("The output folder " + out + " could not be created (" + e.getMessage() + "); choose another with --out.", e);
        }
        if (!Files.isWritable(out)) {
            throw new InputError("The output folder " + out + " is not writable; choose another with --out.");
        }
        try {
            clearEarlierRun(out, resume);
            Marker marker = new Marker(RUNNING, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), null,
                    ProcessHandle.current().pid(), commandLine, identity, null);
            RunFolder folder = new RunFolder(out, marker);
            folder.write(marker);
            return folder;
        } catch (IOException e) {
            throw new InputError("The output folder " + out + " could not be prepared (" + e.getMessage() + "); choose another with --out.", e);
        }
    }

    /** The earlier audit's files, when the folder holds one (its marker or its results.json), and any leftover temporary file. */
    private static void clearEarlierRun(Path out, boolean resume) throws IOException {
        boolean earlier = Files.exists(out.resolve(MARKER)) || Files.exists(out.resolve("results.json"));
        if (earlier) {
            for (String name : OUTPUTS) {
                deleteTree(out.resolve(name));
            }
            if (!resume) {
                deleteTree(out.resolve(CHECKPOINTS));
            }
        }
        try (Stream<Path> files = Files.list(out)) {
            for (Path f : files.filter(f -> f.getFileName().toString().endsWith(AtomicFiles.SUFFIX)).toList()) {
                Files.deleteIfExists(f);
            }
        }
    }

    private static void deleteTree(Path path) throws IOException {
        if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (Files.isDirectory(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            try (Stream<Path> walk = Files.walk(path)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        } else {
            Files.delete(path);
        }
    }

    /** Refuses, in one sentence, a --resume where there is nothing to resume or the audit would not be the same. */
    private static void checkResumable(Path out, RunIdentity identity) {
        Marker earlier = read(out);
        String again = " run without --resume to start the audit afresh.";
        if (earlier == null || earlier.identity() == null) {
            throw new InputError("--resume found no unfinished audit in " + out + " (no readable " + MARKER + ");" + again);
        }
        if (COMPLETE.equals(earlier.state())) {
            throw new InputError("The audit in " + out + " is already complete, so there is nothing to resume;" + again);
        }
        RunIdentity before = earlier.identity();
        String changed = !before.modelSha256().equals(identity.modelSha256()) ? "the model file"
                : !before.dataListingSha256().equals(identity.dataListingSha256()) ? "the data (its files or labels)"
                : !before.settingsSha256().equals(identity.settingsSha256()) ? "the settings (options, seed, input size or Vigil's version)"
                : null;
        if (changed != null) {
            throw new InputError("--resume refuses to continue the audit in " + out + ": " + changed + " differ from those of the"
                    + " interrupted run, whose results would not be this audit's;" + again);
        }
    }

    Path out() {
        return out;
    }

    /** Where finished probes are checkpointed. */
    Checkpoints checkpoints() {
        return new CheckpointFolder(out.resolve(CHECKPOINTS));
    }

    RunIdentity identity() {
        return started.identity();
    }

    /**
     * Rewrites the marker with the run's final state and, where results.json was written, its SHA-256. The first
     * call decides: an error after the results were complete (a policy that cannot be evaluated) leaves them complete.
     */
    synchronized void finish(String state, String resultsSha256) {
        if (finished) {
            return;
        }
        finished = true;
        try {
            if (COMPLETE.equals(state)) {
                deleteTree(out.resolve(CHECKPOINTS));
            }
            write(new Marker(state, started.started(), Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), started.pid(),
                    started.commandLine(), started.identity(), resultsSha256));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("could not update " + out.resolve(MARKER), e);
        }
    }

    private void write(Marker marker) throws IOException {
        AtomicFiles.writeString(out.resolve(MARKER), ResultsJson.mapper().writeValueAsString(marker) + "\n");
    }

    /** The marker of the folder {@code out}, or null when it has none that can be read. */
    static Marker read(Path out) {
        Path file = out.resolve(MARKER);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return ResultsJson.mapper().readValue(file.toFile(), Marker.class);
        } catch (IOException e) {
            return null;
        }
    }
}
