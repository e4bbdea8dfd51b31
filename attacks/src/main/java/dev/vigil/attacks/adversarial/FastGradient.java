package dev.vigil.attacks.adversarial;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.vigil.core.model.Capability;
import dev.vigil.core.perturb.Epsilon;
import dev.vigil.core.perturb.FgsmStep;
import dev.vigil.core.perturb.Norm;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * FGSM (Goodfellow et al. 2015), x' = clip[0,1](x + ε·d), where d is the sign of the loss gradient
 * (L∞) or the gradient over its length (L2, the fast gradient method). One gradient per batch serves
 * every epsilon of the sweep, and both norms: a k-epsilon sweep costs one forward and backward pass
 * and k forwards. Every image is stepped, including those the model already gets wrong.
 */
public final class FastGradient implements Attack {
    private final Norm norm;

    public FastGradient(Norm norm) {
        this.norm = norm;
    }

    @Override
    public Norm norm() {
        return norm;
    }

    @Override
    public Set<Capability> needs() {
        return EnumSet.of(Capability.LOGITS, Capability.INPUT_GRADIENT);
    }

    @Override
    public AttackSample[][] run(AttackBatch batch, List<Epsilon> budgets) {
        Criterion criterion = batch.criterion();
        NDArray gradient = batch.gradients().of(criterion.lossClasses());
        NDArray images = batch.images();
        int classes = batch.classes();
        int[] all = new int[batch.size()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        AttackSample[][] out = new AttackSample[budgets.size()][];
        try (NDManager directionScope = Scopes.borrowing(images.getManager(), gradient)) {
            NDArray direction = norm.direction(gradient);
            if (criterion.targeted()) {
                direction = direction.neg();
            }
            for (int e = 0; e < budgets.size(); e++) {
                try (NDManager scope = Scopes.borrowing(directionScope, images, direction)) {
                    NDArray adversarial = FgsmStep.step(images, direction, budgets.get(e).value());
                    float[] logits = batch.model().logits(adversarial).toFloatArray();
                    out[e] = Outcomes.of(images, adversarial, logits, classes, criterion.labels(),
                            Outcomes.progress(criterion, logits, classes, all), batch.keepPixels());
                }
            }
        }
        return out;
    }
}
