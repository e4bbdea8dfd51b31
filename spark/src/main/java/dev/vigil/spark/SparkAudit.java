package dev.vigil.spark;

import dev.vigil.cli.ClusterAudit;
import dev.vigil.core.InputError;
import dev.vigil.core.data.RemoteStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * {@code spark-submit --class dev.vigil.spark.SparkAudit vigil-spark.jar [--partitions N] AUDIT-OPTIONS}: the
 * audit of {@code vigil audit AUDIT-OPTIONS}, with every probe's per-sample passes sharded over the
 * cluster's executors and everything else (metrics from the rows, soundness-check sample, explanations,
 * report, gate) on the driver. The outputs and the exit code are those of {@code vigil audit}, plus
 * {@code samples.parquet}.
 */
public final class SparkAudit {
    /** The SparkConf key naming a "probe:partition" whose first task attempt fails on purpose (a retry drill). */
    public static final String FAULT_DRILL = "spark.vigil.faultDrill";

    private SparkAudit() {
    }

    public static void main(String[] args) {
        SparkSession.Builder builder = SparkSession.builder().appName("vigil audit");
        if (!new org.apache.spark.SparkConf().contains("spark.master")) {
            // Started without spark-submit: one machine, all its cores.
            builder.master("local[*]").config("spark.ui.enabled", "false");
        }
        SparkSession spark = builder.getOrCreate();
        int code;
        try {
            code = run(spark, args);
        } finally {
            spark.stop();
        }
        System.exit(code);
    }

    /** Runs the audit on {@code spark}'s executors and returns {@code vigil audit}'s exit code. */
    public static int run(SparkSession spark, String... args) {
        List<String> auditArgs = new ArrayList<>();
        int partitions = 0;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--partitions") || args[i].startsWith("--partitions=")) {
                String value = args[i].contains("=") ? args[i].substring(args[i].indexOf('=') + 1)
                        : i + 1 < args.length ? args[++i] : "";
                try {
                    partitions = Integer.parseInt(value);
                } catch (NumberFormatException e) {
                    partitions = -1;
                }
                if (partitions < 1) {
                    System.err.println("vigil: --partitions must be a whole number of at least 1, not '" + value + "'.");
                    return 2;
                }
            } else {
                auditArgs.add(args[i]);
            }
        }
        if (auditArgs.stream().anyMatch(a -> a.equals("--gradient-model") || a.startsWith("--gradient-model="))) {
            // Executors open the audited model alone; a twin pair would have to travel with its parity check.
            System.err.println("vigil: --gradient-model is not supported on Spark; audit an ONNX model with its"
                    + " TorchScript twin with 'vigil audit' on one machine, or audit the ONNX model alone here.");
            return 2;
        }
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        int shards = partitions > 0 ? partitions : context.defaultParallelism();
        String[] audit = auditArgs.toArray(String[]::new);
        String[] executorAudit;
        try {
            executorAudit = ClusterAudit.executorArgs(audit);
        } catch (InputError e) {
            System.err.println("vigil: " + e.getMessage());
            return 2;
        }
        // Data at a URI is listed once here, read here for the driver's steps, and its listing shipped to the executors.
        HadoopStore data = new HadoopStore(spark.sparkContext().hadoopConfiguration(), new SparkListing(spark));
        RemoteStore previous = RemoteStore.installed().orElse(null);
        RemoteStore.install(data);
        SparkPassRunner runner = new SparkPassRunner(context, executorAudit, shards, spark.conf().get(FAULT_DRILL, null), System.err, data);
        int code;
        try {
            code = ClusterAudit.run(runner, audit);
        } finally {
            runner.close();
            RemoteStore.install(previous);
        }
        Path out = runner.outputDir();
        if ((code == 0 || code == 1) && out != null && Files.exists(out.resolve("samples.csv"))) {
            SamplesParquet.write(spark, out.resolve("samples.csv"), out.resolve("samples.parquet"));
        }
        return code;
    }
}
