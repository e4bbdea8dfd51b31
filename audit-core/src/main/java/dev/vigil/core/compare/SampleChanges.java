package dev.vigil.core.compare;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Per probe setting of two paired runs: the samples that newly fail and newly pass, overall and per class. */
final class SampleChanges {
    private SampleChanges() {
    }

    static List<SettingChanges> of(Map<String, RowMetric> baseLinked, Map<String, RowMetric> newLinked, RunRows baseRows,
                                   RunRows newRows, SampleIndex index) {
        List<SettingChanges> out = new ArrayList<>();
        for (RowMetric m : baseLinked.values()) {
            RowMetric n = newLinked.get(m.name());
            if (m.className() != null || m.outcome() != Outcome.CORRECT || n == null || !n.setting().equals(m.setting())) {
                continue;
            }
            out.add(changes(m, baseRows.setting(m.setting()), newRows.setting(m.setting()), baseRows, index));
        }
        return out;
    }

    private static SettingChanges changes(RowMetric m, SettingRows b, SettingRows n, RunRows baseRows, SampleIndex index) {
        int classes = index.classCount();
        int[] samples = new int[classes];
        int[] failing = new int[classes];
        int[] passing = new int[classes];
        List<SampleChange> newlyFailing = new ArrayList<>();
        List<SampleChange> newlyPassing = new ArrayList<>();
        int paired = 0;
        int onlyBase = 0;
        int onlyNew = 0;
        for (int i = 0; i < Math.max(b.span(), n.span()); i++) {
            boolean inBase = b.has(i);
            boolean inNew = n.has(i);
            if (inBase != inNew) {
                if (inBase) {
                    onlyBase++;
                } else {
                    onlyNew++;
                }
                continue;
            }
            if (!inBase) {
                continue;
            }
            paired++;
            int label = baseRows.label(i);
            samples[label]++;
            if (b.correct(i) == n.correct(i)) {
                continue;
            }
            SampleChange change = new SampleChange(index.sampleId(i), index.className(label), index.className(b.prediction(i)),
                    index.className(n.prediction(i)));
            if (b.correct(i)) {
                failing[label]++;
                newlyFailing.add(change);
            } else {
                passing[label]++;
                newlyPassing.add(change);
            }
        }
        List<ClassChanges> perClass = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            if (samples[c] > 0) {
                perClass.add(new ClassChanges(index.className(c), samples[c], failing[c], passing[c]));
            }
        }
        perClass.sort(Comparator.comparing(ClassChanges::className));
        newlyFailing.sort(Comparator.comparing(SampleChange::sampleId));
        newlyPassing.sort(Comparator.comparing(SampleChange::sampleId));
        return new SettingChanges(m.setting().label(), m.setting().probe(), m.setting().parameter(), m.name(), paired, onlyBase,
                onlyNew, perClass, newlyFailing, newlyPassing);
    }
}
