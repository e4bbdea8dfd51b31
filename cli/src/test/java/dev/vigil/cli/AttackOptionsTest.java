package dev.vigil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.attacks.adversarial.AdversarialPlan;
import dev.vigil.attacks.adversarial.AdversarialProbe;
import dev.vigil.attacks.adversarial.AttackCatalogue;
import dev.vigil.attacks.adversarial.PgdSettings;
import dev.vigil.core.InputError;
import dev.vigil.core.perturb.Epsilon;
import dev.vigil.core.perturb.Norm;
import dev.vigil.core.result.ResultsJson;
import dev.vigil.core.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class AttackOptionsTest {
    @TempDir
    Path dir;

    private static AttackOptions parse(String... args) {
        AttackOptions options = new AttackOptions();
        CommandLine command = new CommandLine(new Holder(options));
        options.install(command.getCommandSpec(), AttackCatalogue.builtIn());
        command.parseArgs(args);
        return options;
    }

    @CommandLine.Command
    static final class Holder {
        @CommandLine.Mixin
        AttackOptions options;

        Holder(AttackOptions options) {
            this.options = options;
        }
    }

    @Test
    void byDefaultBothAttacksRunInBothNormsWithTheStandardBudgets() {
        AdversarialPlan plan = parse().plan();
        assertTrue(plan.runs(AttackCatalogue.FGSM) && plan.runs(AttackCatalogue.PGD));
        assertEquals(List.of(Norm.LINF, Norm.L2), plan.norms());
        assertEquals(List.of("1/255", "2/255", "4/255", "8/255"), plan.linfEpsilons().stream().map(Epsilon::text).toList());
        assertEquals(List.of("0.25", "0.5", "1.0"), plan.l2Epsilons().stream().map(Epsilon::text).toList());
        assertEquals(10, ((PgdSettings) plan.settingsOf(AttackCatalogue.PGD)).steps());
        assertEquals(2 / 255.0, ((PgdSettings) plan.settingsOf(AttackCatalogue.PGD)).stepSize().at(8 / 255.0), 1e-12);
        assertEquals(1, ((PgdSettings) plan.settingsOf(AttackCatalogue.PGD)).restarts());
        assertEquals("none", plan.target());
        assertEquals(256, plan.checkImages());
        assertEquals(1, parse().probes().size());
        assertTrue(parse().probes().get(0) instanceof AdversarialProbe);
    }

    @Test
    void optionsChangeThePlan() {
        AdversarialPlan plan = parse("--attacks", "pgd", "--norms", "l2", "--l2-eps", "1,0.5", "--pgd-steps", "20",
                "--pgd-step-size", "1/255", "--pgd-restarts", "3", "--targeted", "least-likely", "--check-images", "1000").plan();
        assertEquals(1000, plan.checkImages());
        assertFalse(plan.runs(AttackCatalogue.FGSM));
        assertEquals(List.of(Norm.L2), plan.norms());
        assertEquals(List.of("0.5", "1"), plan.l2Epsilons().stream().map(Epsilon::text).toList(), "sorted by size");
        assertEquals(20, ((PgdSettings) plan.settingsOf(AttackCatalogue.PGD)).steps());
        assertEquals(1 / 255.0, ((PgdSettings) plan.settingsOf(AttackCatalogue.PGD)).stepSize().at(0.5), 1e-12);
        assertEquals(3, ((PgdSettings) plan.settingsOf(AttackCatalogue.PGD)).restarts());
        assertEquals("least-likely", plan.target());
        assertNull(parse("--attacks", "none").plan());
        assertEquals(List.of(), parse("--attacks", "none").probes());
    }

    @Test
    void badValuesAreOneSentenceInputErrors() {
        assertTrue(assertThrows(InputError.class, () -> parse("--attacks", "fgsm,cw").plan()).getMessage().contains("'cw'"));
        assertTrue(assertThrows(InputError.class, () -> parse("--eps", "8/0").plan()).getMessage().startsWith("--eps takes"));
        assertTrue(assertThrows(InputError.class, () -> parse("--eps", "8").plan()).getMessage().contains("larger than 1"));
        assertTrue(assertThrows(InputError.class, () -> parse("--check-images", "0").plan()).getMessage().startsWith("--check-images"));
        assertTrue(assertThrows(InputError.class, () -> parse("--l2-eps", "-1").plan()).getMessage().startsWith("--l2-eps"));
        assertTrue(assertThrows(InputError.class, () -> parse("--eps", "1/255,0.00392156862745098").plan()).getMessage().contains("twice"));
        assertTrue(assertThrows(InputError.class, () -> parse("--norms", "l1").plan()).getMessage().contains("'l1'"));
        assertTrue(assertThrows(InputError.class, () -> parse("--pgd-steps", "0").plan()).getMessage().contains("--pgd-steps"));
        assertTrue(assertThrows(InputError.class, () -> parse("--pgd-step-size", "big").plan()).getMessage().contains("--pgd-step-size"));
        assertTrue(assertThrows(InputError.class, () -> parse("--attacks", "none,pgd").plan()).getMessage().contains("none"));
    }

    private Path smallCifarCopy() throws IOException {
        Path src = Fixtures.testdata("cifar/images");
        Path dst = dir.resolve("data");
        try (Stream<Path> classes = Files.list(src)) {
            for (Path cls : classes.sorted().toList()) {
                Path target = Files.createDirectories(dst.resolve(cls.getFileName().toString()));
                try (Stream<Path> files = Files.list(cls)) {
                    for (Path f : files.sorted().limit(2).toList()) {
                        Files.copy(f, target.resolve(f.getFileName().toString()));
                    }
                }
            }
        }
        return dst;
    }

    @Test
    void anAuditRecordsAttackMetricsRowsSectionsAndTheReportShowsThem() throws IOException {
        Path out = dir.resolve("out");
        CliRun run = CliRun.of("audit", "--model", Fixtures.testdata("cifar/model.pt").toString(), "--data", smallCifarCopy().toString(),
                "--mean", "0.4914,0.4822,0.4465", "--std", "0.2470,0.2435,0.2616", "--out", out.toString(), "--quiet",
                "--eps", "2/255,8/255", "--l2-eps", "0.5", "--pgd-steps", "5", "--drift", "none", "--explain", "none");
        assertTrue(run.exitCode() == 0 || run.exitCode() == 1, run.out() + run.err());
        JsonNode results = ResultsJson.mapper().readTree(out.resolve("results.json").toFile());
        List<String> metrics = results.get("metrics").findValuesAsText("name");
        for (String name : List.of("fgsm.linf.eps=8/255.robust_accuracy", "pgd.linf.eps=2/255.robust_accuracy",
                "pgd.l2.eps=0.5.robust_accuracy", "pgd.linf.eps=8/255.attack_success_rate", "fgsm.l2.eps=0.5.perturbation_l2_max",
                "pgd.linf.eps=8/255.class.c3_cross.robust_accuracy")) {
            assertTrue(metrics.contains(name), name);
        }
        List<String> sections = results.get("sections").findValuesAsText("id");
        assertTrue(sections.containsAll(List.of("fgsm", "adversarial-checks", "pgd")), sections.toString());
        String csv = Files.readString(out.resolve("samples.csv"));
        assertTrue(csv.lines().findFirst().orElseThrow().contains("min_flip_eps"));
        assertTrue(csv.contains(",pgd.linf,eps=8/255,"));
        String html = Files.readString(out.resolve("index.html"));
        assertTrue(html.contains("Adversarial robustness: PGD"));
        assertTrue(html.contains("Soundness of the attack evaluation"));
    }

    @Test
    void anUnknownTargetClassIsExitCode2() throws IOException {
        CliRun run = CliRun.of("audit", "--model", Fixtures.testdata("cifar/model.pt").toString(), "--data", smallCifarCopy().toString(),
                "--out", dir.resolve("out").toString(), "--quiet", "--targeted", "zebra", "--attacks", "fgsm", "--drift", "none", "--explain", "none");
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.errorLine().contains("--targeted takes least-likely"), run.err());
    }
}
