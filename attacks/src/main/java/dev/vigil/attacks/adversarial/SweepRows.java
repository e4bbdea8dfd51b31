package dev.vigil.attacks.adversarial;

import dev.vigil.core.data.Sample;
import dev.vigil.core.eval.CleanOutcome;
import dev.vigil.core.perturb.Epsilon;
import dev.vigil.core.result.Format;
import dev.vigil.core.result.RowSource;
import dev.vigil.core.result.SampleRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An attack's per-sample rows, both ways: the rows of one batch's outcomes, as the pass writes them
 * (one per image and budget, with the smallest flipping budget, the true-class probability and the
 * perturbation sizes, written exactly), and the {@link Sweep} read back from rows in any order, which
 * is what every metric and figure of the attack is computed from.
 */
final class SweepRows {
    static final String MIN_FLIP = "min_flip_eps";
    static final String TRUE_CLASS_CONFIDENCE = "true_class_confidence";
    static final String LINF = "perturbation_linf";
    static final String L2 = "perturbation_l2";
    static final String TARGET = "target";
    /** Extra column, "true" on a row whose logits were not finite: it has no prediction (an empty one). */
    static final String NONFINITE = "nonfinite_logits";

    private SweepRows() {
    }

    /**
     * @param outcomes by budget and batch position
     * @param targets  by batch position, or null when untargeted
     */
    static List<SampleRow> of(AttackSpec spec, List<Sample> batch, AttackSample[][] outcomes, int[] targets, CleanOutcome clean,
                              List<String> classNames) {
        List<SampleRow> rows = new ArrayList<>();
        List<Epsilon> budgets = spec.epsilons();
        for (int i = 0; i < batch.size(); i++) {
            Sample s = batch.get(i);
            String minimal = SweepSummary.NONE;
            for (int e = 0; e < budgets.size(); e++) {
                if (outcomes[e][i].prediction() != clean.predictions()[s.index()]) {
                    minimal = budgets.get(e).text();
                    break;
                }
            }
            for (int e = 0; e < budgets.size(); e++) {
                AttackSample a = outcomes[e][i];
                Map<String, String> extra = new LinkedHashMap<>();
                extra.put(MIN_FLIP, minimal);
                extra.put(TRUE_CLASS_CONFIDENCE, Format.exact(a.trueClassProbability()));
                extra.put(LINF, Format.exact(a.linf()));
                extra.put(L2, Format.exact(a.l2()));
                if (targets != null) {
                    extra.put(TARGET, classNames.get(targets[i]));
                }
                boolean finite = a.prediction() != dev.vigil.core.eval.Predictions.NONE;
                if (!finite) {
                    extra.put(NONFINITE, "true");
                }
                rows.add(new SampleRow(s.id(), spec.id(), budgets.get(e).parameter(), classNames.get(s.label()),
                        finite ? classNames.get(a.prediction()) : "", a.confidence(), a.prediction() == s.label(), extra));
            }
        }
        return rows;
    }

    /** The sweep of {@code spec} that the rows describe (rows of other specs are ignored). */
    static Sweep read(AttackSpec spec, RowSource rows, Map<String, Integer> indexById, List<String> classNames) {
        Sweep sweep = new Sweep(spec, indexById.size());
        Map<String, Integer> budgetByParameter = new HashMap<>();
        for (int e = 0; e < spec.epsilons().size(); e++) {
            budgetByParameter.put(spec.epsilons().get(e).parameter(), e);
        }
        Map<String, Integer> classes = new HashMap<>();
        for (int c = 0; c < classNames.size(); c++) {
            classes.put(classNames.get(c), c);
        }
        String id = spec.id();
        rows.forEach(row -> {
            if (!row.probe().equals(id)) {
                return;
            }
            int index = indexById.get(row.sampleId());
            Map<String, String> x = row.extra();
            sweep.put(budgetByParameter.get(row.parameter()), index, new AttackSample(
                    "true".equals(x.get(NONFINITE)) ? dev.vigil.core.eval.Predictions.NONE : classes.get(row.prediction()),
                    (float) row.confidence(), Float.parseFloat(x.get(TRUE_CLASS_CONFIDENCE)), Float.parseFloat(x.get(LINF)),
                    Float.parseFloat(x.get(L2)), Double.NaN, null));
            if (x.containsKey(TARGET)) {
                sweep.target(index, classes.get(x.get(TARGET)));
            }
        });
        return sweep;
    }
}
