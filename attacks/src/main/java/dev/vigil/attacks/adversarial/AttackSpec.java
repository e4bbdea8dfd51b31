package dev.vigil.attacks.adversarial;

import dev.vigil.core.perturb.Epsilon;
import dev.vigil.core.perturb.Norm;
import java.util.List;

/** One attack in one norm over its epsilon sweep, e.g. PGD in L∞ at 1/255 .. 8/255. */
public record AttackSpec(AttackDefinition definition, Norm norm, List<Epsilon> epsilons, Targeting targeting) {
    public AttackSpec {
        epsilons = List.copyOf(epsilons);
    }

    /** The probe name used in metric names and sample rows: "fgsm.linf", "pgd.l2.target=least-likely". */
    public String id() {
        return definition.id() + "." + norm.id() + targeting.suffix();
    }

    /** "FGSM L∞", for people. */
    public String title() {
        return definition.title() + " " + norm.symbol();
    }
}
