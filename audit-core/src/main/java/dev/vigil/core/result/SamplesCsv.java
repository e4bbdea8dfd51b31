package dev.vigil.core.result;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;
import tech.tablesaw.io.csv.CsvWriteOptions;

/**
 * The per-sample rows as a Tablesaw table and as samples.csv: fixed columns first, then one column
 * per probe-specific key (empty where a probe does not set it). A {@link RowLog} is written in
 * tables of {@link #CHUNK_ROWS} rows, so memory stays bounded however many rows the audit made.
 * Numbers are written exactly (the shortest text that reads back as the same value), so that metrics
 * recomputed from samples.csv equal those of the run that wrote it.
 */
public final class SamplesCsv {
    static final int CHUNK_ROWS = 50_000;
    /** sample_id, probe, parameter, label, prediction, confidence, correct. */
    private static final int FIXED_COLUMNS = 7;

    private SamplesCsv() {
    }

    public static Table table(List<SampleRow> rows) {
        TreeSet<String> extraKeys = new TreeSet<>();
        rows.forEach(r -> extraKeys.addAll(r.extra().keySet()));
        return table(rows, extraKeys);
    }

    private static Table table(List<SampleRow> rows, SortedSet<String> extraKeys) {
        StringColumn id = StringColumn.create("sample_id");
        StringColumn probe = StringColumn.create("probe");
        StringColumn parameter = StringColumn.create("parameter");
        StringColumn label = StringColumn.create("label");
        StringColumn prediction = StringColumn.create("prediction");
        StringColumn confidence = StringColumn.create("confidence");
        BooleanColumn correct = BooleanColumn.create("correct");
        List<StringColumn> extras = extraKeys.stream().map(StringColumn::create).toList();
        for (SampleRow r : rows) {
            id.append(r.sampleId());
            probe.append(r.probe());
            parameter.append(r.parameter());
            label.append(r.label());
            prediction.append(r.prediction());
            confidence.append(Format.exact(r.confidence()));
            correct.append(r.correct());
            for (StringColumn c : extras) {
                c.append(r.extra().getOrDefault(c.name(), ""));
            }
        }
        Table table = Table.create("samples", id, probe, parameter, label, prediction, confidence, correct);
        extras.forEach(table::addColumns);
        return table;
    }

    public static void write(List<SampleRow> rows, Path file) throws IOException {
        AtomicFiles.write(file, temp -> table(rows).write().csv(temp.toFile()));
    }

    /** Streams the log into {@code file}, one table of at most {@link #CHUNK_ROWS} rows at a time. */
    public static void write(RowStore log, Path file) throws IOException {
        AtomicFiles.write(file, temp -> stream(log, temp));
    }

    private static void stream(RowStore log, Path file) throws IOException {
        SortedSet<String> extraKeys = log.extraColumns();
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            List<SampleRow> chunk = new ArrayList<>();
            boolean[] headerWritten = {false};
            try {
                log.forEach(row -> {
                    chunk.add(row);
                    if (chunk.size() == CHUNK_ROWS) {
                        writeChunk(chunk, extraKeys, writer, headerWritten);
                    }
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            if (!chunk.isEmpty() || !headerWritten[0]) {
                writeChunk(chunk, extraKeys, writer, headerWritten);
            }
        }
    }

    /**
     * Reads samples.csv back into rows: the fixed columns, and every non-empty probe-specific column as an
     * extra. Numbers were written exactly, so the rows equal those the audit recorded.
     */
    public static List<SampleRow> read(Path file) throws IOException {
        String header;
        try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
            header = lines.findFirst().orElseThrow(() -> new IOException(file + " is empty"));
        }
        // Column names are Vigil's own keys, which hold no commas.
        int columns = header.split(",", -1).length;
        ColumnType[] types = new ColumnType[columns];
        java.util.Arrays.fill(types, ColumnType.STRING);
        Table table = Table.read().usingOptions(CsvReadOptions.builder(file.toFile()).columnTypes(types).maxCharsPerColumn(1 << 20));
        List<String> names = table.columnNames();
        List<SampleRow> rows = new ArrayList<>(table.rowCount());
        for (int r = 0; r < table.rowCount(); r++) {
            java.util.Map<String, String> extra = new java.util.LinkedHashMap<>();
            for (int c = FIXED_COLUMNS; c < names.size(); c++) {
                String v = table.stringColumn(c).get(r);
                if (!v.isEmpty()) {
                    extra.put(names.get(c), v);
                }
            }
            rows.add(new SampleRow(table.stringColumn(0).get(r), table.stringColumn(1).get(r), table.stringColumn(2).get(r),
                    table.stringColumn(3).get(r), table.stringColumn(4).get(r), Double.parseDouble(table.stringColumn(5).get(r)),
                    Boolean.parseBoolean(table.stringColumn(6).get(r)), extra));
        }
        return rows;
    }

    private static void writeChunk(List<SampleRow> chunk, SortedSet<String> extraKeys, Writer writer, boolean[] headerWritten) {
        table(chunk, extraKeys).write().csv(CsvWriteOptions.builder(writer).header(!headerWritten[0]).build());
        headerWritten[0] = true;
        chunk.clear();
    }
}
