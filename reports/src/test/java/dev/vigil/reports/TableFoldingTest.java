package dev.vigil.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.core.result.DataTable;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableFoldingTest {
    private static final List<String> CLASSES = List.of("cat", "dog", "owl");

    private static DataTable perClass(String title, String... epsilons) {
        List<String> columns = new ArrayList<>(List.of("class", "samples"));
        List<List<String>> rows = new ArrayList<>();
        for (String e : epsilons) {
            columns.add("ε=" + e);
        }
        for (int c = 0; c < CLASSES.size(); c++) {
            List<String> row = new ArrayList<>(List.of(CLASSES.get(c), "20"));
            for (int e = 0; e < epsilons.length; e++) {
                row.add(String.format(java.util.Locale.ROOT, "0.%d000 [0.1000, 0.9000]", 9 - c - e));
            }
            rows.add(row);
        }
        return new DataTable(title, columns, rows);
    }

    @Test
    void perClassTablesOfASectionBecomeOneClassesBySettingsTableWithARepeatedColumnShownOnce() {
        List<TableView> views = TableFolding.fold(List.of(perClass("FGSM L∞: robust accuracy per class [95% CI]", "1/255", "8/255"),
                perClass("FGSM L2: robust accuracy per class [95% CI]", "0.5")), CLASSES);
        assertEquals(1, views.size());
        TableView t = views.get(0);
        assertEquals("FGSM L∞, L2: robust accuracy per class [95% CI]", t.title());
        assertEquals(List.of("class", "samples", "ε=1/255", "ε=8/255", "ε=0.5"), t.columns(), "the second samples column repeats the first");
        assertEquals(List.of(new TableView.ColumnGroup("FGSM L∞", 3), new TableView.ColumnGroup("FGSM L2", 1)), t.columnGroups());
        assertEquals(List.of("dog", "20", "0.8000 [0.1000, 0.9000]", "0.7000 [0.1000, 0.9000]", "0.8000 [0.1000, 0.9000]"),
                t.rowGroups().get(0).rows().get(1));
    }

    @Test
    void tablesWithTheSameColumnsAreStackedUnderTheWordsThatTellThemApart() {
        DataTable linf = new DataTable("PGD L∞: robustness by ε", List.of("ε", "robust accuracy"), List.of(List.of("8/255", "0.1")));
        DataTable l2 = new DataTable("PGD L2: robustness by ε", List.of("ε", "robust accuracy"), List.of(List.of("0.5", "0.2"), List.of("1.0", "0.1")));
        DataTable other = new DataTable("Soundness", List.of("check", "verdict"), List.of(List.of("gradients", "ok")));
        List<TableView> views = TableFolding.fold(List.of(linf, other, l2), CLASSES);
        assertEquals(List.of("PGD L∞, L2: robustness by ε", "Soundness"), views.stream().map(TableView::title).toList(),
                "in order of first appearance");
        TableView stacked = views.get(0);
        assertEquals(List.of("PGD L∞", "PGD L2"), stacked.rowGroups().stream().map(TableView.RowGroup::label).toList());
        assertEquals(3, stacked.rowCount());
        assertEquals(List.of(""), views.get(1).rowGroups().stream().map(TableView.RowGroup::label).toList(), "a lone table keeps no label");
    }

    @Test
    void tablesThatNameTheSameRowsAreJoined() {
        DataTable images = new DataTable("Explained images", List.of("sample", "class"), List.of(List.of("a.png", "cat"), List.of("b.png", "dog")));
        DataTable gaps = new DataTable("Completeness", List.of("sample", "class", "gap"),
                List.of(List.of("a.png", "cat", "0.1%"), List.of("b.png", "dog", "2.0%")));
        TableView t = TableFolding.fold(List.of(images, gaps), CLASSES).get(0);
        assertEquals(List.of("sample", "class", "gap"), t.columns());
        assertEquals(List.of(List.of("a.png", "cat", "0.1%"), List.of("b.png", "dog", "2.0%")), t.rowGroups().get(0).rows());
    }

    @Test
    void withManyClassesOnlyThoseThatBreakMostAreShownAndTheNoteSaysSo() {
        List<String> classes = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        for (int c = 0; c < 40; c++) {
            classes.add("class" + c);
            rows.add(List.of("class" + c, "25", String.format(java.util.Locale.ROOT, "%.4f", (c * 37 % 40) / 40.0)));
        }
        TableView t = TableFolding.fold(List.of(new DataTable("Per-class accuracy", List.of("class", "samples", "accuracy"), rows)), classes).get(0);
        List<List<String>> shown = t.rowGroups().get(0).rows();
        assertEquals(TableFolding.MAX_CLASS_ROWS, shown.size());
        assertEquals("0.0000", shown.get(0).get(2), "lowest first; the samples column, all whole numbers, does not count");
        assertEquals(String.format(java.util.Locale.ROOT, "%.4f", (TableFolding.MAX_CLASS_ROWS - 1) / 40.0), shown.get(shown.size() - 1).get(2));
        assertTrue(t.note().contains("Showing the 15 of 40 classes whose numbers are lowest"), t.note());
    }

    @Test
    void labelsFallBackToNumbersWhenTitlesAreTheSame() {
        DataTable a = new DataTable("Same", List.of("x", "y"), List.of(List.of("1", "2")));
        DataTable b = new DataTable("Same", List.of("x", "y"), List.of(List.of("3", "4")));
        assertEquals(List.of("Same (1)", "Same (2)"), TableFolding.labels(List.of(a, b)));
    }
}
