package dev.vigil.explain.quality;

import dev.vigil.core.model.Classifier;
import dev.vigil.core.perturb.Fill;
import dev.vigil.core.perturb.Rotation;
import dev.vigil.explain.method.Images;
import java.util.Locale;

/**
 * The images rotated about their centre with the drift probe's {@link Rotation} (bilinear, black outside);
 * a map of a rotated image is rotated back before it is compared, and only pixels that stay inside the
 * frame through the round trip are compared.
 */
public record RotationVariant(double degrees) implements Variant {
    @Override
    public String id() {
        return "rotation." + angle();
    }

    @Override
    public String title() {
        return "rotated " + angle() + "°";
    }

    private String angle() {
        return degrees == Math.rint(degrees) ? String.valueOf((long) degrees) : String.format(Locale.ROOT, "%s", degrees);
    }

    @Override
    public Images apply(Classifier model, Images images, int[] labels) {
        Rotation rotation = Rotation.of(images.spec().height(), images.spec().width(), degrees, Fill.ZERO);
        return new Images(images.spec(), images.count(), rotation.apply(images.pixels(), images.count(), images.spec().channels()));
    }

    /** Rotates the map back; Rotation works on values in [0, 1], so the non-negative map is scaled into it (ranks do not change). */
    @Override
    public double[] toOriginalFrame(double[] pixelMap, int height, int width) {
        double max = 0;
        for (double v : pixelMap) {
            max = Math.max(max, Math.abs(v));
        }
        float[] scaled = new float[pixelMap.length];
        for (int j = 0; j < scaled.length; j++) {
            scaled[j] = max > 0 ? (float) (Math.abs(pixelMap[j]) / max) : 0f;
        }
        float[] rotated = Rotation.of(height, width, -degrees, Fill.ZERO).apply(scaled, 1, 1);
        double[] out = new double[rotated.length];
        for (int j = 0; j < out.length; j++) {
            out[j] = rotated[j];
        }
        return out;
    }

    @Override
    public boolean[] comparable(int height, int width) {
        float[] ones = new float[height * width];
        java.util.Arrays.fill(ones, 1f);
        float[] there = Rotation.of(height, width, degrees, Fill.ZERO).apply(ones, 1, 1);
        float[] back = Rotation.of(height, width, -degrees, Fill.ZERO).apply(there, 1, 1);
        boolean[] keep = new boolean[back.length];
        for (int j = 0; j < keep.length; j++) {
            keep[j] = back[j] >= 1 - 1e-4f;
        }
        return keep;
    }
}
