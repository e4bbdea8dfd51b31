package dev.vigil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.core.result.AtomicFiles;
import dev.vigil.core.result.AuditResults;
import dev.vigil.core.result.ResultsJson;
import dev.vigil.core.testing.Fixtures;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A killed or interrupted audit never leaves an earlier verdict or half a file behind (issue 11). */
class InterruptedAuditTest {
    @TempDir
    Path dir;

    @Test
    void sigtermAfterTheCleanPassWritesTheFinishedProbesMarkedInterruptedAndExitsWithCode3() throws Exception {
        Path out = dir.resolve("out");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dai.djl.offline=true", "-Dvigil.interruptGraceSeconds=30",
                "dev.vigil.cli.Main", "audit", "--model", Fixtures.testdata("cifar/model.pt").toString(),
                "--data", Fixtures.testdata("cifar/images").toString(), "--mean", "0.4914,0.4822,0.4465", "--std", "0.2470,0.2435,0.2616",
                "--out", out.toString(), "--attacks", "pgd", "--pgd-steps", "200", "--drift", "none", "--explain", "none"));
        Process child = new ProcessBuilder(command).redirectOutput(dir.resolve("stdout.txt").toFile()).start();
        StringBuilder err = new StringBuilder();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                err.append(line).append('\n');
                if (line.startsWith("clean evaluation: accuracy")) {
                    assertEquals("running", RunFolder.read(out).state(), "the marker says running while the audit runs");
                    long signalled = System.nanoTime();
                    child.toHandle().destroy(); // SIGTERM, leaving the streams open
                    assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child did not stop");
                    double seconds = (System.nanoTime() - signalled) / 1e9;
                    assertTrue(seconds < 15, "stopping took " + seconds + " s");
                    break;
                }
            }
            lines.lines().forEach(l -> err.append(l).append('\n'));
        }
        child.waitFor(60, TimeUnit.SECONDS);
        assertEquals(3, child.exitValue(), err.toString());
        assertTrue(err.toString().contains("vigil: SIGTERM received"), err.toString());
        AuditResults results = ResultsJson.read(out.resolve("results.json"));
        assertEquals(AuditResults.INTERRUPTED, results.state());
        assertTrue(results.metric("clean.accuracy").isPresent());
        assertTrue(results.metrics().stream().noneMatch(m -> m.name().startsWith("pgd.")), results.metrics().toString());
        var finding = results.findings().stream().filter(f -> f.id().equals("audit-interrupted")).findFirst().orElseThrow();
        assertTrue(finding.detail().startsWith("It received SIGTERM during the adversarial probe, which was abandoned"), finding.detail());
        assertNull(results.verdict());
        assertTrue(Files.readString(out.resolve("summary.md")).startsWith("## ✖ Vigil audit: INTERRUPTED"));
        assertTrue(Files.readString(out.resolve("index.html")).contains("INTERRUPTED"));
        assertFalse(Files.readString(out.resolve("samples.csv")).contains(",pgd"), "no rows of the abandoned probe");
        assertEquals(AuditResults.INTERRUPTED, RunFolder.read(out).state());
        assertTrue(Files.readString(dir.resolve("stdout.txt")).startsWith("Interrupted: "));
        assertNoTemporaryFiles(out);
    }

    @Test
    void anAuditStartingInAFolderOfAnEarlierRunRemovesThatRunsReportAndImagesAndMarksItselfRunning() throws IOException {
        Path out = Files.createDirectories(dir.resolve("out"));
        for (String name : List.of("results.json", "samples.csv", "index.html", "report.pdf", "junit.xml", "summary.md", "compare.md")) {
            Files.writeString(out.resolve(name), "from the earlier run");
        }
        Files.createDirectories(out.resolve("images/pgd"));
        Files.writeString(out.resolve("images/pgd/old.png"), "old evidence");
        Files.writeString(out.resolve(".summary.md" + AtomicFiles.SUFFIX), "half a file a killed run left");
        Files.writeString(out.resolve("notes.txt"), "the user's own file");
        RunIdentity identity = new RunIdentity("m", "d", "s");
        RunFolder folder = RunFolder.start(out, "vigil audit", identity);
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(List.of("notes.txt", "vigil-run.json"), files.map(f -> f.getFileName().toString()).sorted().toList());
        }
        RunFolder.Marker marker = RunFolder.read(out);
        assertEquals("running", marker.state());
        assertEquals(identity, marker.identity());
        assertEquals(ProcessHandle.current().pid(), marker.pid());
        folder.finish(RunFolder.COMPLETE, "abc");
        assertEquals("complete", RunFolder.read(out).state());
        assertEquals("abc", RunFolder.read(out).resultsSha256());
        folder.finish(RunFolder.FAILED, null);
        assertEquals("complete", RunFolder.read(out).state(), "the first final state stays");
    }

    @Test
    void aFolderWithoutAnEarlierAuditKeepsItsImagesFolder() throws IOException {
        Path out = Files.createDirectories(dir.resolve("out"));
        Files.createDirectories(out.resolve("images"));
        Files.writeString(out.resolve("images/photo.png"), "the user's image");
        RunFolder.start(out, "vigil audit", new RunIdentity("m", "d", "s"));
        assertTrue(Files.exists(out.resolve("images/photo.png")));
    }

    @Test
    void aFailedWriteLeavesNeitherTheTargetNorATemporaryFile() {
        Path target = dir.resolve("summary.md");
        try {
            AtomicFiles.write(target, temp -> {
                Files.writeString(temp, "half");
                throw new IOException("disk full");
            });
        } catch (IOException expected) {
            assertEquals("disk full", expected.getMessage());
        }
        assertFalse(Files.exists(target));
        assertNoTemporaryFiles(dir);
    }

    private static void assertNoTemporaryFiles(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            List<Path> temp = files.filter(f -> f.getFileName().toString().endsWith(AtomicFiles.SUFFIX)
                    || f.getFileName().toString().endsWith(".part")).toList();
            assertTrue(temp.isEmpty(), temp.toString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
