package dev.vigil.attacks.adversarial;

import java.util.List;

/** One attack in one norm over its epsilon sweep, e.g. PGD in L∞ at 1/255 .. 8/255. */
public record AttackSpec(AttackKind kind, Norm norm, List<Epsilon> epsilons, Targeting targeting) {
    public AttackSpec {
        epsilons = List.copyOf(epsilons);
    }

    /** The probe name used in metric names and sample rows: "fgsm.linf", "pgd.l2.target=least-likely". */
    public String id() {
        return kind.id() + "." + norm.id() + targeting.suffix();
    }

    /** "FGSM L∞", for people. */
    public String title() {
        return kind.title() + " " + norm.symbol();
    }
}
