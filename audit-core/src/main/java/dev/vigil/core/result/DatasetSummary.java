package dev.vigil.core.result;

import dev.vigil.core.data.SkippedSample;
import java.util.List;

/**
 * What was read: the layout, the classes, how many samples were found, read and skipped (and why), and
 * which of the model's classes had no image read (none in the data, or all of them unreadable).
 */
public record DatasetSummary(String layout, List<String> classNames, int samplesFound, int samplesRead,
                             int samplesSkipped, List<SkippedSample> skipped, List<String> classesAbsent) {
    public DatasetSummary {
        classNames = List.copyOf(classNames);
        skipped = List.copyOf(skipped);
        // results.json written before the field existed has none: every class was then present
        classesAbsent = classesAbsent == null ? List.of() : List.copyOf(classesAbsent);
    }

    public DatasetSummary(String layout, List<String> classNames, int samplesFound, int samplesRead, int samplesSkipped,
                          List<SkippedSample> skipped) {
        this(layout, classNames, samplesFound, samplesRead, samplesSkipped, skipped, List.of());
    }
}
