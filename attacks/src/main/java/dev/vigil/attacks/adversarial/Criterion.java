package dev.vigil.attacks.adversarial;

import dev.vigil.core.model.Objective;

/**
 * What an attack tries to do to one batch (Foolbox's criterion). Untargeted: raise the true class's
 * cross-entropy until the prediction leaves the true class. Targeted: lower the target's cross-entropy
 * until the prediction is the target. Only images the model gets right unchanged are attacked (and,
 * when targeted, only those whose true class is not the target): for the others no attack can change
 * the result.
 *
 * @param labels   true classes by batch position
 * @param targets  target classes by batch position, or null when untargeted
 * @param attacked which positions are worth attacking
 */
public record Criterion(int[] labels, int[] targets, boolean[] attacked) {
    public static Criterion of(Targeting targeting, int[] labels, boolean[] cleanCorrect, float[] cleanLogits, int classes) {
        int n = labels.length;
        int[] targets = targeting.targeted() ? targeting.targets(cleanLogits, n, classes) : null;
        boolean[] attacked = new boolean[n];
        for (int i = 0; i < n; i++) {
            attacked[i] = cleanCorrect[i] && (targets == null || targets[i] != labels[i]);
        }
        return new Criterion(labels, targets, attacked);
    }

    public boolean targeted() {
        return targets != null;
    }

    /** The same aim on only the given positions: for restarts on the images not yet broken. */
    public Criterion restrictedTo(boolean[] positions) {
        boolean[] still = new boolean[attacked.length];
        for (int i = 0; i < still.length; i++) {
            still[i] = attacked[i] && positions[i];
        }
        return new Criterion(labels, targets, still);
    }

    /** +1 to ascend the objective (untargeted), -1 to descend it (targeted). */
    public float direction() {
        return targeted() ? -1f : 1f;
    }

    /** The class each position's cross-entropy is taken against: its target, or its true label. */
    public int[] lossClasses() {
        return targeted() ? targets : labels;
    }

    /** The mean cross-entropy against the true classes (untargeted) or the targets, over the given positions. */
    public Objective objective(int[] positions) {
        int[] classes = new int[positions.length];
        for (int k = 0; k < positions.length; k++) {
            classes[k] = lossClasses()[positions[k]];
        }
        return Objective.crossEntropy(classes);
    }

    /** Whether the attack reached its aim on the image at {@code position}. */
    public boolean succeeded(int position, int prediction) {
        return targeted() ? prediction == targets[position] : prediction != labels[position];
    }

    /**
     * Whether a search leaves an image at this prediction: on success, or where the logits were not finite
     * ({@link dev.vigil.core.eval.Predictions#NONE}), since no gradient step can follow from NaN and the
     * outcome is recorded as such, never as a class.
     */
    public boolean stops(int position, int prediction) {
        return prediction == dev.vigil.core.eval.Predictions.NONE || succeeded(position, prediction);
    }

    /**
     * How far the attack got on a row of logits, higher is better for the attacker: the true class's
     * cross-entropy, or minus the target's. Restarts keep the row that scores highest.
     */
    public double progress(float[] logits, int row, int classes, int position) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < classes; c++) {
            max = Math.max(max, logits[row * classes + c]);
        }
        double sum = 0;
        for (int c = 0; c < classes; c++) {
            sum += Math.exp(logits[row * classes + c] - max);
        }
        double logSumExp = max + Math.log(sum);
        int cls = lossClasses()[position];
        double crossEntropy = logSumExp - logits[row * classes + cls];
        return targeted() ? -crossEntropy : crossEntropy;
    }
}
