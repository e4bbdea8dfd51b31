package dev.vigil.attacks.drift;

import dev.vigil.core.audit.AuditContext;
import dev.vigil.core.data.Dataset;
import dev.vigil.core.data.Sample;
import dev.vigil.core.eval.CleanOutcome;
import dev.vigil.core.result.RowSource;
import dev.vigil.core.result.SampleRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The drift probe's per-sample rows, both ways. Written by the pass: one row per sample and setting
 * (the prediction after the change, whether it is right, whether it differs from the clean prediction
 * ({@code flipped}), and the baseline's prediction where a baseline ran), plus one worst-of-k row per
 * sample with the angle it did worst at. Read back by the conclusion, in any order, into the outcomes
 * every metric and figure is computed from.
 */
final class DriftRows {
    static final String WORST_OF_K = "drift.rotation.worst_of_k";
    static final String FLIPPED = "flipped";
    static final String BASELINE = "baseline_prediction";
    static final String BASELINE_NONFINITE = "baseline_nonfinite_logits";
    /** Extra column, "true" on a row whose logits were not finite: no prediction (an empty one), not in the metrics. */
    static final String NONFINITE = "nonfinite_logits";

    private DriftRows() {
    }

    static List<SampleRow> of(AuditContext context, List<Sample> samples, List<DriftSetting> settings, DriftOutcomes outcomes) {
        List<SampleRow> rows = new ArrayList<>();
        for (int s = 0; s < settings.size(); s++) {
            DriftSetting setting = settings.get(s);
            for (Sample sample : samples) {
                int i = sample.index();
                if (outcomes.nonFinite[s][i]) {
                    rows.add(new SampleRow(sample.id(), setting.rowProbe(), setting.parameter(), context.className(sample.label()),
                            "", 0, false, Map.of(NONFINITE, "true")));
                    continue;
                }
                if (!outcomes.evaluated(s, i)) {
                    continue;
                }
                int p = outcomes.predictions[s][i];
                Map<String, String> extra = new HashMap<>();
                extra.put(FLIPPED, Boolean.toString(p != context.clean().predictions()[i]));
                int base = outcomes.hasBaseline(s) ? outcomes.baselinePredictions[s][i] : -1;
                if (base >= 0) {
                    extra.put(BASELINE, context.className(base));
                } else if (base == DriftOutcomes.BASELINE_NONFINITE) {
                    extra.put(BASELINE_NONFINITE, "true");
                }
                rows.add(new SampleRow(sample.id(), setting.rowProbe(), setting.parameter(), context.className(sample.label()),
                        context.className(p), outcomes.confidence[s][i], p == sample.label(), extra));
            }
        }
        return rows;
    }

    /**
     * One row per sample evaluated at every rotation: right only if right at every angle, flipped if
     * flipped at any, with the prediction at its worst angle (the lowest true-class probability).
     */
    static List<SampleRow> worstOfK(AuditContext context, List<Sample> samples, List<DriftSetting> settings,
                                    List<Integer> rotations, DriftOutcomes outcomes, String parameter) {
        List<SampleRow> rows = new ArrayList<>();
        for (Sample sample : samples) {
            int i = sample.index();
            int s = WorstOfK.worstSetting(rotations, outcomes, i);
            if (s < 0 || !context.clean().read(i)) {
                continue;
            }
            int p = outcomes.predictions[s][i];
            boolean allRight = true;
            boolean anyFlip = false;
            for (int r : rotations) {
                allRight &= outcomes.predictions[r][i] == sample.label();
                anyFlip |= outcomes.predictions[r][i] != context.clean().predictions()[i];
            }
            rows.add(new SampleRow(sample.id(), WORST_OF_K, parameter, context.className(sample.label()),
                    context.className(p), outcomes.confidence[s][i], allRight,
                    Map.of("worst_angle", Angles.format(settings.get(s).angle()), FLIPPED, Boolean.toString(anyFlip))));
        }
        return rows;
    }

    /** The outcomes of every setting the rows describe (samples without a row stay unevaluated). */
    static DriftOutcomes read(RowSource rows, List<DriftSetting> settings, Dataset dataset, boolean baseline) {
        int n = dataset.samples().size();
        DriftOutcomes out = new DriftOutcomes(settings.size(), n, baseline);
        Map<String, Integer> bySetting = new HashMap<>();
        for (int s = 0; s < settings.size(); s++) {
            bySetting.put(settings.get(s).rowProbe() + "\u0000" + settings.get(s).parameter(), s);
        }
        Map<String, Integer> index = dataset.indexById();
        Map<String, Integer> classes = classIndex(dataset);
        rows.forEach(row -> {
            Integer s = bySetting.get(row.probe() + "\u0000" + row.parameter());
            if (s == null) {
                return;
            }
            int i = index.get(row.sampleId());
            if ("true".equals(row.extra().get(NONFINITE))) {
                out.nonFinite[s][i] = true;
                return;
            }
            out.predictions[s][i] = classes.get(row.prediction());
            out.confidence[s][i] = (float) row.confidence();
            String base = row.extra().get(BASELINE);
            if (base != null) {
                out.baselineRow(s, n)[i] = classes.get(base);
            } else if ("true".equals(row.extra().get(BASELINE_NONFINITE))) {
                out.baselineRow(s, n)[i] = DriftOutcomes.BASELINE_NONFINITE;
            }
        });
        return out;
    }

    /** The paired counts of worst-of-k from its rows: a sample counts where it has a row. */
    static PairedCounts worstOfKCounts(RowSource rows, Dataset dataset, CleanOutcome clean) {
        int n = dataset.samples().size();
        boolean[] evaluated = new boolean[n];
        boolean[] right = new boolean[n];
        boolean[] changed = new boolean[n];
        Map<String, Integer> index = dataset.indexById();
        rows.forEach(row -> {
            if (row.probe().equals(WORST_OF_K)) {
                int i = index.get(row.sampleId());
                evaluated[i] = true;
                right[i] = row.correct();
                changed[i] = Boolean.parseBoolean(row.extra().get(FLIPPED));
            }
        });
        return PairedCounts.of(evaluated, right, changed, clean, dataset.classNames().size());
    }

    private static Map<String, Integer> classIndex(Dataset dataset) {
        Map<String, Integer> classes = new HashMap<>();
        for (int c = 0; c < dataset.classNames().size(); c++) {
            classes.put(dataset.classNames().get(c), c);
        }
        return classes;
    }
}
