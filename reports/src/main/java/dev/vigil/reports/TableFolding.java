package dev.vigil.reports;

import dev.vigil.core.result.DataTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Folds the tables of one report section so that the printed report does not repeat itself, using
 * only the tables' shape, never a probe's name:
 * <ul>
 *   <li>tables whose first column names the same rows (one row per explained image, say) become one table;</li>
 *   <li>per-class tables (first column "class", every row a class of the data set) become one table,
 *       classes × the columns of all of them, each source table's columns under its own heading, and a
 *       column that repeats an earlier one (same heading, same cells) shown once;</li>
 *   <li>tables with the same columns (one per norm, say) become one table with a labelled group of rows each.</li>
 * </ul>
 * Source tables are named by the words that tell their titles apart ("FGSM L∞: robustness by ε" and
 * "FGSM L2: robustness by ε" become "FGSM L∞" and "FGSM L2" under "FGSM L∞, L2: robustness by ε").
 * With many classes a per-class table keeps the classes whose numbers are lowest, and says so;
 * every table is cut at {@link #MAX_ROWS} rows and {@link #MAX_COLUMNS} columns. results.json keeps everything.
 */
final class TableFolding {
    static final int MAX_ROWS = 200;
    static final int MAX_COLUMNS = 40;
    /** Per-class tables with more classes show only this many, those with the lowest mean. */
    static final int MAX_CLASS_ROWS = 15;

    private static final Pattern LEADING_NUMBER = Pattern.compile("^\\s*([-−+]?[0-9]+(?:\\.[0-9]+)?(?:[eE][-+]?[0-9]+)?)");
    private static final Pattern WHOLE_NUMBER = Pattern.compile("^\\s*[0-9]+\\s*$");

    private TableFolding() {
    }

    static List<TableView> fold(List<DataTable> tables, List<String> classNames) {
        Set<String> classes = new HashSet<>(classNames);
        Map<String, Integer> sameRows = new LinkedHashMap<>();
        tables.forEach(t -> rowKey(t).ifPresent(k -> sameRows.merge(k, 1, Integer::sum)));
        // Keyed by the kind of fold, in order of first appearance.
        Map<String, List<DataTable>> folds = new LinkedHashMap<>();
        for (DataTable t : tables) {
            String key;
            if (perClass(t, classes)) {
                key = "class";
            } else if (rowKey(t).map(k -> sameRows.get(k) > 1).orElse(false)) {
                key = "rows:" + rowKey(t).get();
            } else {
                key = "columns:" + String.join("\u0000", t.columns());
            }
            folds.computeIfAbsent(key, k -> new ArrayList<>()).add(t);
        }
        List<TableView> out = new ArrayList<>();
        folds.forEach((key, group) -> {
            if (key.equals("class")) {
                out.add(join(group, classNames, true));
            } else if (key.startsWith("rows:")) {
                out.add(join(group, group.get(0).rows().stream().map(r -> r.get(0)).toList(), false));
            } else {
                out.add(stack(group));
            }
        });
        return out;
    }

    /** The first column's heading and every row's first cell, when those cells name the rows uniquely: tables that share it are joined. */
    private static java.util.Optional<String> rowKey(DataTable t) {
        if (t.columns().isEmpty() || t.rows().isEmpty() || t.rows().stream().anyMatch(List::isEmpty)) {
            return java.util.Optional.empty();
        }
        List<String> keys = t.rows().stream().map(r -> r.get(0)).toList();
        if (new HashSet<>(keys).size() != keys.size()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(t.columns().get(0) + "\u0000" + String.join("\u0000", keys));
    }

    static boolean perClass(DataTable t, Set<String> classes) {
        return !t.columns().isEmpty() && t.columns().get(0).strip().equalsIgnoreCase("class") && !t.rows().isEmpty()
                && t.rows().stream().allMatch(r -> !r.isEmpty() && classes.contains(r.get(0)));
    }

    private static TableView stack(List<DataTable> group) {
        List<String> labels = group.size() > 1 ? labels(group) : List.of("");
        List<String> columns = group.get(0).columns();
        int shownColumns = Math.min(columns.size(), MAX_COLUMNS);
        List<TableView.RowGroup> rowGroups = new ArrayList<>();
        int total = 0;
        int shown = 0;
        for (int i = 0; i < group.size(); i++) {
            List<List<String>> rows = new ArrayList<>();
            for (List<String> row : group.get(i).rows()) {
                total++;
                if (shown < MAX_ROWS) {
                    rows.add(row.subList(0, Math.min(shownColumns, row.size())));
                    shown++;
                }
            }
            rowGroups.add(new TableView.RowGroup(labels.get(i), rows));
        }
        List<String> notes = new ArrayList<>();
        if (shown < total || shownColumns < columns.size()) {
            notes.add("Showing the first " + shown + " of " + total + " rows and " + shownColumns + " of " + columns.size()
                    + " columns; results.json holds the whole table.");
        }
        return new TableView(group.size() > 1 ? title(group) : group.get(0).title(), List.of(), columns.subList(0, shownColumns),
                rowGroups, String.join(" ", notes));
    }

    /**
     * One table of several that share their rows: the rows in {@code keys} order, each table's columns under its own
     * heading. With {@code classes}, the keys are the data set's classes: rows no table fills are left out, and with
     * many classes only those whose numbers are lowest are kept.
     */
    private static TableView join(List<DataTable> group, List<String> keys, boolean classes) {
        List<String> labels = group.size() > 1 ? labels(group) : List.of("");
        List<String> columns = new ArrayList<>(List.of(group.get(0).columns().get(0)));
        List<TableView.ColumnGroup> columnGroups = new ArrayList<>();
        Map<String, List<String>> rows = new LinkedHashMap<>();
        keys.forEach(c -> rows.put(c, new ArrayList<>(List.of(c))));
        Map<String, Map<String, String>> seen = new LinkedHashMap<>();
        for (int i = 0; i < group.size(); i++) {
            DataTable t = group.get(i);
            Map<String, List<String>> byClass = new LinkedHashMap<>();
            t.rows().forEach(r -> byClass.put(r.get(0), r));
            int span = 0;
            for (int c = 1; c < t.columns().size(); c++) {
                String heading = t.columns().get(c);
                Map<String, String> cells = new LinkedHashMap<>();
                for (String cls : keys) {
                    List<String> r = byClass.get(cls);
                    cells.put(cls, r != null && c < r.size() ? r.get(c) : "");
                }
                if (cells.equals(seen.get(heading))) {
                    continue;
                }
                seen.putIfAbsent(heading, cells);
                columns.add(heading);
                cells.forEach((cls, cell) -> rows.get(cls).add(cell));
                span++;
            }
            if (span > 0) {
                columnGroups.add(new TableView.ColumnGroup(labels.get(i), span));
            }
        }
        List<List<String>> present = new ArrayList<>();
        for (List<String> row : rows.values()) {
            if (row.subList(1, row.size()).stream().anyMatch(cell -> !cell.isBlank())) {
                present.add(row);
            }
        }
        List<String> notes = new ArrayList<>();
        if (group.size() > 1) {
            notes.add("One table for " + group.size() + (classes ? " per-class" : "") + " tables; the heading over each block of columns names its source.");
        }
        List<List<String>> shownRows = present;
        if (classes && present.size() > MAX_CLASS_ROWS) {
            shownRows = lowest(present, MAX_CLASS_ROWS);
            notes.add("Showing the " + MAX_CLASS_ROWS + " of " + present.size() + " classes whose numbers are lowest on average"
                    + " (the classes that break most), lowest first; results.json holds every class.");
        }
        int shownColumns = Math.min(columns.size(), MAX_COLUMNS);
        if (shownColumns < columns.size()) {
            notes.add("Showing " + shownColumns + " of " + columns.size() + " columns; results.json holds the whole table.");
            columnGroups = cutGroups(columnGroups, shownColumns - 1);
            shownRows = shownRows.stream().map(r -> r.subList(0, shownColumns)).toList();
        }
        if (shownRows.size() > MAX_ROWS) {
            notes.add("Showing the first " + MAX_ROWS + " of " + shownRows.size() + " rows; results.json holds the whole table.");
            shownRows = shownRows.subList(0, MAX_ROWS);
        }
        return new TableView(group.size() > 1 ? title(group) : group.get(0).title(), group.size() > 1 ? columnGroups : List.of(),
                columns.subList(0, shownColumns), List.of(new TableView.RowGroup("", shownRows)), String.join(" ", notes));
    }

    private static List<TableView.ColumnGroup> cutGroups(List<TableView.ColumnGroup> groups, int columns) {
        List<TableView.ColumnGroup> out = new ArrayList<>();
        int left = columns;
        for (TableView.ColumnGroup g : groups) {
            if (left <= 0) {
                break;
            }
            out.add(new TableView.ColumnGroup(g.label(), Math.min(left, g.span())));
            left -= g.span();
        }
        return out;
    }

    /** The {@code keep} rows with the lowest mean over their numeric cells, lowest first; counts (whole-number columns) are left out of the mean. */
    private static List<List<String>> lowest(List<List<String>> rows, int keep) {
        int width = rows.stream().mapToInt(List::size).max().orElse(0);
        boolean[] counts = new boolean[width];
        for (int c = 1; c < width; c++) {
            final int col = c;
            counts[c] = rows.stream().allMatch(r -> col >= r.size() || r.get(col).isBlank() || WHOLE_NUMBER.matcher(r.get(col)).matches());
        }
        return rows.stream().sorted(Comparator.comparingDouble(r -> mean(r, counts))).limit(keep).toList();
    }

    private static double mean(List<String> row, boolean[] counts) {
        double sum = 0;
        int n = 0;
        for (int c = 1; c < row.size(); c++) {
            Double v = counts[c] ? null : leadingNumber(row.get(c));
            if (v != null) {
                sum += v;
                n++;
            }
        }
        return n == 0 ? Double.POSITIVE_INFINITY : sum / n;
    }

    static Double leadingNumber(String cell) {
        Matcher m = LEADING_NUMBER.matcher(cell == null ? "" : cell);
        return m.find() ? Double.valueOf(m.group(1).replace('−', '-')) : null;
    }

    /** The words that tell each title apart from the others, with the words they share in front. */
    static List<String> labels(List<DataTable> group) {
        List<String[]> words = group.stream().map(t -> t.title().strip().split("\\s+")).toList();
        int prefix = commonPrefix(words);
        int suffix = commonSuffix(words, prefix);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String[] w = words.get(i);
            String distinct = trimPunctuation(String.join(" ", Arrays.copyOfRange(w, prefix, w.length - suffix)));
            String front = String.join(" ", Arrays.copyOfRange(w, 0, prefix));
            String label = (front + " " + distinct).strip();
            out.add(label.isEmpty() || distinct.isEmpty() ? group.get(i).title() + " (" + (i + 1) + ")" : label);
        }
        return out;
    }

    /** "FGSM L∞: robustness by ε" and "FGSM L2: robustness by ε" give "FGSM L∞, L2: robustness by ε". */
    static String title(List<DataTable> group) {
        List<String[]> words = group.stream().map(t -> t.title().strip().split("\\s+")).toList();
        int prefix = commonPrefix(words);
        int suffix = commonSuffix(words, prefix);
        List<String> distinct = new ArrayList<>();
        String punctuation = "";
        for (String[] w : words) {
            String part = String.join(" ", Arrays.copyOfRange(w, prefix, w.length - suffix));
            String trimmed = trimPunctuation(part);
            punctuation = part.substring(trimmed.length());
            if (!distinct.contains(trimmed)) {
                distinct.add(trimmed);
            }
        }
        String[] first = words.get(0);
        String front = String.join(" ", Arrays.copyOfRange(first, 0, prefix));
        String back = String.join(" ", Arrays.copyOfRange(first, first.length - suffix, first.length));
        return (front + " " + String.join(", ", distinct) + punctuation + " " + back).strip().replaceAll("\\s+", " ");
    }

    private static String trimPunctuation(String s) {
        return s.replaceAll("[:;,.·—-]+$", "").strip();
    }

    private static int commonPrefix(List<String[]> words) {
        int min = words.stream().mapToInt(w -> w.length).min().orElse(0);
        int p = 0;
        while (p < min) {
            final int i = p;
            if (!words.stream().allMatch(w -> w[i].equals(words.get(0)[i]))) {
                break;
            }
            p++;
        }
        return p;
    }

    private static int commonSuffix(List<String[]> words, int prefix) {
        int min = words.stream().mapToInt(w -> w.length).min().orElse(0);
        int s = 0;
        while (s < min - prefix) {
            final int i = s;
            String last = words.get(0)[words.get(0).length - 1 - i];
            if (!words.stream().allMatch(w -> w[w.length - 1 - i].equals(last))) {
                break;
            }
            s++;
        }
        return s;
    }
}
