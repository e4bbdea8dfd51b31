package dev.vigil.attacks.adversarial;

import dev.vigil.core.data.Sample;
import dev.vigil.core.eval.CleanOutcome;
import dev.vigil.core.perturb.Epsilon;
import dev.vigil.core.result.DataTable;
import dev.vigil.core.result.Finding;
import dev.vigil.core.result.Format;
import dev.vigil.core.result.RowSource;
import dev.vigil.core.result.SampleRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The AutoAttack ensemble over its members' outcomes: per image and budget, robust only if no member broke
 * it, and broken by the first member in AutoAttack's order (APGD-CE, APGD-T, Square) that did. Its rows
 * ({@code autoattack.<norm>}, with the column {@code broken_by}) are written in the pass from the members'
 * outcomes of the same images, so they shard like every other row; its metrics, table and red flag are
 * computed from those rows.
 */
final class AutoAttackSuite {
    static final List<AttackDefinition> MEMBERS = List.of(AttackCatalogue.APGD_CE, AttackCatalogue.APGD_T, AttackCatalogue.SQUARE);
    static final String BROKEN_BY = "broken_by";
    /** {@code broken_by} of an image no member broke. */
    static final String ROBUST = "none";
    /** {@code broken_by} of an image the model gets wrong unchanged (never attacked). */
    static final String CLEAN_ERROR = "clean-error";
    /** AutoAttack's tolerance for its Square check (fra31/auto-attack, checks.py): 0.2% of the images. */
    static final double SQUARE_TOLERANCE = 0.002;

    private AutoAttackSuite() {
    }

    /** Whether the plan runs the whole suite, untargeted: only then is there an ensemble. */
    static boolean complete(AdversarialPlan plan) {
        return MEMBERS.stream().allMatch(plan::runs) && plan.target().strip().equalsIgnoreCase("none");
    }

    /** The ensemble's specs, one per norm of the plan, or none when the plan does not run the whole suite. */
    static List<AttackSpec> specs(AdversarialPlan plan, Targeting targeting) {
        if (!complete(plan)) {
            return List.of();
        }
        return plan.norms().stream().map(n -> new AttackSpec(AttackCatalogue.AUTOATTACK, n, plan.epsilons(n), targeting)).toList();
    }

    static AttackSpec member(AttackDefinition definition, AttackSpec ensemble) {
        return new AttackSpec(definition, ensemble.norm(), ensemble.epsilons(), ensemble.targeting());
    }

    /** The members' outcomes of one pass, by spec, budget and sample index (without pixels). */
    static final class Collector {
        private final Map<String, AttackSample[][]> outcomes = new HashMap<>();
        private final int samples;

        Collector(int samples) {
            this.samples = samples;
        }

        void offer(AttackSpec spec, List<Sample> batch, AttackSample[][] results) {
            if (!MEMBERS.contains(spec.definition())) {
                return;
            }
            AttackSample[][] store = outcomes.computeIfAbsent(spec.id(), k -> new AttackSample[results.length][samples]);
            for (int e = 0; e < results.length; e++) {
                for (int i = 0; i < batch.size(); i++) {
                    AttackSample a = results[e][i];
                    store[e][batch.get(i).index()] = new AttackSample(a.prediction(), a.confidence(), a.trueClassProbability(), a.linf(),
                            a.l2(), a.progress(), null);
                }
            }
        }

        /** The ensemble's rows for the samples every member attacked in this pass. */
        List<SampleRow> rows(AttackSpec ensemble, List<Sample> samples, CleanOutcome clean, List<String> classNames) {
            List<AttackSample[][]> members = new ArrayList<>();
            for (AttackDefinition d : MEMBERS) {
                AttackSample[][] m = outcomes.get(member(d, ensemble).id());
                if (m == null) {
                    return List.of();
                }
                members.add(m);
            }
            int budgets = ensemble.epsilons().size();
            List<Sample> covered = samples.stream().filter(s -> members.stream().allMatch(m -> m[0][s.index()] != null)).toList();
            AttackSample[][] chosen = new AttackSample[budgets][covered.size()];
            String[][] brokenBy = new String[budgets][covered.size()];
            for (int e = 0; e < budgets; e++) {
                for (int k = 0; k < covered.size(); k++) {
                    Sample s = covered.get(k);
                    int i = s.index();
                    if (!clean.correct(i)) {
                        chosen[e][k] = members.get(0)[e][i];
                        brokenBy[e][k] = CLEAN_ERROR;
                        continue;
                    }
                    brokenBy[e][k] = ROBUST;
                    AttackSample worst = null;
                    for (int m = 0; m < members.size() && brokenBy[e][k].equals(ROBUST); m++) {
                        AttackSample a = members.get(m)[e][i];
                        if (a.prediction() != s.label()) {
                            chosen[e][k] = a;
                            brokenBy[e][k] = MEMBERS.get(m).id();
                        } else if (worst == null || a.trueClassProbability() < worst.trueClassProbability()) {
                            worst = a;
                        }
                    }
                    if (chosen[e][k] == null) {
                        chosen[e][k] = worst;
                    }
                }
            }
            List<SampleRow> rows = SweepRows.of(ensemble, covered, chosen, null, clean, classNames);
            List<SampleRow> out = new ArrayList<>(rows.size());
            for (int r = 0; r < rows.size(); r++) {
                SampleRow row = rows.get(r);
                Map<String, String> extra = new LinkedHashMap<>(row.extra());
                extra.put(BROKEN_BY, brokenBy[r % budgets][r / budgets]);
                out.add(new SampleRow(row.sampleId(), row.probe(), row.parameter(), row.label(), row.prediction(), row.confidence(),
                        row.correct(), extra));
            }
            return out;
        }
    }

