package dev.vigil.attacks.adversarial;

import ai.djl.ndarray.NDArray;
import dev.vigil.core.model.Classifier;
import dev.vigil.core.model.Objective;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * One batch as an attack sees it: the model, the clean images, what to do to them, and what the
 * audit needs back.
 *
 * @param images     the clean batch [n, C, H, W], in pixel space; attacks leave it unchanged
 * @param criterion  labels, targets and which positions to attack
 * @param sampleIds  ids of the batch's images, which seed every random choice of an attack
 * @param keepPixels positions whose adversarial image is kept as evidence
 * @param unattacked the outcome of a position the criterion does not attack
 * @param restart    which run of a restarted attack this is (0 for the first); seeds random starts
 * @param gradients  the loss gradients at the clean images, computed once per batch and shared by every
 *                   attack that starts from them (FGSM in both norms, and the soundness checks)
 */
public record AttackBatch(Classifier model, NDArray images, Criterion criterion, String[] sampleIds, boolean[] keepPixels,
                          Unattacked unattacked, int restart, CleanGradients gradients) {
    /** What an image looks like when it is not attacked (the model already fails on it, or it is of the target class). */
    @FunctionalInterface
    public interface Unattacked {
        AttackSample at(int position);
    }

    public AttackBatch(Classifier model, NDArray images, Criterion criterion, String[] sampleIds, boolean[] keepPixels,
                       Unattacked unattacked) {
        this(model, images, criterion, sampleIds, keepPixels, unattacked, 0, new CleanGradients(model, images));
    }

    public int size() {
        return sampleIds.length;
    }

    public int classes() {
        return model.labels().size();
    }

    /** The same batch for another criterion (another target), sharing the clean gradients. */
    public AttackBatch with(Criterion other) {
        return new AttackBatch(model, images, other, sampleIds, keepPixels, unattacked, restart, gradients);
    }

    /** The same batch for restart {@code run}, attacking only {@code criterion}'s positions. */
    public AttackBatch forRestart(int run, Criterion narrowed) {
        return new AttackBatch(model, images, narrowed, sampleIds, keepPixels, unattacked, run, gradients);
    }

    /**
     * The gradient of the mean cross-entropy over the whole batch at the clean images, against given
     * classes (one per position), computed on first request and kept for the batch: attacks that step
     * from the clean images share it, so a sweep over norms and budgets costs one backward pass.
     */
    public static final class CleanGradients {
        private final Classifier model;
        private final NDArray images;
        private final Map<Key, NDArray> cache = new HashMap<>();
        private float[] cleanLogits;

        CleanGradients(Classifier model, NDArray images) {
            this.model = model;
            this.images = images;
        }

        private record Key(int[] classes) {
            @Override
            public boolean equals(Object o) {
                return o instanceof Key k && Arrays.equals(classes, k.classes);
            }

            @Override
            public int hashCode() {
                return Arrays.hashCode(classes);
            }
        }

        /** The gradient [n, C, H, W], living in the batch's scope. */
        public NDArray of(int[] classes) {
            return cache.computeIfAbsent(new Key(classes.clone()), k -> {
                var result = model.gradient(images, Objective.crossEntropy(k.classes()));
                if (cleanLogits == null) {
                    cleanLogits = result.logits().toFloatArray();
                }
                return result.gradient();
            });
        }

        /** The clean logits [n × classes] of the first gradient pass, or null before one ran. */
        public float[] logitsSeen() {
            return cleanLogits;
        }
    }
}
