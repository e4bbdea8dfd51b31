package dev.vigil.reports;

import dev.vigil.core.result.Section;
import java.util.List;

/** A section as the report shows it: its tables folded ({@link TableFolding}) and its figures as galleries ({@link Galleries}). */
public record SectionView(Section section, List<TableView> tables, List<Galleries.Gallery> galleries) {
    static SectionView of(Section section, List<String> classNames) {
        return new SectionView(section, TableFolding.fold(section.tables(), classNames), Galleries.of(section.figures()));
    }
}