    /** How many images each member broke first, per budget, from the ensemble's rows: by budget parameter, then by member id. */
    static Map<String, Map<String, Integer>> brokenCounts(AttackSpec ensemble, RowSource rows) {
        Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
        for (Epsilon eps : ensemble.epsilons()) {
            Map<String, Integer> byMember = new LinkedHashMap<>();
            MEMBERS.forEach(m -> byMember.put(m.id(), 0));
            byMember.put(ROBUST, 0);
            byMember.put(CLEAN_ERROR, 0);
            counts.put(eps.parameter(), byMember);
        }
        String id = ensemble.id();
        rows.forEach(row -> {
            if (row.probe().equals(id)) {
                counts.get(row.parameter()).merge(row.extra().get(BROKEN_BY), 1, Integer::sum);
            }
        });
        return counts;
    }

    /** The table of which member broke how many images first, per budget. */
    static DataTable brokenByTable(AttackSpec ensemble, Map<String, Map<String, Integer>> counts) {
        List<String> columns = new ArrayList<>(List.of("ε"));
        MEMBERS.forEach(m -> columns.add("broken first by " + m.title()));
        columns.addAll(List.of("robust (no member broke it)", "misclassified unchanged"));
        List<List<String>> rows = new ArrayList<>();
        for (Epsilon eps : ensemble.epsilons()) {
            Map<String, Integer> c = counts.get(eps.parameter());
            List<String> row = new ArrayList<>(List.of(eps.text()));
            MEMBERS.forEach(m -> row.add(Integer.toString(c.get(m.id()))));
            row.add(Integer.toString(c.get(ROBUST)));
            row.add(Integer.toString(c.get(CLEAN_ERROR)));
            rows.add(row);
        }
        return new DataTable(ensemble.title() + ": which attack broke each image first", columns, rows);
    }

    /**
     * AutoAttack's own check: the black-box Square attack breaking more than 0.2% of the images that the
     * white-box APGD attacks left robust means their gradients mislead them.
     */
    static Optional<Finding> squareBeatsWhiteBox(AttackSpec ensemble, Map<String, Map<String, Integer>> counts) {
        List<String> cases = new ArrayList<>();
        for (Epsilon eps : ensemble.epsilons()) {
            Map<String, Integer> c = counts.get(eps.parameter());
            int images = c.values().stream().mapToInt(Integer::intValue).sum();
            int square = c.get(AttackCatalogue.SQUARE.id());
            if (square > SQUARE_TOLERANCE * images) {
                int leftByWhiteBox = square + c.get(ROBUST);
                cases.add("at ε=" + eps.text() + " Square broke " + square + " of the " + leftByWhiteBox + " images APGD-CE and APGD-T left"
                        + " robust (" + Format.share((double) square / images) + " of all " + images + " images)");
            }
        }
        if (cases.isEmpty()) {
            return Optional.empty();
        }
        String norm = ensemble.norm().symbol();
        return Optional.of(Finding.warning("square-beats-white-box." + ensemble.id(),
                "Square breaks images the gradient attacks could not (" + norm + "): gradient masking",
                "In " + norm + ", " + String.join("; ", cases) + ". Square uses only the model's outputs; when it finds adversarial"
                        + " images that gradient-based attacks with the same budget missed, the gradients mislead those attacks"
                        + " (gradient masking, Athalye et al. 2018), and any robust accuracy measured by gradient attacks alone"
                        + " (FGSM, PGD, APGD) is overstated. This is AutoAttack's own check (Croce and Hein 2020), with its tolerance"
                        + " of 0.2% of the images."));
    }
}
