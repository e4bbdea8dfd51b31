package dev.vigil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.core.result.AuditResults;
import dev.vigil.core.result.Finding;
import dev.vigil.core.result.ResultsJson;
import dev.vigil.core.testing.Fixtures;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Models that misbehave as real ones do (testdata/odd/make_odd_models.py): each gets one sentence and the
 * documented exit code, never a stack trace, and never a silent number.
 */
class OddModelTest {
    @TempDir
    Path dir;
    private Path data;

    /**
     * Five bright and five dark uniform 8x8 images, in that order; dark/img3.png has a white top-left pixel, on
     * which nan_on_white.pt gives NaN and raises.pt raises. With batches of 4 it lies in the second batch.
     */
    @BeforeEach
    void images() throws IOException {
        data = dir.resolve("data");
        for (String cls : List.of("bright", "dark")) {
            Files.createDirectories(data.resolve(cls));
            for (int i = 0; i < 5; i++) {
                BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
                int v = cls.equals("bright") ? 200 + i : 40 + i;
                for (int y = 0; y < 8; y++) {
                    for (int x = 0; x < 8; x++) {
                        image.setRGB(x, y, v << 16 | v << 8 | v);
                    }
                }
                if (cls.equals("dark") && i == 3) {
                    image.setRGB(0, 0, 0xFFFFFF);
                }
                ImageIO.write(image, "png", data.resolve(cls).resolve("img" + i + ".png").toFile());
            }
        }
    }

    private CliRun audit(String model, String... extra) {
        List<String> args = new ArrayList<>(List.of("audit", "--model", Fixtures.testdata("odd/" + model).toString(), "--data",
                data.toString(), "--out", dir.resolve("out").toString(), "--quiet", "--no-pdf", "--drift", "none", "--explain", "none"));
        List<String> given = Arrays.asList(extra);
        if (!given.contains("--batch-size")) {
            args.addAll(List.of("--batch-size", "4"));
        }
        if (!given.contains("--attacks")) {
            args.addAll(List.of("--attacks", "none"));
        }
        args.addAll(given);
        return CliRun.of(args.toArray(String[]::new));
    }

    private static void assertOneSentence(CliRun run, int exitCode, String expected) {
        assertEquals(exitCode, run.exitCode(), run.err());
        assertTrue(run.errorLine().contains(expected), run.err());
        assertFalse(run.err().contains("\tat ") || run.err().contains("Traceback") || run.err().contains("Exception"), run.err());
    }

    private AuditResults results() {
        return ResultsJson.read(dir.resolve("out/results.json"));
    }

    @Test
    void aModelReturningATupleIsOneSentenceAndExitCode2() {
        assertOneSentence(audit("tuple.pt"), 2, "The model returns 2 outputs (a tuple, list or dict); Vigil needs it to return"
                + " only the [batch, classes] logits");
    }

    @Test
    void aModelReturningADictOfTwoTensorsIsOneSentenceAndExitCode2() {
        assertOneSentence(audit("dict.pt"), 2, "The model returns 2 outputs");
    }

    @Test
    void aModelThatSqueezesABatchOfOneGetsItsBatchDimensionBack() {
        // 10 images in batches of 3: the last batch holds one image
        CliRun run = audit("squeeze.pt", "--batch-size", "3");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(10, results().dataset().samplesRead());
        assertEquals(1.0, results().metric("clean.accuracy").orElseThrow().value());
    }

    @Test
    void aModelThatDetachesItsInputGetsTheZeroGradientRedFlagNotAnInternalError() {
        CliRun run = audit("detach.pt", "--attacks", "fgsm");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(results().findings().stream().anyMatch(f -> f.id().equals("zero-input-gradients")), results().findings().toString());
        assertTrue(results().findings().stream().noneMatch(f -> f.id().startsWith("probe-failed")), results().findings().toString());
    }

    @Test
    void nonFiniteLogitsOnTheFirstBatchAreExitCode2CountingThem() {
        assertOneSentence(audit("nan_always.pt"), 2, "The model's logits for the first batch (4 images, 8 outputs) hold 4 NaN and 4"
                + " infinite values; Vigil needs finite logits");
        assertFalse(Files.exists(dir.resolve("out/results.json")));
    }

