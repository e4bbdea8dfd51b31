package dev.vigil.attacks.adversarial;

import dev.vigil.core.model.Capability;
import dev.vigil.core.perturb.Epsilon;
import dev.vigil.core.perturb.Norm;
import java.util.List;
import java.util.Set;

/**
 * An adversarial attack in one norm, in the spirit of Foolbox 3: a small object holding its settings,
 * and one call that attacks a batch at every budget of a sweep. New attacks implement this and add one
 * {@link AttackDefinition} to the {@link AttackCatalogue}.
 */
public interface Attack {
    /** The threat model: the ball the perturbation stays in. */
    Norm norm();

    /** What the attack needs from the model; an attack whose needs the model lacks is skipped with a finding. */
    Set<Capability> needs();

    /**
     * Attacks {@code batch} at every budget and returns, by budget (in the order given) and batch
     * position, what happened to each image. Every adversarial image must lie in the budget's ball
     * around the clean image and in [0, 1]; positions the criterion does not attack may be returned as
     * {@code batch.unattacked().at(i)}. Arrays the attack creates must die with the batch's scope or
     * earlier.
     */
    AttackSample[][] run(AttackBatch batch, List<Epsilon> budgets);
}
