package dev.vigil.attacks.adversarial;

import dev.vigil.core.model.Capability;
import dev.vigil.core.perturb.Epsilon;
import dev.vigil.core.perturb.Norm;
import java.util.List;
import java.util.Set;

/**
 * Runs an attack several times, each time from its next random start ({@link AttackBatch#restart()})
 * and only on the images no earlier run has broken, and keeps per image the outcome worst for the
 * model: a success over a failure, else the higher {@link AttackSample#progress()}.
 */
public final class Restarts implements Attack {
    private final Attack inner;
    private final int runs;

    public Restarts(Attack inner, int runs) {
        if (runs < 1) {
            throw new IllegalArgumentException("at least one run, not " + runs);
        }
        this.inner = inner;
        this.runs = runs;
    }

    @Override
    public Norm norm() {
        return inner.norm();
    }

    @Override
    public Set<Capability> needs() {
        return inner.needs();
    }

    @Override
    public AttackSample[][] run(AttackBatch batch, List<Epsilon> budgets) {
        AttackSample[][] out = new AttackSample[budgets.size()][];
        for (int e = 0; e < out.length; e++) {
            out[e] = worstOverRuns(batch, budgets.get(e));
        }
        return out;
    }

    private AttackSample[] worstOverRuns(AttackBatch batch, Epsilon eps) {
        int n = batch.size();
        Criterion criterion = batch.criterion();
        AttackSample[] worst = inner.run(batch, List.of(eps))[0];
        boolean[] broken = new boolean[n];
        for (int i = 0; i < n; i++) {
            broken[i] = criterion.attacked()[i] && criterion.succeeded(i, worst[i].prediction());
        }
        for (int run = 1; run < runs; run++) {
            boolean[] open = new boolean[n];
            boolean any = false;
            for (int i = 0; i < n; i++) {
                open[i] = criterion.attacked()[i] && !broken[i];
                any |= open[i];
            }
            if (!any) {
                break;
            }
            AttackSample[] next = inner.run(batch.forRestart(run, criterion.restrictedTo(open)), List.of(eps))[0];
            for (int i = 0; i < n; i++) {
                if (!open[i]) {
                    continue;
                }
                if (criterion.succeeded(i, next[i].prediction())) {
                    worst[i] = next[i];
                    broken[i] = true;
                } else if (next[i].progress() > worst[i].progress()) {
                    worst[i] = next[i];
                }
            }
        }
        return worst;
    }
}
