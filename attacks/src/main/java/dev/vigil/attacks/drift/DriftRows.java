package dev.vigil.attacks.drift;

import dev.vigil.core.audit.AuditContext;
import dev.vigil.core.data.Sample;
import dev.vigil.core.result.SampleRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One sample row per sample and setting: the prediction after the change, whether it is right,
 * whether it differs from the clean prediction ({@code flipped}), and the baseline's prediction
 * where a baseline ran; plus one worst-of-k row per sample with the angle it did worst at.
 */
final class DriftRows {
    private DriftRows() {
    }

    static List<SampleRow> of(AuditContext context, List<Sample> read, List<DriftSetting> settings, DriftOutcomes outcomes) {
        List<SampleRow> rows = new ArrayList<>();
        for (int s = 0; s < settings.size(); s++) {
            DriftSetting setting = settings.get(s);
            for (Sample sample : read) {
                int i = sample.index();
                if (!outcomes.evaluated(s, i)) {
                    continue;
                }
                int p = outcomes.predictions[s][i];
                Map<String, String> extra = new HashMap<>();
                extra.put("flipped", Boolean.toString(p != context.clean().predictions()[i]));
                if (outcomes.hasBaseline(s) && outcomes.baselinePredictions[s][i] >= 0) {
                    extra.put("baseline_prediction", context.className(outcomes.baselinePredictions[s][i]));
                }
                rows.add(new SampleRow(sample.id(), setting.rowProbe(), setting.parameter(), context.className(sample.label()),
                        context.className(p), outcomes.confidence[s][i], p == sample.label(), extra));
            }
        }
        return rows;
    }

    static List<SampleRow> worstOfK(AuditContext context, List<Sample> read, List<DriftSetting> settings, DriftOutcomes outcomes,
                                    WorstOfK worst, String parameter) {
        List<SampleRow> rows = new ArrayList<>();
        for (Sample sample : read) {
            int i = sample.index();
            int s = worst.worstSetting()[i];
            if (s < 0) {
                continue;
            }
            int p = outcomes.predictions[s][i];
            boolean allRight = true;
            boolean anyFlip = false;
            for (int r = 0; r < settings.size(); r++) {
                if (settings.get(r).family() == DriftFamily.ROTATION) {
                    allRight &= outcomes.predictions[r][i] == sample.label();
                    anyFlip |= outcomes.predictions[r][i] != context.clean().predictions()[i];
                }
            }
            rows.add(new SampleRow(sample.id(), "drift.rotation.worst_of_k", parameter, context.className(sample.label()),
                    context.className(p), outcomes.confidence[s][i], allRight,
                    Map.of("worst_angle", Angles.format(settings.get(s).angle()), "flipped", Boolean.toString(anyFlip))));
        }
        return rows;
    }
}
