package dev.vigil.explain.quality;

import dev.vigil.core.model.Classifier;
import dev.vigil.explain.method.Images;

/**
 * A changed version of the explained images (rotated, grayscale, adversarial) whose attribution maps are
 * compared with the maps of the originals. A geometric change brings its per-pixel map back to the
 * original's frame before the comparison, and says which pixels survive the round trip.
 */
public interface Variant {
    /** The setting as written in metric names, e.g. "rotation.15", "grayscale", "fgsm.eps=8/255". */
    String id();

    /** For people, e.g. "rotated 15°". */
    String title();

    /** What making the changed images needs from the model beyond the explanations themselves. */
    default java.util.Set<dev.vigil.core.model.Capability> needs() {
        return java.util.EnumSet.of(dev.vigil.core.model.Capability.LOGITS);
    }

    /** The changed images; {@code labels} are the true classes (attacks need them). */
    Images apply(Classifier model, Images images, int[] labels);

    /** A per-pixel map (H×W, row-major) of a changed image, in the original image's frame. */
    default double[] toOriginalFrame(double[] pixelMap, int height, int width) {
        return pixelMap;
    }

    /** The pixels whose values can be compared in the original frame (all, unless geometry loses some). */
    default boolean[] comparable(int height, int width) {
        boolean[] all = new boolean[height * width];
        java.util.Arrays.fill(all, true);
        return all;
    }
}
