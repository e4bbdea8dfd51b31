package dev.vigil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.attacks.adversarial.AdversarialPlan;
import dev.vigil.attacks.adversarial.AttackCatalogue;
import dev.vigil.core.perturb.Epsilon;
import dev.vigil.core.perturb.Norm;
import dev.vigil.core.result.ResultsJson;
import dev.vigil.core.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ConfigDefaultsTest {
    @TempDir
    Path dir;

    private Path config(String yaml) throws Exception {
        Path file = dir.resolve("vigil.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    /** Parses an audit command line the way Main does, config file included, without running it. */
    private static AuditCommand parse(String... args) {
        CommandLine cmd = Main.newCommandLine(AttackCatalogue.builtIn());
        ConfigDefaults.install(cmd, args);
        cmd.parseArgs(args);
        return cmd.getSubcommands().get("audit").getCommand();
    }

    @Test
    void theFileReplacesDefaultsAndTheCommandLineStillWins() throws Exception {
        Path file = config("""
                attacks: fgsm
                norms: [linf]
                eps: [1/255, 8/255]
                pgd-steps: 3
                drift: [rotation, grayscale]
                angles: [-10, 10]
                check-images: 64
                seed: 7
                quiet: true
                """);
        AuditCommand audit = parse("audit", "--config", file.toString(), "--model", "m.pt", "--data", "d", "--seed", "9");
        AdversarialPlan plan = audit.probes.attacks.plan();
        assertTrue(plan.runs(AttackCatalogue.FGSM));
        assertFalse(plan.runs(AttackCatalogue.PGD));
        assertEquals(List.of(Norm.LINF), plan.norms());
        assertEquals(List.of("1/255", "8/255"), plan.linfEpsilons().stream().map(Epsilon::text).toList());
        assertEquals("3", audit.spec.findOption("--pgd-steps").getValue(), "an attack's own option, from the catalogue");
        assertEquals(64, plan.checkImages());
        assertEquals(List.of("rotation", "grayscale"), audit.probes.drift.drift);
        assertTrue(audit.run.quiet);
        assertEquals(9, audit.run.seed, "the command line wins over the file");

        AuditCommand other = parse("audit", "--config=" + file, "--model", "m.pt", "--data", "d", "--eps", "2/255");
        assertEquals(List.of("2/255"), other.probes.attacks.plan().linfEpsilons().stream().map(Epsilon::text).toList());
        assertEquals(7, other.run.seed);
    }

    @Test
    void withoutAConfigTheBuiltInDefaultsHold() {
        AuditCommand audit = parse("audit", "--model", "m.pt", "--data", "d");
        assertNull(audit.run.config);
        assertEquals(AdversarialPlan.DEFAULT_CHECK_IMAGES, audit.probes.attacks.plan().checkImages());
        assertEquals(0, audit.run.seed);
    }

    @Test
    void requiredOptionsMayComeFromTheFile() throws Exception {
        Path file = config("model: m.pt\ndata: images/\n");
        AuditCommand audit = parse("audit", "--config", file.toString());
        assertEquals(Path.of("m.pt"), audit.model.model);
        assertEquals("images/", audit.data);
    }

    @Test
    void badFilesAreOneSentenceAndExitCodeTwo() throws Exception {
        CliRun unknown = CliRun.of("audit", "--config", config("epsilon: 8/255\n").toString(), "--model", "m.pt", "--data", "d");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.errorLine().contains("sets 'epsilon', which is not an option of 'vigil audit'"), unknown.err());
        assertTrue(unknown.errorLine().contains("eps, l2-eps"), unknown.err());

        CliRun nested = CliRun.of("audit", "--config", config("attacks: {fgsm: true}\n").toString(), "--model", "m.pt", "--data", "d");
        assertEquals(2, nested.exitCode());
        assertTrue(nested.errorLine().contains("'attacks'"), nested.err());

        CliRun missing = CliRun.of("audit", "--config", dir.resolve("nope.yaml").toString(), "--model", "m.pt", "--data", "d");
        assertEquals(2, missing.exitCode());
        assertTrue(missing.errorLine().startsWith("vigil: The config file "), missing.err());
        assertFalse(missing.err().contains("\tat "), "no stack trace");

        CliRun verbose = CliRun.of("audit", "--config", config("verbose: true\n").toString(), "--model", "m.pt", "--data", "d");
        assertEquals(2, verbose.exitCode());
        assertTrue(verbose.errorLine().contains("give --verbose on the command line"), verbose.err());

        CliRun list = CliRun.of("audit", "--config", config("- eps\n").toString(), "--model", "m.pt", "--data", "d");
        assertEquals(2, list.exitCode());
        assertTrue(list.errorLine().contains("must be a YAML mapping"), list.err());
    }

    @Test
    void anAuditRecordsItsConfigInTheProvenance() throws Exception {
        Path file = config("attacks: none\ndrift: none\nexplain: none\nlimit: 20\nquiet: true\n");
        Path out = dir.resolve("out");
        CliRun run = CliRun.of("audit", "--config", file.toString(), "--model", Fixtures.testdata("cifar/model.pt").toString(),
                "--data", Fixtures.testdata("cifar/images").toString(), "--mean", "0.4914,0.4822,0.4465",
                "--std", "0.2470,0.2435,0.2616", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("on 20 images"), run.out());
        JsonNode results = ResultsJson.mapper().readTree(out.resolve("results.json").toFile());
        String commandLine = results.get("provenance").get("commandLine").asText();
        assertTrue(commandLine.endsWith("(config " + file + ": attacks=none; drift=none; explain=none; limit=20; quiet=true)"), commandLine);
        assertFalse(results.get("metrics").toString().contains("fgsm"), "attacks: none took effect");
    }
}
