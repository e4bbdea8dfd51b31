package dev.vigil.attacks.adversarial;

import dev.vigil.core.model.Capability;
import dev.vigil.core.perturb.Epsilon;
import dev.vigil.core.perturb.Norm;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Attacks in order, each on the images the earlier ones did not break, as AutoAttack runs its members:
 * per image the outcome of the first attack that broke it, else the last attack's. Because every member's
 * search on an image depends only on that image, an image survives the cascade exactly when it survives
 * every member run alone.
 */
public final class Cascade implements Attack {
    private final List<Attack> members;

    public Cascade(List<Attack> members) {
        if (members.isEmpty() || members.stream().map(Attack::norm).distinct().count() != 1) {
            throw new IllegalArgumentException("a cascade needs at least one attack, all in one norm");
        }
        this.members = List.copyOf(members);
    }

    @Override
    public Norm norm() {
        return members.get(0).norm();
    }

    @Override
    public Set<Capability> needs() {
        Set<Capability> out = EnumSet.noneOf(Capability.class);
        members.forEach(m -> out.addAll(m.needs()));
        return out;
    }

    @Override
    public AttackSample[][] run(AttackBatch batch, List<Epsilon> budgets) {
        AttackSample[][] out = new AttackSample[budgets.size()][];
        for (int e = 0; e < out.length; e++) {
            out[e] = cascade(batch, budgets.get(e));
        }
        return out;
    }

    private AttackSample[] cascade(AttackBatch batch, Epsilon eps) {
        int n = batch.size();
        Criterion criterion = batch.criterion();
        AttackSample[] result = members.get(0).run(batch, List.of(eps))[0];
        boolean[] open = new boolean[n];
        for (int m = 1; m < members.size(); m++) {
            boolean any = false;
            for (int i = 0; i < n; i++) {
                open[i] = criterion.attacked()[i] && !criterion.succeeded(i, result[i].prediction());
                any |= open[i];
            }
            if (!any) {
                break;
            }
            AttackSample[] next = members.get(m).run(batch.forRestart(batch.restart(), criterion.restrictedTo(open)), List.of(eps))[0];
            for (int i = 0; i < n; i++) {
                if (open[i]) {
                    result[i] = next[i];
                }
            }
        }
        return result;
    }
}
