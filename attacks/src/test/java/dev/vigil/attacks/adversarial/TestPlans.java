package dev.vigil.attacks.adversarial;

import dev.vigil.core.perturb.Epsilon;
import dev.vigil.core.perturb.Norm;
import java.util.ArrayList;
import java.util.List;

/** Adversarial plans of FGSM and PGD for tests, written as the attacks, norms, budgets and PGD settings. */
final class TestPlans {
    private TestPlans() {
    }

    static AdversarialPlan plan(boolean fgsm, boolean pgd, List<Norm> norms, List<Epsilon> linf, List<Epsilon> l2,
                                PgdSettings pgdSettings, String target) {
        return plan(fgsm, pgd, norms, linf, l2, pgdSettings, target, AdversarialPlan.DEFAULT_CHECK_IMAGES);
    }

    static AdversarialPlan plan(boolean fgsm, boolean pgd, List<Norm> norms, List<Epsilon> linf, List<Epsilon> l2,
                                PgdSettings pgdSettings, String target, int checkImages) {
        List<AdversarialPlan.ChosenAttack> attacks = new ArrayList<>();
        if (fgsm) {
            attacks.add(new AdversarialPlan.ChosenAttack(AttackCatalogue.FGSM, new FgsmSettings()));
        }
        if (pgd) {
            attacks.add(new AdversarialPlan.ChosenAttack(AttackCatalogue.PGD, pgdSettings));
        }
        return new AdversarialPlan(attacks, norms, linf, l2, target, checkImages);
    }
}