    @Test
    void nonFiniteLogitsLaterAreLeftOutOfTheMetricsWithAnErrorFinding() throws IOException {
        CliRun run = audit("nan_on_white.pt");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("Error: NaN or infinite logits on 1 image"), run.out());
        AuditResults results = results();
        assertEquals(9, results.dataset().samplesRead());
        assertEquals(1.0, results.metric("clean.accuracy").orElseThrow().value());
        assertEquals(9, results.metric("clean.accuracy").orElseThrow().count());
        assertEquals(1.0, results.metric("clean.samples_nonfinite").orElseThrow().value());
        Finding finding = results.findings().stream().filter(f -> f.id().equals("nonfinite-logits")).findFirst().orElseThrow();
        assertEquals(Finding.ERROR, finding.severity());
        assertTrue(finding.detail().contains("dark/img3.png"), finding.detail());
        assertFalse(Files.readString(dir.resolve("out/samples.csv")).contains("dark/img3.png"));
        assertTrue(Files.readString(dir.resolve("out/index.html")).contains("✖ Error"));
        assertTrue(Files.readString(dir.resolve("out/summary.md")).contains("✖ NaN or infinite logits on 1 image"));
    }

    @Test
    void aModelThatRaisesOnSomeInputsWritesWhatWasComputedAndExitsWithCode3InOneLine() {
        CliRun run = audit("raises.pt");
        assertEquals(3, run.exitCode(), run.err());
        assertTrue(run.errorLine().contains("The model raised an error on the batch starting at dark/img3.png (RuntimeError: Vigil"
                + " fixture: this model refuses white images)"), run.err());
        assertFalse(run.err().contains("Traceback"), run.err());
        AuditResults results = results();
        assertEquals(8, results.dataset().samplesRead());
        assertTrue(results.findings().stream().anyMatch(f -> f.id().equals("probe-failed-clean")));
        assertTrue(Files.exists(dir.resolve("out/index.html")));

        CliRun verbose = audit("raises.pt", "--verbose");
        assertEquals(3, verbose.exitCode());
        assertTrue(verbose.err().contains("Traceback of TorchScript"), verbose.err());
    }

    @Test
    void dtypeAndShapeFailuresKeepTheRealCauseAndGiveTheHintThatFits() {
        assertOneSentence(audit("float64.pt"), 2, "(RuntimeError: mat1 and mat2 must have the same dtype, but got Float and Double);"
                + " Vigil feeds float32 pixels, so convert the model with model.float()");
        assertOneSentence(audit("float16.pt"), 2, "but got Float and Half); Vigil feeds float32 pixels");
        assertOneSentence(audit("one_channel.pt"), 2, "to have 1 channels, but got 3 channels instead); the model expects another"
                + " number of channels than 3; set --channels 1");
        assertOneSentence(audit("size16.pt"), 2, "(RuntimeError: mat1 and mat2 shapes cannot be multiplied (2x192 and 768x2)); the model"
                + " expects another input than 3x8x8; set --image-size HxW");
        assertOneSentence(audit("fixed_batch.pt"), 2, "the model accepts one image but not a batch of 2, so it fixes the batch size");
    }

    @Test
    void logitsThatTurnNaNOnlyUnderAttackAreCountedNotRobustWithAnErrorFinding() throws IOException {
        // nan_when_not_uniform.pt: FGSM keeps the uniform images uniform (finite); PGD's random start at 8/255 does not.
        CliRun run = audit("nan_when_not_uniform.pt", "--attacks", "fgsm,pgd", "--norms", "linf", "--eps", "1/255,2/255,8/255");
        assertEquals(0, run.exitCode(), run.err());
        AuditResults results = results();
        assertEquals(1.0, results.metric("clean.samples_nonfinite").orElseThrow().value(), "dark/img3.png is uneven unchanged");
        assertEquals(9.0, results.metric("pgd.linf.eps=8/255.samples_nonfinite").orElseThrow().value());
        assertEquals(0.0, results.metric("pgd.linf.eps=8/255.robust_accuracy").orElseThrow().value(), "no prediction is not robust");
        assertEquals(1.0, results.metric("pgd.linf.eps=2/255.robust_accuracy").orElseThrow().value());
        for (String finite : List.of("pgd.linf.eps=2/255", "fgsm.linf.eps=8/255")) {
            assertTrue(results.metric(finite + ".samples_nonfinite").isEmpty(), finite);
        }
        assertEquals(1.0, results.metric("fgsm.linf.eps=8/255.robust_accuracy").orElseThrow().value());
        Finding finding = results.findings().stream().filter(f -> f.id().equals("nonfinite-logits-under-attack.pgd.linf")).findFirst()
                .orElseThrow(() -> new AssertionError(results.findings()));
        assertEquals(Finding.ERROR, finding.severity());
        assertTrue(finding.detail().contains("9 at ε=8/255") && !finding.detail().contains("2/255"), finding.detail());
        assertFalse(results.findings().stream().anyMatch(f -> f.id().startsWith("nonfinite-logits-under-attack.fgsm")));
        List<String> csv = Files.readAllLines(dir.resolve("out/samples.csv"));
        List<String> header = Arrays.asList(csv.get(0).split(","));
        int flag = header.indexOf("nonfinite_logits");
        int prediction = header.indexOf("prediction");
        List<String[]> marked = csv.stream().skip(1).map(l -> l.split(",", -1)).filter(c -> c[flag].equals("true")).toList();
        assertEquals(9, marked.size(), "one row per image at PGD 8/255");
        assertTrue(marked.stream().allMatch(c -> c[prediction].isEmpty() && Arrays.asList(c).contains("pgd.linf")));
        assertTrue(Files.readString(dir.resolve("out/summary.md")).contains("NaN or infinite logits under PGD L∞"));
    }

    @Test
    void logitsThatTurnNaNOnlyUnderRotationAreLeftOutOfThatSettingWithAnErrorFinding() {
        CliRun black = drift("zero");
        assertEquals(0, black.exitCode(), black.err());
        AuditResults results = results();
        assertEquals(9.0, results.metric("drift.rotation.15.samples_nonfinite").orElseThrow().value());
        assertEquals(0, results.metric("drift.rotation.15.accuracy").orElseThrow().count(), "all nine left out");
        Finding finding = results.findings().stream().filter(f -> f.id().equals("nonfinite-logits-under-drift.rotation.15")).findFirst()
                .orElseThrow(() -> new AssertionError(results.findings()));
        assertEquals(Finding.ERROR, finding.severity());
        assertTrue(finding.detail().contains("9 of 9 images after rotation by 15"), finding.detail());

        CliRun edge = drift("edge");
        assertEquals(0, edge.exitCode(), edge.err());
        AuditResults uniform = results();
        assertTrue(uniform.metric("drift.rotation.15.samples_nonfinite").isEmpty(), "edge fill keeps the images uniform");
        assertEquals(9, uniform.metric("drift.rotation.15.accuracy").orElseThrow().count());
        assertFalse(uniform.findings().stream().anyMatch(f -> f.id().startsWith("nonfinite-logits-under-drift")));
    }

    private CliRun drift(String fill) {
        return CliRun.of("audit", "--model", Fixtures.testdata("odd/nan_when_not_uniform.pt").toString(), "--data", data.toString(),
                "--out", dir.resolve("out").toString(), "--quiet", "--no-pdf", "--attacks", "none", "--explain", "none", "--batch-size", "4",
                "--drift", "rotation", "--angles", "15", "--rotation-fill", fill);
    }

    @Test
    void aBaselineModelWhoseLogitsTurnNaNIsLeftOutOfItsErrorWithAWarning() throws IOException {
        // Noise makes every image uneven: the audited base.pt stays finite, the baseline does not.
        CliRun run = CliRun.of("audit", "--model", Fixtures.testdata("odd/base.pt").toString(), "--data", data.toString(),
                "--out", dir.resolve("out").toString(), "--quiet", "--no-pdf", "--attacks", "none", "--explain", "none", "--batch-size", "4",
                "--drift", "corruptions", "--corruptions", "gaussian_noise", "--severities", "3",
                "--baseline-model", Fixtures.testdata("odd/nan_when_not_uniform.pt").toString());
        assertEquals(0, run.exitCode(), run.err());
        AuditResults results = results();
        String prefix = "drift.corruption.gaussian_noise.3";
        long evaluated = results.metric(prefix + ".accuracy").orElseThrow().count();
        assertTrue(evaluated > 0);
        assertTrue(results.metric(prefix + ".samples_nonfinite").isEmpty(), "the audited model stays finite");
        assertEquals((double) evaluated, results.metric(prefix + ".baseline_samples_nonfinite").orElseThrow().value());
        Finding finding = results.findings().stream().filter(f -> f.id().equals("nonfinite-logits-of-baseline.corruption.gaussian_noise.3"))
                .findFirst().orElseThrow(() -> new AssertionError(results.findings()));
        assertEquals("warning", finding.severity());
        assertTrue(finding.detail().contains(evaluated + " of "), finding.detail());
        List<String> csv = Files.readAllLines(dir.resolve("out/samples.csv"));
        int flag = Arrays.asList(csv.get(0).split(",")).indexOf("baseline_nonfinite_logits");
        assertTrue(flag >= 0, csv.get(0));
        assertEquals(evaluated, csv.stream().skip(1).map(l -> l.split(",", -1)).filter(c -> c[flag].equals("true")).count());
    }

    @Test
    void theWellBehavedTwinOfTheseModelsAuditsCleanly() {
        CliRun run = audit("base.pt");
        assertEquals(0, run.exitCode(), run.err());
        assertEquals(1.0, results().metric("clean.accuracy").orElseThrow().value());
    }
}
