package dev.vigil.core.result;

import java.util.List;
import java.util.Map;

/**
 * One part of the report written by one probe. The report renders every section the same way, so a
 * new probe adds a section, not a template branch.
 *
 * @param summary  what was tested and how, in plain words
 * @param settings the probe's parameters, for "what was tested"
 */
public record Section(String id, String title, String summary, Map<String, String> settings,
                      List<DataTable> tables, List<Chart> charts, List<Figure> figures) {
    public Section {
        settings = settings == null ? Map.of() : new java.util.LinkedHashMap<>(settings);
        tables = List.copyOf(tables);
        charts = List.copyOf(charts);
        figures = List.copyOf(figures);
    }
}
