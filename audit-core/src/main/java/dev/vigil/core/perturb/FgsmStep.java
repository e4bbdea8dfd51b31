package dev.vigil.core.perturb;

import ai.djl.ndarray.NDArray;
import dev.vigil.core.model.Classifier;
import dev.vigil.core.model.Objective;

/**
 * The fast gradient step (Goodfellow et al. 2015): x' = clip[0,1](x + ε·d), where d is the norm's
 * steepest-ascent direction of the loss gradient — its sign in L∞, the gradient over its length in L2.
 */
public final class FgsmStep {
    private FgsmStep() {
    }

    /**
     * The untargeted FGSM images of one batch at one budget: the direction of the mean cross-entropy
     * gradient against the true {@code labels}, one step of size {@code eps}, clipped to [0, 1]. Needs
     * the model's input gradient; the result lives in {@code images}' manager.
     */
    public static NDArray perturb(Classifier model, NDArray images, int[] labels, Norm norm, double eps) {
        NDArray gradient = model.gradient(images, Objective.crossEntropy(labels)).gradient();
        return step(images, norm.direction(gradient), eps);
    }

    /** clip[0,1](x + ε·d), computed as plain PyTorch does it (ε·d first), so results agree to the bit. */
    public static NDArray step(NDArray images, NDArray direction, double eps) {
        return direction.mul(eps).add(images).clip(0, 1);
    }
}
