package dev.vigil.core.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.core.InputError;
import dev.vigil.core.stats.Holm;
import dev.vigil.core.stats.PairedTable;
import dev.vigil.core.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComparerTest {
    static final String DATA = "d".repeat(64);

    @TempDir
    Path dir;

    static JsonNode expectedTable(int i) throws IOException {
        return dev.vigil.core.result.ResultsJson.mapper().readTree(Fixtures.testdata("compare_expected.json").toFile()).get("tables").get(i);
    }

    static PairedTable table(JsonNode t) {
        return new PairedTable(t.get("a").asInt(), t.get("b").asInt(), t.get("c").asInt(), t.get("d").asInt());
    }

    /** Clean from expected table 1 (a regression: 30 newly wrong, 12 newly right of 200), FGSM from table 0 (a clear improvement), grayscale. */
    List<SyntheticRuns.Setting> settings() throws IOException {
        return List.of(
                new SyntheticRuns.Setting("clean", "", "clean", "accuracy", "recall", table(expectedTable(1))),
                new SyntheticRuns.Setting("fgsm.linf", "eps=8/255", "fgsm.linf.eps=8/255", "robust_accuracy", "robust_accuracy",
                        table(expectedTable(0))),
                new SyntheticRuns.Setting("drift.grayscale", "", "drift.grayscale", "accuracy", "accuracy", new PairedTable(60, 20, 2, 18)));
    }

    AuditComparison compare(long newSeed) throws IOException {
        AuditRun base = SyntheticRuns.write(dir.resolve("base"), 0, settings(), DATA, 0);
        AuditRun fresh = SyntheticRuns.write(dir.resolve("new"), 1, settings(), DATA, newSeed);
        return Comparer.compare(base, fresh, false);
    }

    @Test
    void knownDiscordantPairsGiveScipysPValueAndInterval() throws IOException {
        AuditComparison c = compare(0);
        assertTrue(c.paired());
        JsonNode expected = expectedTable(1);
        MetricDelta clean = c.metric("clean.accuracy").orElseThrow();
        PairedDelta p = clean.paired();
        assertEquals(new PairedTable(120, 30, 12, 38), p.table());
        assertEquals(200, p.samples());
        assertEquals(expected.get("delta").asDouble(), p.difference(), 1e-12);
        assertEquals(expected.get("delta").asDouble(), clean.delta(), 1e-12);
        assertEquals(expected.get("lower").asDouble(), p.lower(), 1e-12);
        assertEquals(expected.get("upper").asDouble(), p.upper(), 1e-12);
        assertEquals(expected.get("mcnemar_p").asDouble(), p.mcnemarP(), 1e-15);
        assertEquals(30, p.newlyWorse());
        assertEquals(12, p.newlyBetter());
        assertEquals(Outcome.CORRECT, clean.outcome());

        List<MetricDelta> paired = c.metrics().stream().filter(m -> m.paired() != null).toList();
        assertEquals(3 * 3 + 1, paired.size(), "3 settings x (overall + 2 classes), and the grayscale flip rate");
        for (boolean perClass : new boolean[] {false, true}) {
            List<MetricDelta> family = paired.stream().filter(m -> (m.className() != null) == perClass).toList();
            assertEquals(perClass ? 6 : 4, family.size());
            double[] holm = Holm.adjust(family.stream().mapToDouble(m -> m.paired().mcnemarP()).toArray());
            for (int i = 0; i < family.size(); i++) {
                MetricDelta m = family.get(i);
                assertEquals(holm[i], m.paired().holmP(), 1e-15, m.name());
                boolean significant = holm[i] < 0.05;
                Change want = !significant ? Change.NONE
                        : (m.paired().difference() > 0) == m.outcome().higherIsBetter() ? Change.IMPROVEMENT : Change.REGRESSION;
                assertEquals(want, m.change(), m.name());
            }
        }
        MetricDelta fgsm = c.metric("fgsm.linf.eps=8/255.robust_accuracy").orElseThrow();
        assertEquals(Change.IMPROVEMENT, fgsm.change(), "21 newly right against 2 newly wrong of 40");
        assertEquals(expectedTable(0).get("lower").asDouble(), fgsm.paired().lower(), 1e-12);
        MetricDelta flips = c.metric("drift.grayscale.flip_rate").orElseThrow();
        assertEquals(Outcome.FLIPPED, flips.outcome());
        assertEquals(2, flips.paired().newlyBetter(), "fewer flips are better: 2 samples stopped flipping");
        assertEquals(20, flips.paired().newlyWorse());
        assertEquals(Change.REGRESSION, flips.change(), "the flip rate rose from 0.2 to 0.38");
        assertEquals(Change.REGRESSION, c.metric("drift.grayscale.accuracy").orElseThrow().change());
        assertTrue(c.regressions().contains("drift.grayscale.flip_rate"));
        assertTrue(c.improvements().contains("fgsm.linf.eps=8/255.robust_accuracy"));
    }

    @Test
    void newlyFailingAndPassingSamplesArePerSettingAndClass() throws IOException {
        AuditComparison c = compare(0);
        SettingChanges clean = c.settings().stream().filter(s -> s.setting().equals("clean")).findFirst().orElseThrow();
        assertEquals("clean.accuracy", clean.metric());
        assertEquals(200, clean.samples());
        assertEquals(30, clean.newlyFailing().size());
        assertEquals(12, clean.newlyPassing().size());
        assertEquals("s120", clean.newlyFailing().get(0).sampleId(), "the b cell starts after the 120 samples right in both");
        SampleChange first = clean.newlyFailing().get(0);
        assertEquals("cat", first.label());
        assertEquals("cat", first.basePrediction());
        assertEquals("dog", first.newPrediction());
        assertEquals(List.of(new ClassChanges("cat", 100, 15, 6), new ClassChanges("dog", 100, 15, 6)), clean.classes());
        PairedDelta cat = c.metric("clean.class.cat.recall").orElseThrow().paired();
        assertEquals(15, cat.newlyWorse());
        assertEquals(100, cat.samples());
        assertEquals(List.of("explain.ig target=cat"), c.unpairedSettings());
        assertEquals(3, c.settings().size());
    }

    @Test
    void anAuditComparedWithItselfHasNoChangesAtAll() throws IOException {
        AuditRun base = SyntheticRuns.write(dir.resolve("base"), 0, settings(), DATA, 0);
        AuditComparison c = Comparer.compare(base, base, false);
        assertTrue(c.metrics().stream().allMatch(m -> m.delta() == 0), "every delta is 0");
        assertTrue(c.regressions().isEmpty());
        assertTrue(c.improvements().isEmpty());
        assertTrue(c.differences().isEmpty(), c.differences().toString());
        assertTrue(c.settings().stream().allMatch(s -> s.newlyFailing().isEmpty() && s.newlyPassing().isEmpty()));
        MetricDelta clean = c.metric("clean.accuracy").orElseThrow();
        assertEquals(0, clean.paired().difference());
        assertEquals(1.0, clean.paired().mcnemarP());
        assertTrue(clean.paired().lower() < 0 && clean.paired().upper() > 0, "still an interval around 0");
        assertEquals(Change.NONE, clean.change());
    }

    @Test
    void auditsOfDifferentDataAreRefusedUnlessAskedAndThenUnpaired() throws IOException {
        AuditRun base = SyntheticRuns.write(dir.resolve("base"), 0, settings(), DATA, 0);
        AuditRun other = SyntheticRuns.write(dir.resolve("new"), 1, settings(), "e".repeat(64), 0);
        InputError e = assertThrows(InputError.class, () -> Comparer.compare(base, other, false));
        assertTrue(e.getMessage().startsWith("The two audits are of different data (dataset SHA-256 dddddddddddd…"), e.getMessage());
        assertTrue(e.getMessage().endsWith("or pass --allow-different-data to compare them unpaired."), e.getMessage());
        assertEquals(1, e.getMessage().split("\\. ").length, "one sentence");

        AuditComparison c = Comparer.compare(base, other, true);
        assertFalse(c.paired());
        assertTrue(c.pairing().startsWith("Unpaired"), c.pairing());
        MetricDelta clean = c.metric("clean.accuracy").orElseThrow();
        assertNull(clean.paired());
        assertNotNull(clean.unpaired());
        JsonNode expected = expectedTable(1);
        assertEquals(expected.get("independent_lower").asDouble(), clean.unpaired().lower(), 1e-12);
        assertEquals(expected.get("independent_upper").asDouble(), clean.unpaired().upper(), 1e-12);
        assertEquals(Change.REGRESSION, clean.change(), "the unpaired interval [-0.1775, -0.0006] excludes 0");
        assertTrue(c.settings().isEmpty(), "no per-sample changes across different data");
        assertTrue(c.differences().stream().anyMatch(d -> d.key().equals("dataset SHA-256") && d.affectsDeltas()));
    }

    @Test
    void settingsThatDifferAreListedFirstWithTypedSettingsDiffedAsJson() throws IOException {
        AuditRun base = SyntheticRuns.write(dir.resolve("base"), 0, settings(), DATA, 0);
        SyntheticRuns.write(dir.resolve("new"), 1, settings(), DATA, 7);
        SyntheticRuns.addSettings(dir.resolve("base"), "{\"adversarial\": {\"eps\": [\"1/255\", \"8/255\"], \"steps\": 10}, \"clean\": {}}");
        SyntheticRuns.addSettings(dir.resolve("new"), "{\"adversarial\": {\"eps\": [\"8/255\"], \"steps\": 10}, \"drift\": {\"angles\": [15]}}");
        AuditComparison c = Comparer.compare(AuditRun.open(dir.resolve("base")), AuditRun.open(dir.resolve("new")), false);
        List<String> keys = c.differences().stream().map(d -> d.group() + ":" + d.key()).toList();
        assertEquals("settings:adversarial.eps", keys.get(0), keys.toString());
        assertEquals("[\"1/255\",\"8/255\"]", c.differences().get(0).base());
        assertEquals("[\"8/255\"]", c.differences().get(0).candidate());
        assertTrue(keys.contains("settings:drift.angles"), keys.toString());
        assertFalse(keys.contains("settings:adversarial.steps"), "equal leaves are not listed");
        assertTrue(keys.indexOf("audit:seed") < keys.indexOf("model:model SHA-256"), "settings before the model");
        assertTrue(keys.contains("command line:command line"));
        assertTrue(c.settingDifferences().stream().noneMatch(d -> d.group().equals("model")));
    }

    @Test
    void aSamplesCsvThatDoesNotMatchItsResultsIsRefused() throws IOException {
        AuditRun base = SyntheticRuns.write(dir.resolve("base"), 0, settings(), DATA, 0);
        SyntheticRuns.write(dir.resolve("new"), 1, settings(), DATA, 0);
        Files.copy(dir.resolve("base/samples.csv"), dir.resolve("new/samples.csv"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        InputError e = assertThrows(InputError.class, () -> Comparer.compare(base, AuditRun.open(dir.resolve("new")), false));
        assertTrue(e.getMessage().contains("does not match its results.json: clean.accuracy is 0.66 over 200 samples there, but its rows"),
                e.getMessage());
    }

    @Test
    void theSameFilesWithOtherLabelsAreRefused() throws IOException {
        AuditRun base = SyntheticRuns.write(dir.resolve("base"), 0, settings(), DATA, 0);
        AuditRun relabelled = SyntheticRuns.write(dir.resolve("new"), 1, settings(), DATA, 0, true);
        InputError e = assertThrows(InputError.class, () -> Comparer.compare(base, relabelled, false));
        assertTrue(e.getMessage().startsWith("Sample s000 is labelled cat in"), e.getMessage());
        assertTrue(e.getMessage().contains("but dog in"), e.getMessage());
    }

    @Test
    void missingFilesAreInputErrors() throws IOException {
        InputError none = assertThrows(InputError.class, () -> AuditRun.open(dir.resolve("nothing")));
        assertTrue(none.getMessage().startsWith("There is no audit at"), none.getMessage());
        SyntheticRuns.write(dir.resolve("base"), 0, settings(), DATA, 0);
        Files.delete(dir.resolve("base/samples.csv"));
        InputError noRows = assertThrows(InputError.class, () -> AuditRun.open(dir.resolve("base/results.json")));
        assertTrue(noRows.getMessage().startsWith("There is no samples.csv beside"), noRows.getMessage());
    }

    @Test
    void metricsInOneRunOnlyAreListedAndOthersComparedWithoutJudgement() throws IOException {
        AuditComparison c = compare(0);
        assertEquals(List.of("pgd.linf.eps=8/255.robust_accuracy"), c.onlyInBase());
        assertEquals(List.of("drift.rotation.15.accuracy"), c.onlyInNew());
        MetricDelta confidence = c.metric("clean.mean_confidence_correct").orElseThrow();
        assertEquals(-0.05, confidence.delta(), 1e-12);
        assertNull(confidence.change());
        assertNull(confidence.lower());
        assertEquals("clean", confidence.family());
        assertEquals("drift.grayscale", c.metric("drift.grayscale.mcnemar_p").orElseThrow().family(), "named after the row probe it starts with");
        assertEquals("data", c.metric("data.samples_read").orElseThrow().family());
    }
}
