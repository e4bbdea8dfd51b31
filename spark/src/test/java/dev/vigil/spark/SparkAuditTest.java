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
import java.nio.file.LinkOption;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The audit sharded on local Spark equals the single-machine audit: results.json (provenance aside) and
 * samples.csv, with 1, 3 and 5 partitions and with a task that fails once and is retried; and with the data
 * given as a file:// URI (read through Hadoop's FileSystem, listed by binaryFile) or as a Parquet table of
 * (path, label) rows.
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

    @Test
    void aFileUriFolderListedByBinaryFileGivesTheSingleMachineResults() throws IOException {
        String uri = Path.of(testdata("cifar/images")).toAbsolutePath().toUri().toString();
        assertTrue(uri.startsWith("file:///"), uri);
        Path out = sharded("uri", 2, uri);
        assertSameAsSingle(out);
        assertEquals(uri, ResultsJson.mapper().readTree(out.resolve("results.json").toFile()).path("provenance").path("dataPath").asText(),
                "provenance names the URI audited");
    }

    @Test
    void aParquetTableOfPathAndLabelGivesTheSingleMachineResults() throws IOException {
        // The table sits in a folder whose class folders link to the fixture's, so that its relative paths are the
        // fixture's sample ids.
        Path lake = Files.createDirectories(folder.resolve("lake"));
        List<Row> rows = new ArrayList<>();
        try (Stream<Path> classes = Files.list(Path.of(testdata("cifar/images")))) {
            for (Path c : classes.sorted().toList()) {
                Path link = lake.resolve(c.getFileName());
                if (!Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createSymbolicLink(link, c.toAbsolutePath());
                }
                try (Stream<Path> files = Files.list(c)) {
                    files.forEach(f -> rows.add(RowFactory.create(c.getFileName() + "/" + f.getFileName(), c.getFileName().toString())));
                }
            }
        }
        Path table = lake.resolve("eval.parquet");
        spark.createDataFrame(rows, new StructType().add("path", "string").add("label", "string")).coalesce(1)
                .write().mode(SaveMode.Overwrite).parquet(table.toAbsolutePath().toUri().toString());
        Path out = sharded("table", 2, table.toAbsolutePath().toUri().toString());
        ObjectNode expected = comparable(single);
        ObjectNode actual = comparable(out);
        assertEquals("parquet", actual.path("dataset").path("layout").asText());
        ((ObjectNode) actual.get("dataset")).put("layout", expected.path("dataset").path("layout").asText());
        assertEquals(expected, actual, "results.json of the table audit, its layout aside");
        assertEquals(Files.readAllLines(single.resolve("samples.csv")).stream().sorted().toList(),
                Files.readAllLines(out.resolve("samples.csv")).stream().sorted().toList(), "samples.csv of the table audit");
    }

    @Test
    void aMissingUriAndATableWithoutThePathColumnAreOneSentenceAndExitTwo() {
        String missing = folder.resolve("nowhere").toAbsolutePath().toUri().toString();
        String error = errorOf(2, missing);
        assertTrue(error.contains("vigil: The data path " + missing + " does not exist; pass an image folder"), error);
        String table = folder.resolve("columns.parquet").toAbsolutePath().toUri().toString();
        spark.createDataFrame(List.of(RowFactory.create("a.png", 1)), new StructType().add("file", "string").add("y", "int"))
                .write().mode(SaveMode.Overwrite).parquet(table);
        error = errorOf(2, table);
        assertTrue(error.contains("vigil: The Parquet table " + table + " has no 'path' column (its columns: file, y);"), error);
    }

    @Test
    void anUnreadableRemoteFileIsSkippedCountedAndListed() throws IOException {
        String root = Path.of(testdata("cifar/images")).toAbsolutePath().toUri().toString();
        List<Row> rows = new ArrayList<>();
        try (Stream<Path> classes = Files.list(Path.of(testdata("cifar/images")))) {
            // The first image of each of the model's ten classes.
            for (Path c : classes.sorted().toList()) {
                try (Stream<Path> files = Files.list(c)) {
                    String first = files.map(f -> f.getFileName().toString()).sorted().findFirst().orElseThrow();
                    rows.add(RowFactory.create(root + c.getFileName() + "/" + first, c.getFileName().toString()));
                }
            }
        }
        rows.add(RowFactory.create(root + "c1_square/gone.png", "c1_square"));
        String table = folder.resolve("gone.parquet").toAbsolutePath().toUri().toString();
        spark.createDataFrame(rows, new StructType().add("path", "string").add("label", "string")).coalesce(1)
                .write().mode(SaveMode.Overwrite).parquet(table);
        Path out = folder.resolve("gone");
        int code = SparkAudit.run(spark, "--model", testdata("cifar/model.pt"), "--data", table, "--mean", "0.4914,0.4822,0.4465",
                "--std", "0.2470,0.2435,0.2616", "--batch-size", "2", "--threads", "2", "--attacks", "none", "--drift", "none",
                "--explain", "none", "--no-pdf", "--quiet", "--partitions", "2", "--out", out.toString());
        assertTrue(code <= 1, "the audit runs (exit " + code + ")");
        JsonNode data = ResultsJson.mapper().readTree(out.resolve("results.json").toFile()).path("dataset");
        assertEquals(11, data.path("samplesFound").asInt());
        assertEquals(10, data.path("samplesRead").asInt());
        assertEquals(1, data.path("samplesSkipped").asInt());
        assertEquals(root + "c1_square/gone.png", data.path("skipped").path(0).path("id").asText());
        assertEquals("unreadable: the file does not exist", data.path("skipped").path(0).path("reason").asText());
    }

    /** What the Spark job printed on standard error for the audit of {@code data}, which must exit with {@code code}. */
    private static String errorOf(int code, String data) {
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        java.io.PrintStream original = System.err;
        System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            List<String> a = new ArrayList<>(List.of(args(folder.resolve("error"))));
            a.remove(0);
            a.set(a.indexOf("--data") + 1, data);
            assertEquals(code, SparkAudit.run(spark, a.toArray(String[]::new)), "exit code for " + data);
        } finally {
            System.setErr(original);
        }
        String text = err.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(!text.contains("\tat ") && !text.contains("Exception"), "no stack trace: " + text);
        return text;
    }

    private static Path sharded(String name, int partitions) {
        return sharded(name, partitions, null);
    }

    /** The sharded audit, of {@code data} instead of the fixture's folder when not null. */
    private static Path sharded(String name, int partitions, String data) {
        Path out = folder.resolve(name);
        List<String> a = new ArrayList<>(List.of(args(out)));
        if (data != null) {
            a.set(a.indexOf("--data") + 1, data);
        }
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

    private static ObjectNode comparable(Path out) throws IOException {
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
