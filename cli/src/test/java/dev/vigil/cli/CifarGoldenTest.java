package dev.vigil.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.core.testing.Fixtures;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The full default audit of 100 CIFAR-fixture images gives the committed golden results.json. */
class CifarGoldenTest {
    @Test
    void theDefaultAuditOfTheCifarFixtureGivesTheGoldenResults(@TempDir Path out) throws Exception {
        CliRun run = CliRun.of("audit", "--model", Fixtures.testdata("cifar/model.pt").toString(),
                "--data", Fixtures.testdata("cifar/images").toString(), "--mean", "0.4914,0.4822,0.4465",
                "--std", "0.2470,0.2435,0.2616", "--limit", "100", "--threads", "2", "--out", out.toString(), "--quiet");
        assertTrue(run.exitCode() == 0 || run.exitCode() == 1, run.err());
        GoldenResults.assertMatches("cifar-limit100.json", out.resolve("results.json"));
    }
}
