package dev.vigil.attacks.adversarial;

import dev.vigil.core.model.Objective;

/**
 * What the attacks try to do to one batch. Untargeted: raise the true class's cross-entropy until the
 * prediction leaves the true class. Targeted: lower the target's cross-entropy until the prediction
 * is the target. Only images the model gets right unchanged are attacked (and, when targeted, only
 * those whose true class is not the target): for the others no attack can change the result.
 *
 * @param labels   true classes by batch position
 * @param targets  target classes by batch position, or null when untargeted
 * @param attacked which positions are worth attacking
 */
record BatchGoal(int[] labels, int[] targets, boolean[] attacked) {
    static BatchGoal of(Targeting targeting, int[] labels, boolean[] cleanCorrect, float[] cleanLogits, int classes) {
        int n = labels.length;
        int[] targets = targeting.targeted() ? targeting.targets(cleanLogits, n, classes) : null;
        boolean[] attacked = new boolean[n];
        for (int i = 0; i < n; i++) {
            attacked[i] = cleanCorrect[i] && (targets == null || targets[i] != labels[i]);
        }
        return new BatchGoal(labels, targets, attacked);
    }

    boolean targeted() {
        return targets != null;
    }

    /** +1 to ascend the objective (untargeted), -1 to descend it (targeted). */
    float direction() {
        return targeted() ? -1f : 1f;
    }

    /** The mean cross-entropy against the true classes (untargeted) or the targets, over the given positions. */
    Objective objective(int[] positions) {
        int[] classes = new int[positions.length];
        for (int k = 0; k < positions.length; k++) {
            classes[k] = targeted() ? targets[positions[k]] : labels[positions[k]];
        }
        return Objective.crossEntropy(classes);
    }

    /** Whether the attack reached its aim on the image at {@code position}. */
    boolean succeeded(int position, int prediction) {
        return targeted() ? prediction == targets[position] : prediction != labels[position];
    }

    /**
     * How far the attack got on a row of logits, higher is better for the attacker: the true class's
     * cross-entropy, or minus the target's. Restarts keep the row that scores highest.
     */
    double progress(float[] logits, int row, int classes, int position) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < classes; c++) {
            max = Math.max(max, logits[row * classes + c]);
        }
        double sum = 0;
        for (int c = 0; c < classes; c++) {
            sum += Math.exp(logits[row * classes + c] - max);
        }
        double logSumExp = max + Math.log(sum);
        int cls = targeted() ? targets[position] : labels[position];
        double crossEntropy = logSumExp - logits[row * classes + cls];
        return targeted() ? -crossEntropy : crossEntropy;
    }
}
