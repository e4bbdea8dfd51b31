package dev.vigil.attacks.adversarial;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.vigil.core.model.Classifier;
import dev.vigil.core.model.Objective;
import java.util.List;

/**
 * FGSM (Goodfellow et al. 2015), x' = clip[0,1](x + ε·d), where d is the sign of the loss gradient
 * (L∞) or the gradient over its length (L2, the fast gradient method). One gradient per batch serves
 * every epsilon of the sweep: a k-epsilon sweep costs one forward and backward pass and k forwards.
 */
public final class FastGradient {
    private FastGradient() {
    }

    /**
     * The untargeted FGSM images of one batch at one budget, as the adversarial probe makes them: the
     * direction of the mean cross-entropy gradient against the true {@code labels}, one step of size
     * {@code eps}, clipped to [0, 1]. The result lives in {@code images}' manager.
     */
    public static NDArray perturb(Classifier model, NDArray images, int[] labels, Norm norm, double eps) {
        NDArray gradient = model.gradient(images, Objective.crossEntropy(labels)).gradient();
        return step(images, norm.direction(gradient), eps);
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
