package dev.vigil.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vigil.core.testing.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The peers' JSON read into the bench's rows, and a peer that cannot run saying why in the log and the table. */
class BenchPeerTest {
    @TempDir
    Path dir;

    private static final String FAKE_TORCHATTACKS = """
            {"images": 100, "threads": 2, "torch": "1.13.0", "torchattacks": "3.5.1", "clean_correct": 80,
             "apgd_ce_seconds": 20.0, "apgd_ce_images": 100, "apgd_ce_robust": 7,
             "autoattack_seconds": 40.0, "autoattack_images": 100, "autoattack_robust": 3}
            """;

    private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    private final PrintStream log = new PrintStream(logBytes, true, StandardCharsets.UTF_8);

    private String log() {
        return logBytes.toString(StandardCharsets.UTF_8);
    }

    private static StageResult row(String key, double vigilSeconds, Integer vigilRobust) {
        return new StageResult("stage " + key, 100, "passes", vigilSeconds, 5.0, BenchStage.Peer.TORCHATTACKS.title(), key, null, 0,
                vigilRobust, null, null);
    }

    /** A stand-in for python: a shell script that prints {@code stdout} and exits with {@code exit}, recording its environment. */
    private String fakePython(String stdout, int exit) throws Exception {
        Path json = Files.writeString(dir.resolve("out-" + exit + ".json"), stdout);
        Path script = dir.resolve("python-" + exit);
        Files.writeString(script, "#!/bin/sh\necho \"$PYTHONPATH\" > " + dir.resolve("pythonpath.txt") + "\ncat " + json + "\nexit " + exit + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script.toString();
    }

    private PeerRun.Inputs inputs(String python) {
        return new PeerRun.Inputs(python, dir.resolve("m.pt"), dir.resolve("images"), null, null, 128, 2);
    }

    private Path checkout() throws Exception {
        Path checkout = dir.resolve("ta");
        Files.createDirectories(checkout.resolve("torchattacks"));
        Files.writeString(checkout.resolve("torchattacks/__init__.py"), "");
        return checkout;
    }

    @Test
    void aPeersSecondsAndRobustCountsFillTheRowsThatNameThemAndNoOther() throws Exception {
        Path script = Files.writeString(dir.resolve("peer.py"), "");
        PeerOutcome out = PeerRun.torchattacks(inputs(fakePython(FAKE_TORCHATTACKS, 0)), script, checkout(), "8/255", log);
        assertTrue(out.ran(), String.valueOf(out.reason()));
        assertEquals(checkout().toAbsolutePath().toString(), Files.readString(dir.resolve("pythonpath.txt")).strip().split(":")[0]);

        StageResult apgd = row("apgd_ce", 10.0, 6).withPeerOutput(out.output());
        assertEquals(20.0, apgd.peerSeconds());
        assertEquals(5.0, apgd.peerImagesPerSecond(), 1e-12);
        assertEquals(2.0, apgd.versusPeer(), 1e-12);
        assertEquals(7, apgd.peerRobust());
        assertEquals(6, apgd.vigilRobust());
        StageResult square = row("square", 10.0, 4).withPeerOutput(out.output());
        assertNull(square.peerSeconds(), "the fake peer timed no Square");
        assertNull(square.versusPeer());

        String table = BenchReport.markdown(List.of(apgd, square), "test machine", 1, List.of(out));
        assertTrue(table.contains("| 5.0 | 2.00 | 2.00 | 6 / 7 |"), table);
        assertTrue(table.contains("Peer torchattacks: ran (torch 1.13.0, torchattacks 3.5.1)."), table);
        assertFalse(log().contains("did not run"), log());
    }

    @Test
    void theScriptsUnavailableAnswerBecomesTheReasonInTheLogAndUnderTheTable() throws Exception {
        Path script = Files.writeString(dir.resolve("peer.py"), "");
        String why = "torchattacks is not importable by python (ModuleNotFoundError: No module named 'torchattacks')";
        PeerOutcome out = PeerRun.torchattacks(inputs(fakePython("{\"unavailable\": \"" + why + "\"}", 3)), script, null, "8/255", log);
        assertFalse(out.ran());
        assertEquals(why, out.reason());
        assertTrue(log().contains("bench: the torchattacks peer did not run: " + why), log());

        StageResult apgd = row("apgd_ce", 10.0, 6).withPeerOutput(out.output());
        String table = BenchReport.markdown(List.of(apgd), "test machine", 1, List.of(out));
        assertTrue(table.contains("| torchattacks | not run (see below) |"), table);
        assertTrue(table.contains("| 6 / n/a |"), table);
        assertTrue(table.contains("Peer torchattacks: not run: " + why + "."), table);
    }

    @Test
    void aFailingPeerAMissingScriptAndAWrongCheckoutEachSayWhy() throws Exception {
        Path script = Files.writeString(dir.resolve("peer.py"), "");
        assertEquals("the torchattacks peer script failed (exit 1, its messages are above)",
                PeerRun.torchattacks(inputs(fakePython("Traceback ...", 1)), script, null, "8/255", log).reason());
        assertEquals("the torchattacks peer script printed no JSON object",
                PeerRun.torchattacks(inputs(fakePython("[1, 2]", 0)), script, null, "8/255", log).reason());
        assertTrue(PeerRun.torchattacks(inputs("/bin/true"), dir.resolve("absent.py"), null, "8/255", log).reason()
                .startsWith("no torchattacks peer script at "));
        assertTrue(PeerRun.torchattacks(inputs("/bin/true"), script, dir, "8/255", log).reason()
                .contains("holds no torchattacks/__init__.py"));
        assertTrue(PeerRun.pytorch(inputs("/bin/true"), dir.resolve("absent.py"), "8/255", 32, 50, 10, log).reason()
                .startsWith("no peer script at "));
        assertTrue(PeerRun.torchattacks(inputs(dir.resolve("no-python").toString()), script, null, "8/255", log).reason()
                .startsWith("cannot run "));
    }

    @Test
    void theRealPeerScriptSaysSoWhenTorchattacksIsNotImportable() throws Exception {
        Path python = Path.of("/usr/bin/python3");
        assumeTrue(Files.isExecutable(python), "no /usr/bin/python3");
        Process probe = new ProcessBuilder(python.toString(), "-c", "import torchattacks").redirectErrorStream(true).start();
        probe.getInputStream().readAllBytes();
        assumeTrue(probe.waitFor() != 0, "torchattacks is importable here without --torchattacks");
        Path script = Fixtures.repoRoot().resolve("bench-data/torchattacks_peer.py");
        PeerOutcome out = PeerRun.torchattacks(inputs(python.toString()), script, null, "8/255", log);
        assertFalse(out.ran());
        assertTrue(out.reason().startsWith("torchattacks is not importable by "), out.reason());
        assertTrue(out.reason().contains("--torchattacks DIR"), out.reason());
        assertTrue(log().contains("bench: the torchattacks peer did not run: torchattacks is not importable"), log());
    }
}
