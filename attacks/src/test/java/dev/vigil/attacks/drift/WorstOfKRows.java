package dev.vigil.attacks.drift;

import dev.vigil.core.data.Dataset;
import dev.vigil.core.data.Sample;
import dev.vigil.core.eval.CleanOutcome;
import dev.vigil.core.testing.TestContexts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Worst-of-k counts of hand-made outcomes, computed as the probe computes them: rows written, then read back. */
final class WorstOfKRows {
    private WorstOfKRows() {
    }

    static PairedCounts counts(List<Integer> rotations, DriftOutcomes outcomes, CleanOutcome clean, int classes) {
        int n = clean.labels().length;
        List<String> names = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            names.add("c" + c);
        }
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            samples.add(new Sample(i, "s" + i, Path.of("s" + i + ".png"), clean.labels()[i]));
        }
        Dataset dataset = new Dataset(Path.of("."), "imagefolder", names, samples);
        List<DriftSetting> settings = new ArrayList<>();
        for (int s = 0; s < outcomes.predictions.length; s++) {
            settings.add(new DriftSetting(DriftFamily.ROTATION, "drift.rotation." + s, "drift.rotation", "angle=" + s, s + "°",
                    "angle_" + s, "rotation", 0, s, "", (x, batch) -> x));
        }
        var context = TestContexts.of(null, dataset, clean, 1, 0, null, null, null);
        var rows = DriftRows.worstOfK(context, samples, settings, rotations, outcomes, "angles=all");
        return DriftRows.worstOfKCounts(rows::forEach, dataset, clean);
    }
}
