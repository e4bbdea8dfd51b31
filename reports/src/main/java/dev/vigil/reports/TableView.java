package dev.vigil.reports;

import java.util.List;

/**
 * A table as the report shows it: optional column groups over the columns (one per source table of a
 * folded per-class table), rows in optional labelled groups (one per source table of stacked tables),
 * and a sentence saying what was left out or folded ("" when nothing was).
 */
public record TableView(String title, List<ColumnGroup> columnGroups, List<String> columns, List<RowGroup> rowGroups, String note) {
    public TableView {
        columnGroups = List.copyOf(columnGroups);
        columns = List.copyOf(columns);
        rowGroups = List.copyOf(rowGroups);
    }

    /** A label over {@code span} consecutive columns. */
    public record ColumnGroup(String label, int span) {
    }

    /** Rows under one label ("" for none). */
    public record RowGroup(String label, List<List<String>> rows) {
        public RowGroup {
            rows = rows.stream().map(List::copyOf).toList();
        }
    }

    public int rowCount() {
        return rowGroups.stream().mapToInt(g -> g.rows().size()).sum();
    }
}
