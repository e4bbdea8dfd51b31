package dev.vigil.core.compare;

/**
 * A metric of results.json that is a share of per-sample rows, found and checked against the rows of
 * its run: {@code yes} of the {@code trials} rows of {@code setting} (those of class {@code className}
 * only, when it is not null) have {@code outcome}.
 */
record RowMetric(String name, RowSetting setting, Outcome outcome, String className, int yes, int trials) {
}
