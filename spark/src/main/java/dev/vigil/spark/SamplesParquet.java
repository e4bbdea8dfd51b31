package dev.vigil.spark;

import java.nio.file.Path;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * samples.parquet beside samples.csv: the same rows as a Parquet table, the format a data lake reads at
 * this scale. samples.csv stays the exact record (floats written as their shortest exact text); the
 * Parquet columns carry the types Spark infers from it.
 */
final class SamplesParquet {
    private SamplesParquet() {
    }

    static void write(SparkSession spark, Path csv, Path parquet) {
        spark.read().option("header", "true").option("inferSchema", "true").csv(csv.toUri().toString())
                .coalesce(1).write().mode(SaveMode.Overwrite).parquet(parquet.toUri().toString());
    }
}
