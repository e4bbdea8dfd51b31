package dev.vigil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.core.result.ResultsJson;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {
    @Test
    void theDemoRunsEndToEndFromTheBundledFilesAndWritesEveryOutput(@TempDir Path out) throws Exception {
        CliRun run = CliRun.of("demo", "--out", out.toString(), "--limit", "48", "--quiet");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("Clean accuracy: 1.0000"), run.out());
        for (String file : new String[] {"index.html", "results.json", "samples.csv", "junit.xml", "summary.md"}) {
            assertTrue(Files.size(out.resolve(file)) > 0, file);
        }
        JsonNode results = ResultsJson.mapper().readTree(out.resolve("results.json").toFile());
        assertEquals(6, results.get("dataset").get("classNames").size());
        assertEquals(48, results.get("dataset").get("samplesRead").asInt());
        assertTrue(results.get("provenance").get("commandLine").asText().startsWith("vigil demo"));
    }
}
