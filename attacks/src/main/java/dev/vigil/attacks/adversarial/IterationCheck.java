package dev.vigil.attacks.adversarial;

import dev.vigil.core.audit.AuditContext;
import dev.vigil.core.audit.BatchRunner;
import dev.vigil.core.audit.Progress;
import dev.vigil.core.data.Sample;
import dev.vigil.core.model.Classifier;
import dev.vigil.core.perturb.Epsilon;
import dev.vigil.core.result.DataTable;
import dev.vigil.core.result.Finding;
import dev.vigil.core.result.RowSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * More iterations must not help the model (Carlini et al. 2019): each iterative gradient attack of the
 * audit runs again, independently, with a quarter of its iterations on the check sample, and robust
 * accuracy under the full budget must not exceed the shorter run's.
 *
 * <p>Within one run it cannot: an image leaves PGD and APGD at its first success and {@link Restarts}
 * keeps the union over restarts, whose first is the one-restart run, so neither more steps of the same
 * search nor more restarts can take a success away. Only a separate, shorter run can show it, and only
 * if it is not the first part of the full one: APGD's checkpoints are shares of its iterations, and the
 * shorter PGD takes steps as much longer as keeps the path length. A model on which the long search
 * stays correct where the short one breaks it has gradients that lead a careful search away from
 * adversarial points (a loss with local maxima near the image, gradient masking), and its robust
 * accuracy is overstated.
 *
 * <p>The check runs at one budget per attack and norm: the largest ε at which the full attack left at
 * least {@link #MIN_EXCESS} images of the sample robust, since where fewer are robust the flag cannot
 * fire. It is a step of the conclusion on the driver (a few hundred images, a quarter of the iterations,
 * one budget), reading the full run's outcomes from the rows.
 */
final class IterationCheck {
    /** The shorter run has 1/FRACTION of the iterations. */
    static final int FRACTION = 4;
    /** The full run must leave at least this many more images robust than the short one. */
    static final int MIN_EXCESS = 2;
    /**
     * One-sided sign test on the images only one of the two runs broke: under "neither run is the better"
     * each is broken by the short run with probability 1/2, and a sound attack makes it less; the flag needs
     * the short run's excess to have probability below this (for 0 images broken only by the full run,
     * at least 7 broken only by the short run).
     */
    static final double SIGNIFICANCE = 0.01;

    /**
     * One attack in one norm: the budgets compared, the ε chosen (null when the full attack left fewer than
     * {@link #MIN_EXCESS} images robust at every ε, so the check had nothing to compare), and the counts on
     * the check sample: images, robust under each run, broken only by the short run, only by the full one.
     */
    record Result(AttackSpec spec, String fullBudget, String reducedBudget, Epsilon epsilon, int images, int fullRobust,
                  int reducedRobust, int onlyShort, int onlyFull) {
        boolean flagged() {
            return epsilon != null && fullRobust - reducedRobust >= MIN_EXCESS && signTest(onlyShort, onlyFull) < SIGNIFICANCE;
        }
    }

    private IterationCheck() {
    }

    /** The check for every attack of the plan that iterates on gradients and ran, on the check sample. */
    static List<Result> run(AuditContext context, AdversarialPlan plan, Targeting targeting, List<AttackSpec> ran, List<Sample> checkSample,
                            RowSource rows) throws Exception {
        List<Result> out = new ArrayList<>();
        for (AttackSpec spec : ran) {
            Optional<FewerIterations> fewer = plan.settingsOf(spec.definition()).fewerIterations(FRACTION);
            if (fewer.isPresent()) {
                out.add(check(context, spec, fewer.get(), targeting, checkSample, rows));
            }
        }
        return out;
    }

    private static Result check(AuditContext context, AttackSpec spec, FewerIterations fewer, Targeting targeting, List<Sample> checkSample,
                                RowSource rows) throws Exception {
        Sweep sweep = SweepRows.read(spec, rows, context.dataset().indexById(), context.dataset().classNames());
        int chosen = -1;
        for (int e = spec.epsilons().size() - 1; e >= 0 && chosen < 0; e--) {
            int robust = 0;
            for (Sample s : checkSample) {
                robust += robust(context, s, sweep.at(e, s.index())) ? 1 : 0;
            }
            if (robust >= MIN_EXCESS && spec.epsilons().get(e).value() > 0) {
                chosen = e;
            }
        }
        if (chosen < 0) {
            return new Result(spec, fewer.full(), fewer.reduced(), null, checkSample.size(), 0, 0, 0, 0);
        }
        Epsilon eps = spec.epsilons().get(chosen);
        AttackSample[] reduced = shortRun(context, spec, fewer.recipe().create(spec.norm(), context.seed()), eps, targeting, checkSample);
        int fullRobust = 0;
        int reducedRobust = 0;
        int onlyShort = 0;
        int onlyFull = 0;
        for (int k = 0; k < checkSample.size(); k++) {
            Sample s = checkSample.get(k);
            boolean full = robust(context, s, sweep.at(chosen, s.index()));
            boolean brief = robust(context, s, reduced[k]);
            fullRobust += full ? 1 : 0;
            reducedRobust += brief ? 1 : 0;
            onlyShort += full && !brief ? 1 : 0;
            onlyFull += brief && !full ? 1 : 0;
        }
        return new Result(spec, fewer.full(), fewer.reduced(), eps, checkSample.size(), fullRobust, reducedRobust, onlyShort, onlyFull);
    }

    private static boolean robust(AuditContext context, Sample s, AttackSample outcome) {
        return context.clean().correct(s.index()) && outcome != null && outcome.prediction() == s.label();
    }

    /** The shorter attack at one budget on the check sample, outcomes in the sample's order. */
    private static AttackSample[] shortRun(AuditContext context, AttackSpec spec, Attack attack, Epsilon eps, Targeting targeting,
                                           List<Sample> checkSample) throws Exception {
        Classifier model = context.classifier();
        int classes = model.labels().size();
        AttackSample[] out = new AttackSample[checkSample.size()];
        int[] next = {0};
        Progress.Task task = context.progress().start("iteration check: " + spec.id(), checkSample.size());
        BatchRunner.run(model, checkSample, context.batchSize(), task, (batch, pixels, scope) -> {
            boolean[] correct = AdversarialProbe.cleanCorrect(context.clean(), batch);
            float[] cleanLogits = targeting.mode() == Targeting.Mode.LEAST_LIKELY ? model.logits(pixels).toFloatArray() : null;
            Criterion criterion = Criterion.of(targeting, batch.labels(), correct, cleanLogits, classes);
            AttackBatch attackBatch = new AttackBatch(model, pixels, criterion, AdversarialProbe.ids(batch), new boolean[batch.size()],
                    i -> AdversarialProbe.unattacked(context.clean(), batch, i, false, model));
            AttackSample[] outcomes = attack.run(attackBatch, List.of(eps))[0];
            System.arraycopy(outcomes, 0, out, next[0], outcomes.length);
            next[0] += outcomes.length;
        });
        task.finish("iteration check: " + spec.id() + " at ε=" + eps.text() + " on " + checkSample.size() + " images");
        return out;
    }

    /** P(X ≥ k) for X ~ Binomial(k + j, 1/2): the short run's excess by chance alone. */
    static double signTest(int k, int j) {
        int n = k + j;
        if (n == 0) {
            return 1;
        }
        double logHalf = n * Math.log(0.5);
        double p = 0;
        double logChoose = 0; // log C(n, i), built up from i = 0
        for (int i = 0; i <= n; i++) {
            if (i > 0) {
                logChoose += Math.log(n - i + 1) - Math.log(i);
            }
            if (i >= k) {
                p += Math.exp(logChoose + logHalf);
            }
        }
        return Math.min(1, p);
    }

    static List<Finding> findings(List<Result> results) {
        List<Finding> out = new ArrayList<>();
        for (Result r : results) {
            if (r.flagged()) {
                out.add(Finding.warning("robust-accuracy-rises-with-iterations." + r.spec().id(),
                        r.spec().title() + " robust accuracy rises with more iterations",
                        String.format(Locale.ROOT, "At ε=%s on %d images, %s with %s leaves %d robust, but an independent run"
                                        + " with %s leaves only %d: %d images the shorter run broke survive the full search"
                                        + " (%d the other way round; by chance alone p = %.2g). More iterations must not help the"
                                        + " model (Carlini et al. 2019): its gradients lead a careful search away from the adversarial"
                                        + " points a coarser one finds (local maxima of the loss near the image, gradient masking),"
                                        + " so the robust accuracy of %s is overstated. Evaluate it with more restarts, a"
                                        + " different step size or the AutoAttack suite.",
                                r.epsilon().text(), r.images(), r.spec().title(), r.fullBudget(), r.fullRobust(), r.reducedBudget(),
                                r.reducedRobust(), r.onlyShort(), r.onlyFull(), signTest(r.onlyShort(), r.onlyFull()),
                                r.spec().title())));
            }
        }
        return out;
    }

    static DataTable table(List<Result> results) {
        List<List<String>> rows = new ArrayList<>();
        for (Result r : results) {
            if (r.epsilon() == null) {
                rows.add(List.of(r.spec().title(), "-", r.fullBudget(), r.reducedBudget(),
                        "fewer than " + MIN_EXCESS + " of " + r.images() + " at every ε", "-", "-", "ok (nothing to compare)"));
            } else {
                rows.add(List.of(r.spec().title(), r.epsilon().text(), r.fullBudget(), r.reducedBudget(),
                        r.fullRobust() + " of " + r.images(), r.reducedRobust() + " of " + r.images(),
                        r.onlyShort() + " / " + r.onlyFull(), r.flagged() ? "red flag" : "ok"));
            }
        }
        return new DataTable("More iterations must not help the model (an independent run with a quarter of the iterations)",
                List.of("attack", "ε", "full budget", "shorter run", "robust (full)", "robust (shorter)",
                        "broken only by the shorter / only by the full run", "verdict"), rows);
    }
}
