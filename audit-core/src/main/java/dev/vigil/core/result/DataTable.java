package dev.vigil.core.result;

import java.util.List;

/** A table for the report: column titles and rows of already formatted cells. */
public record DataTable(String title, List<String> columns, List<List<String>> rows) {
    public DataTable {
        columns = List.copyOf(columns);
        rows = rows.stream().map(List::copyOf).toList();
    }
}
