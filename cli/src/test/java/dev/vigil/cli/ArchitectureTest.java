package dev.vigil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.attacks.adversarial.AdversarialProbe;
import dev.vigil.attacks.adversarial.AttackCatalogue;
import dev.vigil.core.audit.AuditContext;
import dev.vigil.core.audit.AuditRecorder;
import dev.vigil.core.audit.Probe;
import dev.vigil.core.audit.ProbeResults;
import dev.vigil.core.audit.Progress;
import dev.vigil.core.data.Dataset;
import dev.vigil.core.data.Sample;
import dev.vigil.core.eval.CleanProbe;
import dev.vigil.core.model.Classifier;
import dev.vigil.core.model.ModelLoader;
import dev.vigil.core.model.ModelRequest;
import dev.vigil.core.result.AuditResults;
import dev.vigil.core.result.Finding;
import dev.vigil.core.result.Metric;
import dev.vigil.core.result.ResultsJson;
import dev.vigil.core.result.SampleRow;
import dev.vigil.core.result.SamplesCsv;
import dev.vigil.core.testing.CifarFixture;
import dev.vigil.core.testing.Fixtures;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The architecture's promises, each checked end to end: a new attack is one class and one catalogue
 * entry; what a model cannot do is skipped with a finding; and metrics are functions of the rows, so
 * per-sample passes over shards of the data, or rows read back from samples.csv, give the numbers of
 * one run exactly.
 */
class ArchitectureTest {
    private static final String MEAN = "0.4914,0.4822,0.4465";
    private static final String STD = "0.2470,0.2435,0.2616";

