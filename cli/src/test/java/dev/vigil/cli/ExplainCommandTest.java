package dev.vigil.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.core.result.ResultsJson;
import dev.vigil.core.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExplainCommandTest {
    @TempDir
    Path dir;

    private static final Path KEEP_LEFT = Fixtures.demo("images/keep_left/keep_left_000.png");
    private static final Path NO_ENTRY = Fixtures.demo("images/no_entry/no_entry_000.png");

    private CliRun explain(Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("explain", "--model", Fixtures.demo("model.pt").toString(),
                "--labels", Fixtures.demo("labels.txt").toString(), "--mean", "0.5,0.5,0.5", "--std", "0.25,0.25,0.25",
                "--image", KEEP_LEFT.toString(), "--image", NO_ENTRY.toString(), "--explain", "saliency,ig", "--ig-steps", "16",
                "--out", out.toString()));
        args.addAll(Arrays.asList(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void singleImagesGetAHeatmapPerMethodAndTheirCompletenessGap() throws Exception {
        CliRun run = explain(dir.resolve("a"));
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("predicted keep_left"), run.out());
        assertTrue(run.out().contains("predicted no_entry"), run.out());
        assertTrue(run.err().contains("explain ig: 2 images,") && run.err().contains("images/s"), run.err());
        JsonNode json = ResultsJson.mapper().readTree(dir.resolve("a/explanations.json").toFile());
        JsonNode first = json.get("images").get(0);
        assertEquals("keep_left", first.get("target").asText());
        JsonNode ig = first.get("explanations").get(1);
        assertEquals("ig", ig.get("method").asText());
        assertTrue(ig.get("completenessGapRelative").asDouble() < 0.05, ig.toString());
        for (String file : List.of("keep_left_000-saliency.png", "keep_left_000-ig.png", "no_entry_000-saliency.png", "no_entry_000-ig.png")) {
            assertTrue(Files.size(dir.resolve("a").resolve(file)) > 0, file);
        }
        assertEquals(0, explain(dir.resolve("b")).exitCode());
        assertArrayEquals(Files.readAllBytes(dir.resolve("a/no_entry_000-ig.png")), Files.readAllBytes(dir.resolve("b/no_entry_000-ig.png")));
    }

    @Test
    void saveAttributionsWritesEveryMethodsRawMapsAsNpyWithAnIndex() throws Exception {
        CliRun run = explain(dir.resolve("a"), "--save-attributions");
        assertEquals(0, run.exitCode(), run.err());
        Path folder = dir.resolve("a/attributions");
        for (String method : List.of("saliency", "ig")) {
            dev.vigil.explain.export.Npy.Array a = dev.vigil.explain.export.Npy.read(folder.resolve(method + ".npy"));
            assertArrayEquals(new int[] {2, 3, 32, 32}, a.shape(), method);
        }
        double sum = 0;
        for (float v : dev.vigil.explain.export.Npy.read(folder.resolve("ig.npy")).values()) {
            sum += v;
        }
        JsonNode json = ResultsJson.mapper().readTree(dir.resolve("a/explanations.json").toFile());
        assertEquals(json.get("images").get(0).get("explanations").get(1).get("attributionSum").asDouble()
                + json.get("images").get(1).get("explanations").get(1).get("attributionSum").asDouble(), sum, 1e-3,
                "the saved maps are the explained ones, signed");
        List<String> index = Files.readAllLines(folder.resolve("index.csv"));
        assertEquals(List.of("row,sample_id,target,label,prediction", "0," + KEEP_LEFT + ",1,,1", "1," + NO_ENTRY + ",3,,3"), index);
    }

    @Test
    void theTargetCanBeNamedByLabelOrIndex() throws Exception {
        assertEquals(0, explain(dir.resolve("a"), "--target", "keep_right").exitCode());
        JsonNode json = ResultsJson.mapper().readTree(dir.resolve("a/explanations.json").toFile());
        assertEquals("keep_right", json.get("images").get(1).get("target").asText());
        assertEquals("no_entry", json.get("images").get(1).get("predicted").asText());
        assertEquals(0, explain(dir.resolve("b"), "--target", "2").exitCode());
        assertEquals("keep_right", ResultsJson.mapper().readTree(dir.resolve("b/explanations.json").toFile())
                .get("images").get(0).get("target").asText());
    }

    @Test
    void mistakesAreOneSentenceAndExitCode2() {
        CliRun badTarget = explain(dir, "--target", "stop");
        assertEquals(2, badTarget.exitCode());
        assertTrue(badTarget.errorLine().contains("--target 'stop'"), badTarget.err());
        CliRun missing = CliRun.of("explain", "--model", Fixtures.demo("model.pt").toString(), "--image", dir.resolve("no.png").toString());
        assertEquals(2, missing.exitCode());
        assertTrue(missing.errorLine().contains("does not exist"), missing.err());
        assertEquals(2, explain(dir, "--explain", "none").exitCode());
        assertEquals(2, explain(dir, "--ig-rule", "simpson").exitCode());
        assertEquals(2, explain(dir, "--ig-baseline", "gray").exitCode());
        assertEquals(2, explain(dir, "--explain", "lime").exitCode());
        assertEquals(2, explain(dir, "--ig-steps", "0").exitCode());
        assertEquals(2, explain(dir, "--heatmap-channels", "mean").exitCode());
    }

    @Test
    void badExplanationOptionsOfAnAuditAreExitCode2() {
        for (String[] bad : new String[][] {{"--explain", "bogus"}, {"--explain-per-class", "0"}, {"--explain-target", "maybe"},
                {"--randomization-threshold", "2"}, {"--deletion-steps", "0"}, {"--smoothgrad-samples", "0"}}) {
            List<String> args = new ArrayList<>(List.of("audit", "--model", Fixtures.demo("model.pt").toString(),
                    "--data", Fixtures.demo("images").toString(), "--out", dir.toString(), "--quiet"));
            args.addAll(Arrays.asList(bad));
            CliRun run = CliRun.of(args.toArray(String[]::new));
            assertEquals(2, run.exitCode(), String.join(" ", bad) + ": " + run.err());
            assertTrue(run.errorLine().contains(bad[0]), run.err());
        }
    }
}
