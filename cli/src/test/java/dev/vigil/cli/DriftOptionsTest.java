package dev.vigil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.attacks.drift.DriftConfig;
import dev.vigil.attacks.drift.DriftFamily;
import dev.vigil.core.perturb.Fill;
import dev.vigil.core.result.ResultsJson;
import dev.vigil.core.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DriftOptionsTest {
    @TempDir
    Path dir;

    private static DriftOptions parse(String... drift) {
        AuditCommand command = new AuditCommand();
        List<String> args = new ArrayList<>(List.of("--model", "m.pt", "--data", "d"));
        args.addAll(Arrays.asList(drift));
        new CommandLine(command).parseArgs(args.toArray(String[]::new));
        return command.probes.drift;
    }

    @Test
    void driftRunsByDefaultWithTheIssuesDefaults() {
        DriftConfig config = parse().config();
        assertEquals(DriftConfig.defaults(), config);
        assertEquals(1, parse().probes().size());
        assertEquals("drift", parse().probes().get(0).id());
    }

    @Test
    void optionsSelectFamiliesAnglesFillCorruptionsAndSeverities() {
        DriftConfig config = parse("--drift", "rotation,corruptions", "--angles=-45,10.5", "--rotation-fill", "reflect",
                "--corruptions", "contrast,jpeg_compression", "--severities", "2,4").config();
        assertEquals(EnumSet.of(DriftFamily.ROTATION, DriftFamily.CORRUPTIONS), config.families());
        assertEquals(List.of(-45.0, 10.5), config.angles());
        assertEquals(Fill.REFLECT, config.fill());
        assertEquals(List.of("contrast", "jpeg_compression"), config.corruptions().stream().map(c -> c.id()).toList());
        assertEquals(List.of(2, 4), config.severities());
        assertEquals(List.of(-15.0, 15.0), parse("--angles", "-15,15").config().angles(), "a leading minus after a space works too");
        assertTrue(parse("--drift", "none").probes().isEmpty());
    }

    @Test
    void badDriftOptionsAreOneSentenceAndExitCode2() throws IOException {
        Path data = cifarCopy(1);
        String[][] bad = {{"--drift", "blur"}, {"--corruptions", "fog"}, {"--severities", "6"}, {"--rotation-fill", "wrap"},
            {"--angles", "ten"}, {"--baseline-model", dir.resolve("missing.pt").toString()},
            {"--drift", "rotation", "--baseline-model", Fixtures.testdata("cifar/model.pt").toString()}};
        for (String[] options : bad) {
            CliRun run = audit(data, options);
            assertEquals(2, run.exitCode(), String.join(" ", options) + ": " + run.err());
            assertTrue(!run.err().contains("\tat "), run.err());
        }
        assertTrue(audit(data, "--drift", "blur").errorLine().contains("--drift has the unknown probe 'blur'"));
        assertTrue(audit(data, "--baseline-model", dir.resolve("missing.pt").toString()).errorLine().contains("missing.pt does not exist"));
    }

    @Test
    void anAuditWritesDriftMetricsRowsAndReportSections() throws IOException {
        Path data = cifarCopy(1);
        CliRun run = audit(data, "--drift", "rotation,grayscale,corruptions", "--angles", "90", "--corruptions", "contrast",
                "--severities", "5", "--baseline-model", Fixtures.testdata("cifar/model.pt").toString());
        assertEquals(0, run.exitCode(), run.err());
        JsonNode results = ResultsJson.mapper().readTree(dir.resolve("out/results.json").toFile());
        List<String> names = new ArrayList<>();
        results.get("metrics").forEach(m -> names.add(m.get("name").asText()));
        // The model is its own baseline: an exact 1 also shows the baseline got the audited model's normalization.
        for (String name : List.of("drift.rotation.90.accuracy", "drift.rotation.90.accuracy_drop", "drift.rotation.90.flip_rate",
                "drift.rotation.90.mcnemar_p", "drift.rotation.worst_of_k.accuracy", "drift.grayscale.flip_rate",
                "drift.corruption.contrast.5.accuracy", "drift.corruption.contrast.mce", "drift.corruption.mce_normalized")) {
            assertTrue(names.contains(name), name);
        }
        results.get("metrics").forEach(m -> {
            if (m.get("name").asText().equals("drift.corruption.mce_normalized")) {
                assertEquals(1.0, m.get("value").asDouble(), 0, "the model is its own baseline");
            }
        });
        String csv = Files.readString(dir.resolve("out/samples.csv"));
        assertTrue(csv.lines().anyMatch(l -> l.contains(",drift.rotation,angle=90,")), "rotation rows");
        assertTrue(csv.lines().findFirst().orElseThrow().contains("flipped"));
        String html = Files.readString(dir.resolve("out/index.html"));
        assertTrue(html.contains("Drift: rotation") && html.contains("Drift: grayscale") && html.contains("Drift: common corruptions"));
    }

    private CliRun audit(Path data, String... drift) {
        List<String> args = new ArrayList<>(List.of("audit", "--model", Fixtures.testdata("cifar/model.pt").toString(), "--data",
                data.toString(), "--mean", "0.4914,0.4822,0.4465", "--std", "0.2470,0.2435,0.2616", "--out",
                dir.resolve("out").toString(), "--quiet", "--attacks", "none", "--explain", "none"));
        args.addAll(Arrays.asList(drift));
        return CliRun.of(args.toArray(String[]::new));
    }

    private Path cifarCopy(int perClass) throws IOException {
        Path dst = dir.resolve("data");
        if (Files.isDirectory(dst)) {
            return dst;
        }
        try (Stream<Path> classes = Files.list(Fixtures.testdata("cifar/images"))) {
            for (Path cls : classes.sorted().toList()) {
                Path target = Files.createDirectories(dst.resolve(cls.getFileName().toString()));
                try (Stream<Path> files = Files.list(cls)) {
                    for (Path f : files.sorted().limit(perClass).toList()) {
                        Files.copy(f, target.resolve(f.getFileName().toString()));
                    }
                }
            }
        }
        return dst;
    }
}
