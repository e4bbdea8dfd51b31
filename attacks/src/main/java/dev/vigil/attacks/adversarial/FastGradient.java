package dev.vigil.attacks.adversarial;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.vigil.core.model.Classifier;
import java.util.List;

/**
 * FGSM (Goodfellow et al. 2015), x' = clip[0,1](x + ε·d), where d is the sign of the loss gradient
 * (L∞) or the gradient over its length (L2, the fast gradient method). One gradient per batch serves
 * every epsilon of the sweep: a k-epsilon sweep costs one forward and backward pass and k forwards.
 */
final class FastGradient {
    private FastGradient() {
    }

    /**
     * Attacks {@code images} at every epsilon along {@code direction} (already negated for a targeted
     * attack) and returns, by epsilon, what happened to each image.
     */
    static AttackSample[][] sweep(Classifier model, NDArray images, NDArray direction, List<Epsilon> epsilons,
                                  int[] labels, boolean[] keepPixels) {
        int classes = model.labels().size();
        AttackSample[][] out = new AttackSample[epsilons.size()][];
        for (int e = 0; e < epsilons.size(); e++) {
            try (NDManager scope = Scopes.borrowing(images.getManager(), images, direction)) {
                NDArray adversarial = step(images, direction, epsilons.get(e).value());
                float[] logits = model.logits(adversarial).toFloatArray();
                out[e] = Outcomes.of(images, adversarial, logits, classes, labels, keepPixels);
            }
        }
        return out;
    }

    /** clip[0,1](x + ε·d), computed as plain PyTorch does it (ε·d first), so results agree to the bit. */
    static NDArray step(NDArray images, NDArray direction, double eps) {
        return direction.mul(eps).add(images).clip(0, 1);
    }
}
