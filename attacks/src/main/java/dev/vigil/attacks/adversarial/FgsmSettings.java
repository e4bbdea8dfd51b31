package dev.vigil.attacks.adversarial;

import dev.vigil.core.perturb.Norm;

/** FGSM has no settings of its own: one step of the full budget along the loss gradient's norm direction. */
public record FgsmSettings() implements AttackRecipe {
    @Override
    public Attack create(Norm norm, long seed) {
        return new FastGradient(norm);
    }

    @Override
    public String summary() {
        return "FGSM moves every image once, by ε along the sign of the gradient of the cross-entropy loss (L∞) or along the"
                + " gradient scaled to length ε (L2), then clips to valid pixels [0, 1]. It is cheap and finds a first,"
                + " optimistic estimate of robustness.";
    }
}