    private static String[] cifarAudit(Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("audit", "--model", Fixtures.testdata("cifar/model.pt").toString(),
                "--data", Fixtures.testdata("cifar/images").toString(), "--mean", MEAN, "--std", STD, "--threads", "2",
                "--out", out.toString(), "--quiet"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @Test
    void aToyAttackAddedAsOneClassAndOneCatalogueEntryRunsThroughTheWholeAudit(@TempDir Path out) throws Exception {
        AttackCatalogue catalogue = AttackCatalogue.builtIn().with(ToyNoiseAttack.DEFINITION);
        CliRun help = CliRun.of(catalogue, "audit", "--help");
        assertTrue(help.out().contains("--toy-tries") && help.out().contains("toy-noise:"), help.out());

        CliRun run = CliRun.of(catalogue, cifarAudit(out, "--limit", "20", "--attacks", "toy-noise,fgsm", "--toy-tries", "3",
                "--norms", "linf", "--eps", "8/255", "--drift", "none", "--explain", "none"));
        assertTrue(run.exitCode() == 0 || run.exitCode() == 1, run.err());
        AuditResults results = ResultsJson.read(out.resolve("results.json"));
        Metric robust = results.metric("toy-noise.linf.eps=8/255.robust_accuracy").orElseThrow();
        assertEquals(20, robust.count());
        assertTrue(robust.value() <= results.metric("clean.accuracy").orElseThrow().value());
        assertTrue(results.sections().stream().anyMatch(s -> s.id().equals("toy-noise")
                && s.title().equals("Adversarial robustness: Toy noise") && s.settings().get("tries").equals("3")));
        assertEquals("toy-noise", results.settings().get("adversarial").get("attacks").get(1).get("id").asText(),
                "attacks in catalogue order, with their typed settings");
        assertEquals(3, results.settings().get("adversarial").get("attacks").get(1).get("settings").get("tries").asInt());
        List<SampleRow> rows = SamplesCsv.read(out.resolve("samples.csv"));
        assertEquals(20, rows.stream().filter(r -> r.probe().equals("toy-noise.linf")).count());
        assertTrue(Files.readString(out.resolve("index.html")).contains("Toy noise"));

        assertEquals(2, CliRun.of(catalogue, cifarAudit(out, "--attacks", "toy-noise", "--toy-tries", "0")).exitCode());
        assertEquals(2, CliRun.of(cifarAudit(out, "--attacks", "toy-noise")).exitCode(), "unknown without its entry");
    }

    @Test
    void aLogitsOnlyModelSkipsWhatNeedsGradientsWithFindingsAndRunsTheRest(@TempDir Path out) throws Exception {
        AuditCommand command = parse(cifarAudit(out, "--limit", "20", "--attacks", "fgsm,pgd", "--norms", "linf",
                "--eps", "8/255", "--drift", "grayscale", "--explain", "saliency,occlusion", "--explain-drift", "grayscale,fgsm",
                "--explain-per-class", "1"));
        AuditRunner.Outcome outcome = new AuditRunner(Progress.SILENT, System.err, LogitsOnlyClassifier::new).run(request(command, out));
        outcome.recorder().close();
        AuditResults results = outcome.results();
        List<String> findings = results.findings().stream().map(Finding::id).toList();
        for (String id : List.of("attack-not-run.fgsm", "attack-not-run.pgd", "explain-method-not-run.saliency",
                "explain-drift-not-run.fgsm-ε=8/255")) {
            assertTrue(findings.contains(id), id + " in " + findings);
        }
        List<String> names = results.metrics().stream().map(Metric::name).toList();
        assertTrue(names.contains("drift.grayscale.accuracy"));
        assertTrue(names.contains("explain.occlusion.deletion_auc"));
        assertTrue(names.contains("explain.occlusion.drift.grayscale.spearman"));
        assertFalse(names.stream().anyMatch(n -> n.startsWith("fgsm.") || n.startsWith("pgd.") || n.startsWith("explain.saliency")));
        assertTrue(results.sections().stream().filter(s -> s.id().equals("adversarial-checks")).findFirst().orElseThrow()
                .tables().get(0).rows().get(0).get(2).equals("not run"), "the gradient check says it did not run");
        assertFalse(outcome.probeFailed());
    }

    /**
     * libtorch's float results depend on a batch's other images in the last digits, so shards whose
     * batches are the one run's batches (contiguous runs of whole batches, as a cluster job splits the
     * data) give its numbers exactly; the rows of any split, in any order, do too.
     */
    @Test
    void metricsOfPassesOverShardsAndOfRowsInAnyOrderOrReadBackFromSamplesCsvEqualOneRun(@TempDir Path out) throws Exception {
        AuditCommand command = parse(cifarAudit(out.resolve("whole"), "--limit", "60", "--norms", "linf,l2", "--eps", "2/255,8/255",
                "--l2-eps", "0.5", "--pgd-steps", "4", "--pgd-restarts", "2", "--drift", "all", "--angles", "-15,90",
                "--corruptions", "gaussian_noise,brightness,horizontal_flip", "--severities", "1,4", "--explain", "none",
                "--batch-size", "16"));
        AuditRequest request = request(command, out.resolve("whole"));
        AuditRunner.Outcome whole = new AuditRunner(Progress.SILENT, System.err).run(request);
        OutputWriter.writeRows(whole.recorder().rowLog(), out.resolve("whole"));
        whole.recorder().close();
        Map<String, Metric> expected = byName(whole.results().metrics());

        Map<String, Metric> sharded = shardedRun(request, out.resolve("sharded"));
        assertEquals(expected.keySet(), sharded.keySet());
        assertEquals(expected, sharded, "passes over three shards of whole batches, rows concatenated in another order");

        List<SampleRow> rows = new ArrayList<>(SamplesCsv.read(out.resolve("whole/samples.csv")));
        List<List<SampleRow>> thirds = split(rows, 3, new Random(5));
        List<SampleRow> concatenated = new ArrayList<>();
        List.of(2, 0, 1).forEach(k -> concatenated.addAll(thirds.get(k)));
        assertEquals(expected, concludeFromRows(request, concatenated, out.resolve("thirds")),
                "rows split into three arbitrary shards and concatenated");

        List<SampleRow> csv = SamplesCsv.read(out.resolve("whole/samples.csv"));
        Collections.shuffle(csv, new Random(3));
        assertEquals(expected, concludeFromRows(request, csv, out.resolve("csv")), "rows read back from samples.csv, shuffled");
    }

    /** The audit's per-sample passes run on three seeded shards of the samples, each with its own rows. */
    private static Map<String, Metric> shardedRun(AuditRequest request, Path out) throws Exception {
        Dataset dataset = dataset(request);
        try (Classifier model = ModelLoader.open(modelRequest(request, dataset));
             AuditRecorder combined = new AuditRecorder()) {
            AuditContext context = context(model, request, dataset, out, combined);
            List<Sample> all = dataset.samples();
            int batch = request.batchSize();
            List<List<Sample>> shards = List.of(all.subList(0, batch), all.subList(batch, 3 * batch), all.subList(3 * batch, all.size()));
            List<Probe<?>> probes = new ArrayList<>();
            probes.add(new CleanProbe());
            probes.addAll(request.probes());
            for (Probe<?> probe : probes) {
                runSharded(probe, context, shards);
            }
            return byName(combined.metrics());
        }
    }

    private static <S extends Serializable> void runSharded(Probe<S> probe, AuditContext context, List<List<Sample>> shards)
            throws Exception {
        List<S> results = new ArrayList<>();
        List<AuditRecorder> recorders = new ArrayList<>();
        for (List<Sample> shard : shards) {
            AuditRecorder recorder = new AuditRecorder();
            AuditContext shardContext = new AuditContext(context.classifier(), context.modelRequest(), context.dataset(),
                    context.batchSize(), context.seed(), context.outputDir(), Progress.SILENT, recorder, context.results());
            List<Sample> samples = probe instanceof CleanProbe ? shard
                    : shard.stream().filter(s -> context.clean().read(s.index())).toList();
            results.add(probe.pass(shardContext, samples));
            recorders.add(recorder);
        }
        for (int k = recorders.size() - 1; k >= 0; k--) {
            context.recorder().rows(probe.id(), recorders.get(k).rows());
            recorders.get(k).close();
        }
        probe.conclude(context, results);
    }

    /** Every probe's conclusion on given rows, as if a pass had written them. */
    private static Map<String, Metric> concludeFromRows(AuditRequest request, List<SampleRow> rows, Path out) throws Exception {
        Dataset dataset = dataset(request);
        try (Classifier model = ModelLoader.open(modelRequest(request, dataset));
             AuditRecorder recorder = new AuditRecorder()) {
            AuditContext context = context(model, request, dataset, out, recorder);
            Function<SampleRow, String> probeOf = r -> r.probe().equals("clean") ? CleanProbe.ID
                    : r.probe().startsWith("drift.") ? "drift" : AdversarialProbe.ID;
            rows.stream().collect(Collectors.groupingBy(probeOf)).forEach(recorder::rows);
            new CleanProbe().conclude(context, List.of(new CleanProbe.Shard(Map.of(), List.of(), List.of(), 0, 0, null)));
            for (Probe<?> probe : request.probes()) {
                concludeWithoutShards(probe, context);
            }
            return byName(recorder.metrics());
        }
    }

    /** A conclusion with no shard results: figures that need pixels kept by a pass are left out, numbers are not. */
    private static <S extends Serializable> void concludeWithoutShards(Probe<S> probe, AuditContext context) throws Exception {
        List<S> none = new ArrayList<>();
        if (probe instanceof AdversarialProbe adversarial) {
            @SuppressWarnings("unchecked")
            S empty = (S) adversarial.pass(context, List.of());
            none.add(empty);
        }
        probe.conclude(context, none);
    }

    private static <T> List<List<T>> split(List<T> items, int shards, Random random) {
        List<List<T>> out = new ArrayList<>();
        for (int k = 0; k < shards; k++) {
            out.add(new ArrayList<>());
        }
        items.forEach(s -> out.get(random.nextInt(shards)).add(s));
        return out;
    }

    private static AuditContext context(Classifier model, AuditRequest request, Dataset dataset, Path out, AuditRecorder recorder) {
        return new AuditContext(model, modelRequest(request, dataset), dataset, request.batchSize(), request.seed(), out,
                Progress.SILENT, recorder, new ProbeResults());
    }

    private static Dataset dataset(AuditRequest request) {
        return Dataset.open(request.data(), null).limit(request.limit(), request.seed());
    }

    private static ModelRequest modelRequest(AuditRequest request, Dataset dataset) {
        return new ModelRequest(request.model(), CifarFixture.SPEC, request.normalization(), dataset.classNames(), request.device());
    }

    private static Map<String, Metric> byName(List<Metric> metrics) {
        return metrics.stream().collect(Collectors.toMap(Metric::name, m -> m, (a, b) -> a, TreeMap::new));
    }

    private static AuditCommand parse(String... args) {
        CommandLine root = Main.newCommandLine(AttackCatalogue.builtIn());
        root.parseArgs(args);
        return root.getSubcommands().get("audit").getCommand();
    }

    private static AuditRequest request(AuditCommand c, Path out) {
        return new AuditRequest(c.model.model, dev.vigil.core.data.DataLocation.parse(c.data), c.model.labels, c.model.normalization(), c.model.imageSize, c.model.channels,
                c.model.deviceChoice(), c.model.threads, c.run.batchSize, c.run.seed, c.run.limit, out, "test", c.probes.probes(), false);
    }
}
