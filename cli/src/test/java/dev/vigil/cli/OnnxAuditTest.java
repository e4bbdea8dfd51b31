package dev.vigil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.attacks.adversarial.AttackCatalogue;
import dev.vigil.core.policy.RuleOutcome;
import dev.vigil.core.policy.Status;
import dev.vigil.core.result.AuditResults;
import dev.vigil.core.result.Finding;
import dev.vigil.core.result.Metric;
import dev.vigil.core.result.ResultsJson;
import dev.vigil.core.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * vigil audit on the ONNX export of the CIFAR fixture: the gradient-free audit end to end (clean, drift,
 * occlusion; the gradient attacks and methods listed as not run, their policy rules inconclusive), drift
 * metrics equal to the TorchScript audit's, and an attack that needs only logits runs on it unchanged.
 */
class OnnxAuditTest {
    private static final String MEAN = "0.4914,0.4822,0.4465";
    private static final String STD = "0.2470,0.2435,0.2616";

    static String[] audit(String model, Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("audit", "--model", Fixtures.testdata(model).toString(),
                "--data", Fixtures.testdata("cifar/images").toString(), "--mean", MEAN, "--std", STD, "--threads", "2",
                "--out", out.toString(), "--quiet", "--no-pdf"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @Test
    void aGradientFreeAuditOfTheOnnxExportRunsEndToEndAndSaysWhatDidNotRun(@TempDir Path out) throws Exception {
        CliRun run = CliRun.of(audit("onnx/cifar.onnx", out, "--limit", "40", "--eps", "8/255", "--l2-eps", "0.5",
                "--angles", "15", "--corruptions", "gaussian_noise", "--severities", "3", "--explain-per-class", "1",
                "--explain", "saliency,occlusion,rise", "--rise-masks", "200"));
        assertTrue(run.exitCode() == 0 || run.exitCode() == 1, run.err());
        AuditResults results = ResultsJson.read(out.resolve("results.json"));
        assertEquals("ONNX Runtime", results.provenance().engine());
        assertEquals("ONNX", results.provenance().modelFormat());
        assertEquals("17", results.provenance().modelMetadata().get("opset"));
        assertEquals("pytorch 1.13.0", results.provenance().modelMetadata().get("producer"));
        List<String> findings = results.findings().stream().map(Finding::id).toList();
        for (String id : List.of("attack-not-run.fgsm", "attack-not-run.pgd", "explain-method-not-run.saliency")) {
            assertTrue(findings.contains(id), id + " in " + findings);
        }
        List<String> names = results.metrics().stream().map(Metric::name).toList();
        assertTrue(names.contains("clean.accuracy"));
        assertTrue(names.contains("drift.grayscale.flip_rate"));
        assertTrue(names.contains("drift.corruption.gaussian_noise.3.accuracy_drop"));
        assertTrue(names.stream().anyMatch(n -> n.startsWith("explain.occlusion.")), names.toString());
        assertTrue(names.contains("explain.rise.deletion_auc"), names.toString());
        assertFalse(names.stream().anyMatch(n -> n.startsWith("pgd.") || n.startsWith("fgsm.")));
        for (RuleOutcome rule : results.verdict().rules()) {
            if (rule.rule().metric().startsWith("pgd.") || rule.rule().metric().startsWith("explain.ig.")) {
                assertEquals(Status.INCONCLUSIVE, rule.status(), rule.rule().metric());
            }
        }
        String html = Files.readString(out.resolve("index.html"));
        String tested = html.substring(html.indexOf("<h2>What was tested</h2>"), html.indexOf("</section>", html.indexOf("<h2>What was tested</h2>")));
        assertTrue(tested.contains("Not run") && tested.contains("needs input gradients"), tested);
        assertTrue(html.contains("ONNX Runtime 1.23.2 / ONNX"), "the provenance names the engine");
    }

    @Test
    void driftMetricsOfTheOnnxExportEqualTheTorchScriptAudits(@TempDir Path out) throws Exception {
        String[] common = {"--limit", "60", "--attacks", "none", "--explain", "none", "--angles", "-15,90",
            "--corruptions", "gaussian_noise,brightness,horizontal_flip", "--severities", "1,4"};
        CliRun torch = CliRun.of(audit("cifar/model.pt", out.resolve("torch"), common));
        CliRun onnx = CliRun.of(audit("onnx/cifar.onnx", out.resolve("onnx"), common));
        assertTrue(torch.exitCode() <= 1 && onnx.exitCode() <= 1, torch.err() + onnx.err());
        Map<String, Metric> expected = driftAndClean(ResultsJson.read(out.resolve("torch/results.json")));
        Map<String, Metric> actual = driftAndClean(ResultsJson.read(out.resolve("onnx/results.json")));
        assertEquals(expected.keySet(), actual.keySet());
        assertTrue(expected.size() > 20, expected.keySet().toString());
        for (String name : expected.keySet()) {
            Metric e = expected.get(name);
            Metric a = actual.get(name);
            assertEquals(e.count(), a.count(), name);
            if (name.contains("confidence")) {
                // mean softmax confidences: the logits agree to 1e-4, not bit for bit
                assertEquals(e.value(), a.value(), 1e-4, name);
            } else {
                assertEquals(e.value(), a.value(), 0.0, name);
            }
        }
    }

    @Test
    void anAttackThatNeedsOnlyLogitsRunsOnTheOnnxModel(@TempDir Path out) throws Exception {
        AttackCatalogue catalogue = AttackCatalogue.builtIn().with(ToyNoiseAttack.DEFINITION);
        String[] options = {"--limit", "20", "--attacks", "toy-noise,fgsm", "--toy-tries", "3", "--norms", "linf",
            "--eps", "8/255", "--drift", "none", "--explain", "none"};
        CliRun onnx = CliRun.of(catalogue, audit("onnx/cifar.onnx", out.resolve("onnx"), options));
        CliRun torch = CliRun.of(catalogue, audit("cifar/model.pt", out.resolve("torch"), options));
        assertTrue(onnx.exitCode() <= 1 && torch.exitCode() <= 1, onnx.err() + torch.err());
        AuditResults results = ResultsJson.read(out.resolve("onnx/results.json"));
        Metric robust = results.metric("toy-noise.linf.eps=8/255.robust_accuracy").orElseThrow();
        assertEquals(20, robust.count());
        assertEquals(ResultsJson.read(out.resolve("torch/results.json")).metric("toy-noise.linf.eps=8/255.robust_accuracy")
                .orElseThrow().value(), robust.value(), 0.0, "the same seeded tries flip the same images");
        assertTrue(results.findings().stream().anyMatch(f -> f.id().equals("attack-not-run.fgsm")));
    }

    @Test
    void squareOnTheOnnxModelMatchesSquareOnItsTorchScriptSourceAndAutoattackReducesToIt(@TempDir Path out) throws Exception {
        String[] common = {"--limit", "20", "--norms", "linf,l2", "--eps", "4/255", "--l2-eps", "0.5", "--square-queries", "60",
            "--drift", "none", "--explain", "none"};
        List<String> onnxArgs = new ArrayList<>(List.of(audit("onnx/cifar.onnx", out.resolve("onnx"), common)));
        onnxArgs.addAll(List.of("--attacks", "autoattack"));
        List<String> torchArgs = new ArrayList<>(List.of(audit("cifar/model.pt", out.resolve("torch"), common)));
        torchArgs.addAll(List.of("--attacks", "square"));
        CliRun onnx = CliRun.of(onnxArgs.toArray(String[]::new));
        CliRun torch = CliRun.of(torchArgs.toArray(String[]::new));
        assertTrue(onnx.exitCode() <= 1 && torch.exitCode() <= 1, onnx.err() + torch.err());
        AuditResults onnxResults = ResultsJson.read(out.resolve("onnx/results.json"));
        AuditResults torchResults = ResultsJson.read(out.resolve("torch/results.json"));
        for (String name : List.of("square.linf.eps=4/255.robust_accuracy", "square.l2.eps=0.5.robust_accuracy")) {
            Metric a = onnxResults.metric(name).orElseThrow(() -> new AssertionError(name + " missing on ONNX"));
            Metric e = torchResults.metric(name).orElseThrow();
            assertEquals(e.count(), a.count(), name);
            assertEquals(e.value(), a.value(), 0.0, name + ": the same seeded squares on logits equal to 1e-5 break the same images");
        }
        List<String> findings = onnxResults.findings().stream().map(Finding::id).toList();
        assertTrue(findings.contains("attack-not-run.apgd-ce") && findings.contains("attack-not-run.apgd-t"),
                "the suite says which members a gradient-free model cannot serve: " + findings);
    }

    @Test
    void withATorchScriptTwinGradientAttacksRunAsTransferAfterAParityCheckThatPasses(@TempDir Path out) throws Exception {
        String[] options = {"--limit", "40", "--attacks", "fgsm", "--norms", "linf", "--eps", "4/255,8/255", "--drift", "none",
            "--explain", "none"};
        List<String> twin = new ArrayList<>(List.of(audit("onnx/cifar.onnx", out.resolve("onnx"), options)));
        twin.addAll(List.of("--gradient-model", Fixtures.testdata("cifar/model.pt").toString()));
        CliRun onnx = CliRun.of(twin.toArray(String[]::new));
        CliRun torch = CliRun.of(audit("cifar/model.pt", out.resolve("torch"), options));
        assertTrue(onnx.exitCode() <= 1 && torch.exitCode() <= 1, onnx.err() + torch.err());
        AuditResults results = ResultsJson.read(out.resolve("onnx/results.json"));
        assertEquals(1.0, results.metric("twin.prediction_agreement").orElseThrow().value());
        assertTrue(results.metric("twin.max_abs_logit_diff").orElseThrow().value() < 1e-4);
        assertFalse(results.findings().stream().anyMatch(f -> f.id().equals("twin-parity")), results.findings().toString());
        assertFalse(results.findings().stream().anyMatch(f -> f.id().startsWith("attack-not-run")), "FGSM runs on the twin's gradients");
        assertTrue(results.sections().stream().anyMatch(s -> s.id().equals("twin-parity")));
        assertTrue(results.provenance().modelMetadata().get("gradients from").startsWith("TorchScript twin on PyTorch"));
        AuditResults source = ResultsJson.read(out.resolve("torch/results.json"));
        for (String eps : List.of("4/255", "8/255")) {
            String name = "fgsm.linf.eps=" + eps + ".robust_accuracy";
            assertEquals(source.metric(name).orElseThrow().value(), results.metric(name).orElseThrow().value(), 0.0,
                    "a faithful export under the twin's gradients is broken exactly where its source is: " + name);
        }
    }

    @Test
    void theParityCheckFlagsAnExportThatNormalisesTwiceAsAnError(@TempDir Path out) throws Exception {
        List<String> args = new ArrayList<>(List.of(audit("onnx/cifar_double_norm.onnx", out, "--limit", "40", "--attacks", "none",
                "--drift", "none", "--explain", "none")));
        args.addAll(List.of("--gradient-model", Fixtures.testdata("cifar/model.pt").toString()));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertTrue(run.exitCode() <= 1, run.err());
        AuditResults results = ResultsJson.read(out.resolve("results.json"));
        Finding parity = results.findings().stream().filter(f -> f.id().equals("twin-parity")).findFirst().orElseThrow();
        assertEquals("error", parity.severity());
        assertEquals("The exported model does not behave like its source", parity.title());
        assertTrue(results.metric("twin.prediction_agreement").orElseThrow().value() < 0.99);
        assertTrue(Files.readString(out.resolve("index.html")).contains("✖ Error"));
    }

    @Test
    void aGradientModelNeedsAnOnnxModelBesideIt(@TempDir Path out) {
        List<String> args = new ArrayList<>(List.of(audit("cifar/model.pt", out, "--limit", "10")));
        args.addAll(List.of("--gradient-model", Fixtures.testdata("cifar/model.pt").toString()));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertEquals(2, run.exitCode());
        assertTrue(run.errorLine().contains("--gradient-model pairs an ONNX --model"), run.err());
    }

    private static Map<String, Metric> driftAndClean(AuditResults results) {
        Map<String, Metric> out = new TreeMap<>();
        results.metrics().stream().filter(m -> m.name().startsWith("drift.") || m.name().startsWith("clean."))
                .forEach(m -> out.put(m.name(), m));
        return out;
    }
}
