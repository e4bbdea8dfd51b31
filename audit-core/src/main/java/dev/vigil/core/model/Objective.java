package dev.vigil.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/**
 * A scalar function of a batch's logits whose gradient with respect to the input the adapter computes.
 * Implementations create any helper arrays on {@code logits.getManager()} so they die with the batch.
 */
@FunctionalInterface
public interface Objective {
    NDArray scalar(NDArray logits);

    /** Mean cross-entropy of the logits against the given classes (PyTorch's F.cross_entropy). */
    static Objective crossEntropy(int[] classes) {
        return logits -> {
            NDArray oneHot = oneHot(logits, classes);
            return logits.logSoftmax(1).mul(oneHot).sum().neg().div(classes.length);
        };
    }

    /** Sum over the batch of each sample's logit for its own class: its gradient is each sample's ∇f_c. */
    static Objective logitOf(int[] classes) {
        return logits -> logits.mul(oneHot(logits, classes)).sum();
    }

    private static NDArray oneHot(NDArray logits, int[] classes) {
        long numClasses = logits.getShape().get(1);
        return logits.getManager().create(classes).oneHot((int) numClasses).toType(DataType.FLOAT32, false);
    }
}
