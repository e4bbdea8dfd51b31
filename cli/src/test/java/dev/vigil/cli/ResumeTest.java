package dev.vigil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.core.result.AuditResults;
import dev.vigil.core.result.ResultsJson;
import dev.vigil.core.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** vigil audit --resume after a SIGTERM gives the results of an uninterrupted run (issue 11). */
class ResumeTest {
    @TempDir
    Path dir;

    private List<String> audit(Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("audit", "--model", Fixtures.testdata("cifar/model.pt").toString(),
                "--data", Fixtures.testdata("cifar/images").toString(), "--mean", "0.4914,0.4822,0.4465", "--std", "0.2470,0.2435,0.2616",
                "--limit", "30", "--out", out.toString(), "--attacks", "pgd", "--norms", "linf", "--pgd-steps", "60",
                "--drift", "rotation", "--explain", "none", "--no-pdf", "--quiet"));
        args.addAll(List.of(extra));
        return args;
    }

    @Test
    void aResumeAfterTheFirstProbeGivesTheResultsOfAnUninterruptedRunAndChangedInputsAreRefused() throws Exception {
        Path out = dir.resolve("resumed");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dai.djl.offline=true", "dev.vigil.cli.Main"));
        command.addAll(audit(out));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("child.txt").toFile()).start();
        Path cleanDone = out.resolve("checkpoints/clean.shards");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!Files.exists(cleanDone) && child.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(Files.exists(cleanDone), "the clean probe was not checkpointed: " + Files.readString(dir.resolve("child.txt")));
        child.toHandle().destroy();
        assertTrue(child.waitFor(60, TimeUnit.SECONDS));
        assertEquals(3, child.exitValue(), Files.readString(dir.resolve("child.txt")));
        assertEquals(AuditResults.INTERRUPTED, ResultsJson.read(out.resolve("results.json")).state());

        CliRun changed = CliRun.of(audit(out, "--resume", "--angles", "20").toArray(String[]::new));
        assertEquals(2, changed.exitCode(), changed.err());
        assertTrue(changed.errorLine().contains("--resume refuses to continue the audit in " + out + ": the settings"), changed.err());

        CliRun resumed = CliRun.of(audit(out, "--resume").toArray(String[]::new));
        CliRun whole = CliRun.of(audit(dir.resolve("whole")).toArray(String[]::new));
        assertEquals(whole.exitCode(), resumed.exitCode(), resumed.err());
        assertEquals(withoutProvenance(dir.resolve("whole/results.json")), withoutProvenance(out.resolve("results.json")));
        assertEquals(Files.readString(dir.resolve("whole/samples.csv")), Files.readString(out.resolve("samples.csv")));
        assertFalse(Files.exists(out.resolve("checkpoints")), "a complete audit removes its checkpoints");
        assertEquals(RunFolder.COMPLETE, RunFolder.read(out).state());

        CliRun again = CliRun.of(audit(out, "--resume").toArray(String[]::new));
        assertEquals(2, again.exitCode());
        assertTrue(again.errorLine().contains("is already complete, so there is nothing to resume"), again.err());
    }

    @Test
    void aResumeWhereNoAuditRanIsOneSentence() {
        CliRun run = CliRun.of(audit(dir.resolve("empty"), "--resume").toArray(String[]::new));
        assertEquals(2, run.exitCode());
        assertTrue(run.errorLine().contains("--resume found no unfinished audit in"), run.err());
    }

    private static JsonNode withoutProvenance(Path results) throws java.io.IOException {
        ObjectNode tree = (ObjectNode) ResultsJson.mapper().readTree(results.toFile());
        tree.remove("provenance");
        return tree;
    }
}
