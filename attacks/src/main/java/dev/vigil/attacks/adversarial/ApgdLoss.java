package dev.vigil.attacks.adversarial;

import ai.djl.ndarray.NDArray;
import dev.vigil.core.model.Objective;

/**
 * The losses APGD ascends, per image (Croce and Hein 2020). Each row has a true class and an aim: -1 to
 * push away from the true class, or a target class to pull towards. The per-image values drive APGD's
 * step-size schedule; the objective (their sum over the batch) gives the gradient.
 */
enum ApgdLoss {
    /** Cross-entropy of the true class (ascended), or minus the cross-entropy of the target. */
    CROSS_ENTROPY("cross-entropy of the logits per image (away from the true class, or minus it towards a target)") {
        @Override
        double value(float[] logits, int row, int classes, int label, int aim) {
            int base = row * classes;
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < classes; c++) {
                max = Math.max(max, logits[base + c]);
            }
            double sum = 0;
            for (int c = 0; c < classes; c++) {
                sum += Math.exp(logits[base + c] - max);
            }
            double logSumExp = max + Math.log(sum);
            return aim < 0 ? logSumExp - logits[base + label] : logits[base + aim] - logSumExp;
        }

        @Override
        Objective objective(int[] labels, int[] aims) {
            return logits -> {
                int classes = (int) logits.getShape().get(1);
                float[] weights = new float[labels.length * classes];
                for (int k = 0; k < labels.length; k++) {
                    if (aims[k] < 0) {
                        weights[k * classes + labels[k]] = -1f;
                    } else {
                        weights[k * classes + aims[k]] = 1f;
                    }
                }
                NDArray w = logits.getManager().create(weights, logits.getShape());
                return logits.logSoftmax(1).mul(w).sum();
            };
        }
    },
    /**
     * The targeted difference-of-logits ratio, −(z_y − z_t) / (z_π1 − (z_π3 + z_π4)/2), with π the classes by
     * decreasing logit: invariant to shifting and scaling the logits, so saturated softmax outputs cannot
     * hide the gradient. Needs at least four classes.
     */
    DLR_TARGETED("targeted difference-of-logits ratio −(z_y − z_t) / (z_π1 − (z_π3 + z_π4)/2) per image") {
        @Override
        double value(float[] logits, int row, int classes, int label, int aim) {
            int[] top = topFour(logits, row, classes);
            int base = row * classes;
            double denominator = logits[base + top[0]] - 0.5 * logits[base + top[2]] - 0.5 * logits[base + top[3]] + 1e-12;
            return -(logits[base + label] - logits[base + aim]) / denominator;
        }

        @Override
        Objective objective(int[] labels, int[] aims) {
            return logits -> {
                int classes = (int) logits.getShape().get(1);
                float[] values = logits.toFloatArray();
                float[] numerator = new float[labels.length * classes];
                float[] denominator = new float[labels.length * classes];
                for (int k = 0; k < labels.length; k++) {
                    numerator[k * classes + labels[k]] += 1f;
                    numerator[k * classes + aims[k]] -= 1f;
                    int[] top = topFour(values, k, classes);
                    denominator[k * classes + top[0]] += 1f;
                    denominator[k * classes + top[2]] -= 0.5f;
                    denominator[k * classes + top[3]] -= 0.5f;
                }
                NDArray n = logits.getManager().create(numerator, logits.getShape());
                NDArray d = logits.getManager().create(denominator, logits.getShape());
                return logits.mul(n).sum(new int[] {1}).div(logits.mul(d).sum(new int[] {1}).add(1e-12f)).sum().neg();
            };
        }
    };

    private final String description;

    ApgdLoss(String description) {
        this.description = description;
    }

    String description() {
        return description;
    }

    /** The loss of one row of logits [rows × classes], higher is better for the attacker. */
    abstract double value(float[] logits, int row, int classes, int label, int aim);

    /** The sum of the rows' losses, for the gradient. */
    abstract Objective objective(int[] labels, int[] aims);

    /** The indices of a row's four largest logits, largest first (ties to the lower index, as a stable sort). */
    static int[] topFour(float[] logits, int row, int classes) {
        int[] top = {-1, -1, -1, -1};
        int base = row * classes;
        for (int c = 0; c < classes; c++) {
            float v = logits[base + c];
            for (int r = 0; r < 4; r++) {
                if (top[r] < 0 || v > logits[base + top[r]]) {
                    System.arraycopy(top, r, top, r + 1, 3 - r);
                    top[r] = c;
                    break;
                }
            }
        }
        return top;
    }
}
