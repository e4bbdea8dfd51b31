package dev.vigil.core.result;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The per-sample rows as a Tablesaw table and as samples.csv: fixed columns first, then one column
 * per probe-specific key (empty where a probe does not set it).
 */
public final class SamplesCsv {
    private SamplesCsv() {
    }

    public static Table table(List<SampleRow> rows) {
        StringColumn id = StringColumn.create("sample_id");
        StringColumn probe = StringColumn.create("probe");
        StringColumn parameter = StringColumn.create("parameter");
        StringColumn label = StringColumn.create("label");
        StringColumn prediction = StringColumn.create("prediction");
        DoubleColumn confidence = DoubleColumn.create("confidence");
        BooleanColumn correct = BooleanColumn.create("correct");
        TreeSet<String> extraKeys = new TreeSet<>();
        rows.forEach(r -> extraKeys.addAll(r.extra().keySet()));
        List<StringColumn> extras = extraKeys.stream().map(StringColumn::create).toList();
        for (SampleRow r : rows) {
            id.append(r.sampleId());
            probe.append(r.probe());
            parameter.append(r.parameter());
            label.append(r.label());
            prediction.append(r.prediction());
            confidence.append(Math.round(r.confidence() * 1e6) / 1e6);
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
        table(rows).write().csv(file.toFile());
    }
}
