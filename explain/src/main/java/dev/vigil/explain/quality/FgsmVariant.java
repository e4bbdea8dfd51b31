package dev.vigil.explain.quality;

import ai.djl.ndarray.NDManager;
import dev.vigil.core.model.Classifier;
import dev.vigil.core.perturb.Epsilon;
import dev.vigil.core.perturb.FgsmStep;
import dev.vigil.core.perturb.Norm;
import dev.vigil.explain.method.Images;

/**
 * The images perturbed by untargeted L∞ FGSM at budget {@code eps} against their true classes, made by the
 * same {@link FgsmStep} the adversarial probe's FGSM takes, {@code batchSize} images per pass.
 */
public record FgsmVariant(Epsilon eps, int batchSize) implements Variant {
    @Override
    public String id() {
        return "fgsm." + eps.parameter();
    }

    @Override
    public String title() {
        return "FGSM ε=" + eps.text();
    }

    @Override
    public java.util.Set<dev.vigil.core.model.Capability> needs() {
        return java.util.EnumSet.of(dev.vigil.core.model.Capability.LOGITS, dev.vigil.core.model.Capability.INPUT_GRADIENT);
    }

    @Override
    public Images apply(Classifier model, Images images, int[] labels) {
        float[] out = new float[images.pixels().length];
        int d = images.size();
        for (int start = 0; start < images.count(); start += batchSize) {
            int n = Math.min(batchSize, images.count() - start);
            float[] chunk = java.util.Arrays.copyOfRange(images.pixels(), start * d, (start + n) * d);
            int[] chunkLabels = java.util.Arrays.copyOfRange(labels, start, start + n);
            try (NDManager scope = model.newBatchScope()) {
                float[] adversarial = FgsmStep.perturb(model, model.pixels(scope, chunk, n), chunkLabels, Norm.LINF, eps.value())
                        .toFloatArray();
                System.arraycopy(adversarial, 0, out, start * d, n * d);
            }
        }
        return new Images(images.spec(), images.count(), out);
    }
}
