package dev.vigil.attacks.adversarial;

import dev.vigil.core.result.DataTable;
import dev.vigil.core.result.Finding;
import dev.vigil.core.result.Format;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Checks that the attack evaluation itself can be trusted, after Carlini et al. 2019 ("On Evaluating
 * Adversarial Robustness") and AutoAttack's checks, gathered batch by batch during the gradient pass:
 * input gradients that are exactly zero, outputs that are already probabilities, outputs that differ
 * between two identical forward passes, and accuracy left at epsilon = 1 in L∞, where any image can
 * be reached and a working attack must break every prediction.
 */
final class SoundnessChecks implements java.io.Serializable {
    /** Rows whose entries are all in [0, 1] and sum to 1 within this are taken for probabilities. */
    static final double PROBABILITY_TOLERANCE = 1e-3;
    /** Two forwards agree when every logit differs by at most this much (relative to its size, plus absolute). */
    static final double REPEAT_TOLERANCE = 1e-4;

    private final int classes;
    private int images;
    private int zeroGradient;
    private int probabilityRows;
    private int repeatImages;
    private int repeatChanged;
    private double repeatMaxDifference;
    private int unboundedImages;
    private int unboundedRobust;
    private boolean gradientsChecked;

    SoundnessChecks(int classes) {
        this.classes = classes;
    }

    /** Adds another shard's counts to these. */
    void merge(SoundnessChecks other) {
        images += other.images;
        zeroGradient += other.zeroGradient;
        probabilityRows += other.probabilityRows;
        repeatImages += other.repeatImages;
        repeatChanged += other.repeatChanged;
        repeatMaxDifference = Math.max(repeatMaxDifference, other.repeatMaxDifference);
        unboundedImages += other.unboundedImages;
        unboundedRobust += other.unboundedRobust;
        gradientsChecked |= other.gradientsChecked;
    }

    /** The clean outputs of a batch, [n × classes]: counts rows that look like probabilities. */
    void outputs(float[] logits, int n) {
        images += n;
        for (int i = 0; i < n; i++) {
            double sum = 0;
            boolean inRange = true;
            for (int c = 0; c < classes; c++) {
                float v = logits[i * classes + c];
                sum += v;
                inRange &= v >= -PROBABILITY_TOLERANCE && v <= 1 + PROBABILITY_TOLERANCE;
            }
            if (inRange && Math.abs(sum - 1) <= PROBABILITY_TOLERANCE) {
                probabilityRows++;
            }
        }
    }

    /** Two forward passes of the same batch: counts images whose outputs differ. */
    void repeat(float[] first, float[] second, int n) {
        repeatImages += n;
        for (int i = 0; i < n; i++) {
            boolean differs = false;
            for (int c = 0; c < classes; c++) {
                float a = first[i * classes + c];
                float b = second[i * classes + c];
                double difference = Math.abs((double) a - b);
                repeatMaxDifference = Math.max(repeatMaxDifference, difference);
                differs |= difference > REPEAT_TOLERANCE * (1 + Math.abs(a));
            }
            repeatChanged += differs ? 1 : 0;
        }
    }

    /** The largest absolute input-gradient entry of each image of a batch. */
    void gradients(float[] largestEntry) {
        gradientsChecked = true;
        for (float v : largestEntry) {
            zeroGradient += v == 0 ? 1 : 0;
        }
    }

    /** One batch of the unbounded (epsilon = 1, L∞) attack: how many images it left robust. */
    void unbounded(int batchImages, int robust) {
        unboundedImages += batchImages;
        unboundedRobust += robust;
    }

    int images() {
        return images;
    }

    int zeroGradient() {
        return zeroGradient;
    }

    int probabilityRows() {
        return probabilityRows;
    }

    /** Images seen by the repeated-forward check (the sample the costlier checks run on). */
    int sampled() {
        return repeatImages;
    }

    int repeatChanged() {
        return repeatChanged;
    }

    int unboundedRobust() {
        return unboundedRobust;
    }

    double unboundedAccuracy() {
        return unboundedImages == 0 ? Double.NaN : (double) unboundedRobust / unboundedImages;
    }

    double chance() {
        return 1.0 / classes;
    }

    boolean zeroGradientFlag() {
        return zeroGradient > 0;
    }

    boolean probabilityFlag() {
        return images > 0 && probabilityRows == images;
    }

    boolean repeatFlag() {
        return repeatChanged > 0;
    }

    boolean unboundedFlag() {
        return unboundedImages > 0 && unboundedAccuracy() > chance();
    }

    List<Finding> findings() {
        List<Finding> out = new ArrayList<>();
        if (zeroGradientFlag()) {
            out.add(Finding.warning("zero-input-gradients", "Zero input gradients on " + share(zeroGradient, images) + " of the images",
                    "The gradient of the loss with respect to the input is exactly zero for " + zeroGradient + " of " + images
                            + " images. Gradient attacks cannot move these images, so their robust accuracy says nothing about"
                            + " robustness: the model may quantize its input or use operations without a useful gradient"
                            + " (gradient masking, Athalye et al. 2018). Evaluate it with a gradient-free or adaptive attack."));
        }
        if (probabilityFlag()) {
            out.add(Finding.warning("probabilities-as-logits", "The model outputs probabilities, not logits",
                    "Every output row lies in [0, 1] and sums to 1, so softmax is already applied inside the model. Vigil applies"
                            + " softmax and cross-entropy on top, whose gradients then saturate and weaken the attacks: robust"
                            + " accuracy is overestimated. Export the model without its final softmax."));
        }
        if (repeatFlag()) {
            out.add(Finding.warning("nondeterministic-outputs", "Outputs differ between two identical forward passes",
                    String.format(Locale.ROOT, "Two forward passes of the same images gave different outputs for %d of %d images"
                                    + " (largest difference %.3g). The model is random (dropout or noise left on, or saved in training"
                                    + " mode), so every number in this report varies from run to run and attacks see a moving"
                                    + " target; save the model after model.eval().", repeatChanged, repeatImages, repeatMaxDifference)));
        }
        if (unboundedFlag()) {
            out.add(Finding.warning("accuracy-above-chance-at-eps-1", "Accuracy above chance at ε = 1 (L∞)",
                    String.format(Locale.ROOT, "At ε = 1 in L∞ any image can be turned into any other, so a working attack must"
                                    + " break every prediction; an iterative attack there left %d of %d images classified correctly"
                                    + " (%s, chance is %s). The gradients do not lead the attack where it should go"
                                    + " (gradient masking or a broken loss), so robust accuracies at small ε are not trustworthy.",
                            unboundedRobust, unboundedImages, Format.share(unboundedAccuracy()), Format.share(chance()))));
        }
        return out;
    }

    DataTable table() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(gradientsChecked
                ? List.of("Input gradient exactly zero", zeroGradient + " of " + images + " images", verdict(zeroGradientFlag()))
                : List.of("Input gradient exactly zero", "not measured: the model gives no input gradients", "not run"));
        rows.add(List.of("Outputs already probabilities (rows in [0, 1] summing to 1)", probabilityRows + " of " + images + " rows",
                verdict(probabilityFlag())));
        rows.add(List.of("Outputs differ between two identical forward passes", repeatChanged + " of " + repeatImages
                + String.format(Locale.ROOT, " images (largest difference %.3g)", repeatMaxDifference), verdict(repeatFlag())));
        String unbounded = "Accuracy under an iterative L∞ attack at ε = 1 (must reach about 0; chance is " + Format.share(chance()) + ")";
        rows.add(gradientsChecked
                ? List.of(unbounded, Format.share(unboundedAccuracy()) + " (" + unboundedRobust + " of " + unboundedImages + ")",
                        verdict(unboundedFlag()))
                : List.of(unbounded, "not measured: the attack needs input gradients", "not run"));
        return new DataTable("Soundness checks of the attack evaluation", List.of("check", "measured", "verdict"), rows);
    }

    private static String verdict(boolean flagged) {
        return flagged ? "red flag" : "ok";
    }

    private static String share(int k, int n) {
        return Format.percent(n == 0 ? Double.NaN : (double) k / n);
    }
}
