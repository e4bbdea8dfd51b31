package dev.vigil.attacks.adversarial;

import dev.vigil.core.perturb.Norm;
import java.util.Map;
import java.util.Optional;

/**
 * One attack's settings as the user chose them, typed (PGD's steps, step size, restarts ...): it makes
 * the attack for each norm, and says in words what the attack does, for the report. Recipes are
 * records, so they are written to results.json as data.
 */
public interface AttackRecipe {
    /** The attack in {@code norm}; every random choice it makes derives from {@code seed} and the sample ids. */
    Attack create(Norm norm, long seed);

    /** What the attack does, in a few sentences for the report's section. */
    String summary();

    /** The loss the attack drives, in words. */
    default String loss() {
        return "cross-entropy of the logits, mean over the batch";
    }

    /** Settings rows for the report beyond budgets, direction and loss, in display order. */
    default Map<String, String> reportSettings(long seed) {
        return Map.of();
    }

    /**
     * The same attack as an independent run with about 1/{@code fraction} of its iterations, for the check
     * that more iterations do not help the model; empty for an attack that does not iterate on gradients.
     */
    default Optional<FewerIterations> fewerIterations(int fraction) {
        return Optional.empty();
    }
}
