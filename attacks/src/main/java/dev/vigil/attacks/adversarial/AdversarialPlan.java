package dev.vigil.attacks.adversarial;

import java.util.ArrayList;
import java.util.List;

/**
 * Which adversarial attacks an audit runs and how: the attacks, the norms with their epsilon sweeps,
 * PGD's settings, the targeting ("none", "least-likely" or a class, resolved against the class
 * names when the audit starts) and how many images the costlier soundness checks look at.
 *
 * @param checkImages size of the seeded sample on which the repeated-forward and ε = 1 checks run
 *                    (all images when the set is smaller)
 */
public record AdversarialPlan(boolean fgsm, boolean pgd, List<Norm> norms, List<Epsilon> linfEpsilons,
                              List<Epsilon> l2Epsilons, PgdSettings pgdSettings, String target, int checkImages) {
    public static final List<Epsilon> DEFAULT_LINF = Epsilon.parseList(List.of("1/255", "2/255", "4/255", "8/255"), "--eps");
    public static final List<Epsilon> DEFAULT_L2 = Epsilon.parseList(List.of("0.25", "0.5", "1.0"), "--l2-eps");
    public static final int DEFAULT_CHECK_IMAGES = 256;

    public AdversarialPlan {
        if (checkImages < 1) {
            throw new dev.vigil.core.InputError("--check-images must be at least 1, not " + checkImages + ".");
        }
        norms = List.copyOf(norms);
        linfEpsilons = List.copyOf(linfEpsilons);
        l2Epsilons = List.copyOf(l2Epsilons);
        if (norms.contains(Norm.LINF)) {
            for (Epsilon e : linfEpsilons) {
                if (e.value() > 1) {
                    throw new dev.vigil.core.InputError("--eps values are L∞ budgets in pixel units [0, 1]; '" + e.text()
                            + "' is larger than 1 (write 8/255 for eight grey levels).");
                }
            }
        }
    }

    /** A plan whose soundness checks use the default sample size. */
    public AdversarialPlan(boolean fgsm, boolean pgd, List<Norm> norms, List<Epsilon> linfEpsilons, List<Epsilon> l2Epsilons,
                           PgdSettings pgdSettings, String target) {
        this(fgsm, pgd, norms, linfEpsilons, l2Epsilons, pgdSettings, target, DEFAULT_CHECK_IMAGES);
    }

    /** Both attacks in both norms with the default sweeps, untargeted. */
    public static AdversarialPlan defaults() {
        return new AdversarialPlan(true, true, List.of(Norm.LINF, Norm.L2), DEFAULT_LINF, DEFAULT_L2, PgdSettings.DEFAULT, "none");
    }

    public List<Epsilon> epsilons(Norm norm) {
        return norm == Norm.LINF ? linfEpsilons : l2Epsilons;
    }

    /** The attacks in the order they run: FGSM before PGD, L∞ before L2. */
    public List<AttackSpec> specs(Targeting targeting) {
        List<AttackSpec> out = new ArrayList<>();
        for (AttackKind kind : AttackKind.values()) {
            if (kind == AttackKind.FGSM ? fgsm : pgd) {
                for (Norm norm : norms) {
                    out.add(new AttackSpec(kind, norm, epsilons(norm), targeting));
                }
            }
        }
        return out;
    }
}
