package dev.vigil.attacks.adversarial;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.vigil.core.InputError;
import dev.vigil.core.perturb.Epsilon;
import dev.vigil.core.perturb.Norm;
import java.util.ArrayList;
import java.util.List;

/**
 * Which adversarial attacks an audit runs and how: the attacks with their settings, the norms with their
 * epsilon sweeps, the targeting ("none", "least-likely" or a class, resolved against the class names
 * when the audit starts) and how many images the costlier soundness checks look at. Written to
 * results.json as the adversarial probe's settings.
 *
 * @param checkImages size of the seeded sample on which the repeated-forward and ε = 1 checks run
 *                    (all images when the set is smaller)
 */
public record AdversarialPlan(List<ChosenAttack> attacks, List<Norm> norms, List<Epsilon> linfEpsilons,
                              List<Epsilon> l2Epsilons, String target, int checkImages) {
    public static final List<Epsilon> DEFAULT_LINF = Epsilon.parseList(List.of("1/255", "2/255", "4/255", "8/255"), "--eps");
    public static final List<Epsilon> DEFAULT_L2 = Epsilon.parseList(List.of("0.25", "0.5", "1.0"), "--l2-eps");
    public static final int DEFAULT_CHECK_IMAGES = 256;

    /** One attack of the plan and its settings. */
    public record ChosenAttack(@JsonIgnore AttackDefinition definition, AttackRecipe settings) {
        @JsonProperty("id")
        public String id() {
            return definition.id();
        }
    }

    public AdversarialPlan {
        if (checkImages < 1) {
            throw new InputError("--check-images must be at least 1, not " + checkImages + ".");
        }
        attacks = List.copyOf(attacks);
        norms = List.copyOf(norms);
        linfEpsilons = List.copyOf(linfEpsilons);
        l2Epsilons = List.copyOf(l2Epsilons);
        if (norms.contains(Norm.LINF)) {
            for (Epsilon e : linfEpsilons) {
                if (e.value() > 1) {
                    throw new InputError("--eps values are L∞ budgets in pixel units [0, 1]; '" + e.text()
                            + "' is larger than 1 (write 8/255 for eight grey levels).");
                }
            }
        }
    }

    /** FGSM and PGD (with its default settings) in both norms with the default sweeps, untargeted. */
    public static AdversarialPlan defaults() {
        return of(List.of(AttackCatalogue.FGSM, AttackCatalogue.PGD), List.of(Norm.LINF, Norm.L2), DEFAULT_LINF, DEFAULT_L2, "none");
    }

    /** The given attacks at their default settings. */
    public static AdversarialPlan of(List<AttackDefinition> attacks, List<Norm> norms, List<Epsilon> linf, List<Epsilon> l2,
                                     String target) {
        return new AdversarialPlan(attacks.stream().map(d -> new ChosenAttack(d, d.defaultRecipe())).toList(), norms, linf, l2,
                target, DEFAULT_CHECK_IMAGES);
    }

    /** This plan with other PGD settings (tests and the benchmark). */
    public AdversarialPlan withSettings(AttackDefinition definition, AttackRecipe settings) {
        List<ChosenAttack> out = new ArrayList<>();
        for (ChosenAttack a : attacks) {
            out.add(a.definition() == definition ? new ChosenAttack(definition, settings) : a);
        }
        return new AdversarialPlan(out, norms, linfEpsilons, l2Epsilons, target, checkImages);
    }

    /** Whether the plan runs {@code definition}'s attack. */
    public boolean runs(AttackDefinition definition) {
        return attacks.stream().anyMatch(a -> a.definition() == definition);
    }

    /** The settings the plan runs {@code definition}'s attack with. */
    public AttackRecipe settingsOf(AttackDefinition definition) {
        return attacks.stream().filter(a -> a.definition() == definition).findFirst().map(ChosenAttack::settings)
                .orElseThrow(() -> new IllegalArgumentException("the plan does not run " + definition.id()));
    }

    public List<Epsilon> epsilons(Norm norm) {
        return norm == Norm.LINF ? linfEpsilons : l2Epsilons;
    }

    /** The attacks' specs in the order they run: attack by attack, L∞ before L2 as the norms are listed. */
    public List<AttackSpec> specs(Targeting targeting) {
        List<AttackSpec> out = new ArrayList<>();
        for (ChosenAttack attack : attacks) {
            for (Norm norm : norms) {
                out.add(new AttackSpec(attack.definition(), norm, epsilons(norm), targeting));
            }
        }
        return out;
    }
}
