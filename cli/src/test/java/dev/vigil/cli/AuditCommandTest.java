package dev.vigil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.core.result.ResultsJson;
import dev.vigil.core.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditCommandTest {
    private static final String MEAN = "0.4914,0.4822,0.4465";
    private static final String STD = "0.2470,0.2435,0.2616";

    /** Clean evaluation only, to keep these input-handling tests fast. */
    private static final String[] NO_PROBES = {"--attacks", "none", "--drift", "none", "--explain", "none"};

    @TempDir
    Path dir;

    /** A copy of the first {@code perClass} images of three CIFAR fixture classes. */
    private Path smallCifarCopy(int perClass) throws IOException {
        Path src = Fixtures.testdata("cifar/images");
        Path dst = dir.resolve("data");
        List<Path> classes;
        try (Stream<Path> s = Files.list(src)) {
            classes = s.sorted().toList();
        }
        for (Path cls : classes) {
            Path target = Files.createDirectories(dst.resolve(cls.getFileName().toString()));
            try (Stream<Path> files = Files.list(cls)) {
                for (Path f : files.sorted().limit(perClass).toList()) {
                    Files.copy(f, target.resolve(f.getFileName().toString()));
                }
            }
        }
        return dst;
    }

    private CliRun audit(Path data, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("audit", "--model", Fixtures.testdata("cifar/model.pt").toString(),
                "--data", data.toString(), "--mean", MEAN, "--std", STD, "--out", dir.resolve("out").toString(), "--quiet"));
        args.addAll(Arrays.asList(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void aCorruptImageAmongGoodOnesIsSkippedListedAndTheAuditCompletes() throws IOException {
        Path data = smallCifarCopy(2);
        Files.writeString(data.resolve("c0_circle/broken.png"), "\u0089PNG but not really");
        CliRun run = audit(data, NO_PROBES);
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("on 20 images, 1 skipped"), run.out());
        JsonNode results = ResultsJson.mapper().readTree(dir.resolve("out/results.json").toFile());
        assertEquals(1, results.get("schemaVersion").asInt());
        assertEquals(21, results.get("dataset").get("samplesFound").asInt());
        assertEquals("c0_circle/broken.png", results.get("dataset").get("skipped").get(0).get("id").asText());
        assertEquals(64, results.get("provenance").get("modelSha256").asText().length());
        assertEquals(64, results.get("provenance").get("datasetSha256").asText().length());
        assertTrue(results.get("provenance").get("commandLine").asText().startsWith("vigil audit --model"));
        assertTrue(Files.readString(dir.resolve("out/samples.csv")).startsWith("sample_id,probe,parameter,label,prediction,confidence,correct"));
        String html = Files.readString(dir.resolve("out/index.html"));
        assertTrue(html.contains("broken.png"));
    }

    @Test
    void theSameRunTwiceGivesTheSameDatasetHashAndMetrics() throws IOException {
        Path data = smallCifarCopy(1);
        assertEquals(0, audit(data, NO_PROBES).exitCode());
        JsonNode first = ResultsJson.mapper().readTree(dir.resolve("out/results.json").toFile());
        assertEquals(0, audit(data, NO_PROBES).exitCode());
        JsonNode second = ResultsJson.mapper().readTree(dir.resolve("out/results.json").toFile());
        assertEquals(first.get("metrics"), second.get("metrics"));
        assertEquals(first.get("provenance").get("datasetSha256"), second.get("provenance").get("datasetSha256"));
    }

    @Test
    void aMissingModelFileIsOneSentenceAndExitCode2() throws IOException {
        Path data = smallCifarCopy(1);
        CliRun run = CliRun.of("audit", "--model", dir.resolve("missing.pt").toString(), "--data", data.toString(), "--quiet");
        assertEquals(2, run.exitCode());
        assertTrue(run.errorLine().contains("missing.pt does not exist"), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
    }

    @Test
    void dataAtAUriIsRefusedInOneSentenceNamingTheSparkJob() {
        CliRun run = CliRun.of("audit", "--model", Path.of(System.getProperty("vigil.repo.root"), "testdata", "cifar", "model.pt").toString(),
                "--data", "hdfs://namenode:8020/eval/images", "--quiet", "--out", dir.resolve("out").toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.errorLine().startsWith("vigil: The data path hdfs://namenode:8020/eval/images is a URI, and vigil audit reads local"),
                run.err());
        assertTrue(run.errorLine().contains("dev.vigil.spark.SparkAudit"), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
    }

    @Test
    void aFileThatIsNotTorchScriptIsExitCode2() throws IOException {
        Path data = smallCifarCopy(1);
        Path bogus = Files.writeString(dir.resolve("model.pt"), "not a model");
        CliRun run = CliRun.of("audit", "--model", bogus.toString(), "--data", data.toString(), "--quiet");
        assertEquals(2, run.exitCode());
        assertTrue(run.errorLine().contains("could not be loaded as TorchScript"), run.err());
        assertFalse(run.err().contains("\tat "), run.err());
    }

    @Test
    void anEmptyFolderIsExitCode2() throws IOException {
        Files.createDirectories(dir.resolve("empty/a"));
        CliRun run = CliRun.of("audit", "--model", Fixtures.testdata("cifar/model.pt").toString(), "--data",
                dir.resolve("empty").toString(), "--quiet");
        assertEquals(2, run.exitCode());
        assertTrue(run.errorLine().contains("holds no image files"), run.err());
    }

    @Test
    void aClassFolderThatIsNotInTheLabelFileIsExitCode2NamingIt() throws IOException {
        Path data = smallCifarCopy(1);
        Path labels = Files.writeString(dir.resolve("labels.txt"), "a\nb\nc\n");
        CliRun run = audit(data, "--labels", labels.toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.errorLine().contains("The class folders 'c0_circle', 'c1_square', 'c2_triangle', 'c3_cross', 'c4_ring' and 5 more"
                + " are not classes of the label file"), run.err());
    }

    @Test
    void aDataSetWithSomeOfTheModelsClassesIsAuditedAndTheReportNamesTheClassesItLacked() throws IOException {
        Path all = smallCifarCopy(2);
        Path data = dir.resolve("subset");
        for (String cls : List.of("c3_cross", "c7_checker")) {
            Files.move(all.resolve(cls), Files.createDirectories(data).resolve(cls));
        }
        List<String> classes = List.of("c0_circle", "c1_square", "c2_triangle", "c3_cross", "c4_ring", "c5_hstripes", "c6_vstripes",
                "c7_checker", "c8_diagonal", "c9_dots");
        Path labels = Files.writeString(dir.resolve("labels.txt"), String.join("\n", classes) + "\n");
        CliRun run = audit(data, "--labels", labels.toString(), "--attacks", "none", "--drift", "none", "--explain", "none");
        assertEquals(0, run.exitCode(), run.err());
        var results = dev.vigil.core.result.ResultsJson.read(dir.resolve("out/results.json"));
        assertEquals(classes, results.dataset().classNames());
        assertEquals(List.of("c0_circle", "c1_square", "c2_triangle", "c4_ring", "c5_hstripes", "c6_vstripes", "c8_diagonal", "c9_dots"),
                results.dataset().classesAbsent());
        var clean = results.sections().stream().filter(sec -> sec.id().equals("clean")).findFirst().orElseThrow();
        assertEquals(List.of("c3_cross", "c7_checker"), clean.tables().get(0).rows().stream().map(r -> r.get(0)).toList());
        assertEquals(2, clean.tables().get(1).rows().size());
        assertTrue(clean.summary().contains("The data held no readable image of 8 of the model's 10 classes (c0_circle, c1_square,"),
                clean.summary());
        assertTrue(results.metric("clean.class.c3_cross.recall").isPresent());
        assertFalse(results.metric("clean.class.c0_circle.recall").isPresent());
        String samples = Files.readString(dir.resolve("out/samples.csv"));
        assertTrue(samples.contains("c3_cross/cross_000.png,clean,,c3_cross,"), samples);
        assertTrue(Files.readString(dir.resolve("out/index.html")).contains("held no readable image of 8 of the model"));
    }

    @Test
    void aModelWhoseOutputDoesNotMatchTheLabelsIsExitCode2() throws IOException {
        Path data = smallCifarCopy(1);
        CliRun run = CliRun.of("audit", "--model", Fixtures.testdata("linear.pt").toString(), "--data", data.toString(),
                "--image-size", "4x4", "--quiet");
        assertEquals(2, run.exitCode());
        assertTrue(run.errorLine().contains("2-D logits [batch, 10]"), run.err());
    }

    @Test
    void badOptionValuesAreExitCode2() throws IOException {
        Path data = smallCifarCopy(1);
        assertEquals(2, audit(data, "--device", "tpu").exitCode());
        assertEquals(2, audit(data, "--image-size", "big").exitCode());
        assertEquals(2, audit(data, "--batch-size", "0").exitCode());
        assertEquals(2, audit(data, "--mean", "0.5,0.5,0.5").exitCode());
        assertEquals(2, CliRun.of("audit", "--no-such-option").exitCode());
    }

    @Test
    void negativeCountsAndNonFiniteNormalizationAreExitCode2WithOneSentence() throws IOException {
        Path data = smallCifarCopy(1);
        Map<List<String>, String> cases = Map.of(
                List.of("--limit", "-5"), "--limit must be at least 0 (0 audits every sample), not -5.",
                List.of("--threads", "-3"), "--threads must be at least 0 (0 uses one per core), not -3.",
                List.of("--batch-size", "0"), "--batch-size must be at least 1, not 0.",
                List.of("--channels", "2"), "--channels must be 1 (gray) or 3 (colour), not 2.",
                List.of("--mean", "NaN,0,0", "--std", "1,1,1"), "Every --mean value must be a finite number, but one is NaN.",
                List.of("--mean", "0,0,0", "--std", "1,Infinity,1"), "Every --std value must be a positive finite number, but one is Infinity.");
        for (Map.Entry<List<String>, String> c : cases.entrySet()) {
            List<String> args = new java.util.ArrayList<>(List.of("audit", "--model", Fixtures.testdata("cifar/model.pt").toString(),
                    "--data", data.toString(), "--out", dir.resolve("out").toString(), "--quiet"));
            args.addAll(c.getKey());
            CliRun run = CliRun.of(args.toArray(String[]::new));
            assertEquals(2, run.exitCode(), c.getKey() + ": " + run.err());
            assertEquals("vigil: " + c.getValue(), run.err().strip(), c.getKey().toString());
        }
    }

    @Test
    void helpAndVersionExitZero() {
        CliRun help = CliRun.of("audit", "--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.out().contains("--model=FILE"));
        CliRun version = CliRun.of("--version");
        assertEquals(0, version.exitCode());
        assertTrue(version.out().startsWith("vigil "));
    }

    /** picocli prints a warning instead of the text when a description holds a lone '%' (it is a format string). */
    @Test
    void everyHelpPageFormatsCleanly() {
        for (String command : new picocli.CommandLine(new VigilCommand()).getSubcommands().keySet()) {
            CliRun help = CliRun.of(command, "--help");
            assertEquals(0, help.exitCode(), command);
            assertFalse(help.out().contains("picocli WARN") || help.err().contains("picocli WARN"), command + ": " + help.err());
            assertTrue(help.out().contains("Usage: vigil " + command), command);
        }
    }
}
