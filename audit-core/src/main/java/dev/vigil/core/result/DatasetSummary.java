package dev.vigil.core.result;

import dev.vigil.core.data.SkippedSample;
import java.util.List;

/** What was read: the layout, the classes, how many samples were found, read and skipped (and why). */
public record DatasetSummary(String layout, List<String> classNames, int samplesFound, int samplesRead,
                             int samplesSkipped, List<SkippedSample> skipped) {
    public DatasetSummary {
        classNames = List.copyOf(classNames);
        skipped = List.copyOf(skipped);
    }
}
