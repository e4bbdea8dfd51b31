package dev.vigil.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.cli.Main;
import dev.vigil.core.result.ResultsJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The audit sharded on local Spark equals the single-machine audit: results.json (provenance aside) and
 * samples.csv, with 1, 3 and 5 partitions and with a task that fails once and is retried.
 */
class SparkAuditTest {
    private static SparkSession spark;

    private static Path folder;

    private static Path single;

    @BeforeAll
    static void start() throws IOException {
        folder = Files.createDirectories(Path.of("target", "spark-audits"));
        // local[2,2]: two task slots, and a failed task is tried once more (local mode's default is never).
        spark = SparkSession.builder().master("local[2,2]").appName("vigil test")
                .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", "2").getOrCreate();
        single = folder.resolve("single");
        assertTrue(Main.run(args(single)) <= 1, "the single-machine audit runs");
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @Test
    void threePartitionsWithARetriedTaskGiveTheSingleMachineResults() throws IOException {
        AtomicInteger failedTasks = new AtomicInteger();
        SparkListener listener = new SparkListener() {
            @Override
            public void onTaskEnd(SparkListenerTaskEnd end) {
                if (!end.taskInfo().successful()) {
                    failedTasks.incrementAndGet();
                }
            }
        };
        spark.sparkContext().addSparkListener(listener);
        spark.conf().set(SparkAudit.FAULT_DRILL, "adversarial:1");
        Path out;
        try {
            out = sharded("p3", 3);
        } finally {
            spark.conf().unset(SparkAudit.FAULT_DRILL);
            spark.sparkContext().removeSparkListener(listener);
        }
        assertSameAsSingle(out);
        assertEquals(1, failedTasks.get(), "the drill failed one task, which Spark retried");
        assertTrue(Files.isDirectory(out.resolve("samples.parquet")), "samples.parquet is written");
        assertEquals(Files.readAllLines(single.resolve("samples.csv")).size() - 1,
                spark.read().parquet(out.resolve("samples.parquet").toString()).count(), "parquet holds every row");
    }

    @Test
    void oneAndFivePartitionsGiveTheSameResults() throws IOException {
        Path one = sharded("p1", 1);
        assertSameAsSingle(one);
        assertEquals(Files.readAllLines(single.resolve("samples.csv")), Files.readAllLines(one.resolve("samples.csv")),
                "one partition writes the rows in the single machine's order");
        assertSameAsSingle(sharded("p5", 5));
    }

    @Test
    void badPartitionsAreAnInputError() {
        List<String> a = new ArrayList<>(List.of(args(folder.resolve("bad"))));
        a.add("--partitions");
        a.add("0");
        assertEquals(2, SparkAudit.run(spark, a.toArray(String[]::new)));
        List<String> twin = new ArrayList<>(List.of(args(folder.resolve("twin"))));
        twin.remove(0);
        twin.add("--gradient-model=" + testdata("cifar/model.pt"));
        assertEquals(2, SparkAudit.run(spark, twin.toArray(String[]::new)), "a gradient twin is refused in one sentence");
    }

    private static Path sharded(String name, int partitions) {
        Path out = folder.resolve(name);
        List<String> a = new ArrayList<>(List.of(args(out)));
        a.remove(0);
        a.add("--partitions");
        a.add(Integer.toString(partitions));
        int code = SparkAudit.run(spark, a.toArray(String[]::new));
        assertTrue(code <= 1, "the sharded audit runs (exit " + code + ")");
        return out;
    }

    private static void assertSameAsSingle(Path out) throws IOException {
        assertEquals(comparable(single), comparable(out), "results.json of " + out.getFileName());
        // The same rows; their order differs where one machine writes an attack's rows for all samples before
        // the next attack's, and a shard writes both for its samples (metrics never depend on the order).
        List<String> expected = Files.readAllLines(single.resolve("samples.csv"));
        List<String> actual = Files.readAllLines(out.resolve("samples.csv"));
        assertEquals(expected.get(0), actual.get(0), "samples.csv header of " + out.getFileName());
        assertEquals(expected.stream().sorted().toList(), actual.stream().sorted().toList(), "samples.csv of " + out.getFileName());
    }

    private static JsonNode comparable(Path out) throws IOException {
        ObjectNode results = (ObjectNode) ResultsJson.mapper().readTree(out.resolve("results.json").toFile());
        results.remove("provenance");
        return results;
    }

    /** 'audit' and its options; the sharded runs drop the leading 'audit'. */
    private static String[] args(Path out) {
        return new String[] {"audit", "--model", testdata("cifar/model.pt"), "--data", testdata("cifar/images"),
            "--mean", "0.4914,0.4822,0.4465", "--std", "0.2470,0.2435,0.2616", "--limit", "24", "--batch-size", "4",
            "--threads", "2", "--attacks", "fgsm,pgd", "--norms", "linf", "--eps", "2/255", "--check-images", "8",
            "--drift", "rotation,grayscale", "--angles", "15", "--explain", "saliency", "--explain-per-class", "1",
            "--randomization-images", "1", "--no-pdf", "--quiet", "--out", out.toString()};
    }

    private static String testdata(String name) {
        return Path.of(System.getProperty("vigil.repo.root"), "testdata", name).toString();
    }

}
