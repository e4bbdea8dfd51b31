package dev.vigil.explain.quality;

import dev.vigil.core.perturb.Grayscale;
import dev.vigil.explain.method.Images;
import java.util.SplittableRandom;

/**
 * The two relevance maps every method is compared with. A random map (independent uniform values per
 * pixel, seeded per image) is the chance level: it knows nothing of the model or the image. An edge map
 * (the Sobel gradient magnitude of the image's BT.601 luma, edges replicated at the border) knows the
 * image but not the model; Adebayo et al. 2018 ("Sanity Checks for Saliency Maps", NeurIPS) showed that
 * such a detector often looks as convincing as a real explanation, so a method should beat it as well.
 */
public final class ControlMaps {
    private ControlMaps() {
    }

    /** One random plane of {@code plane} values in [0, 1) per image. */
    public static double[][] random(int count, int plane, long[] imageSeeds) {
        double[][] out = new double[count][plane];
        for (int i = 0; i < count; i++) {
            SplittableRandom random = new SplittableRandom(imageSeeds[i]);
            for (int j = 0; j < plane; j++) {
                out[i][j] = random.nextDouble();
            }
        }
        return out;
    }

    /** The Sobel gradient magnitude of each image's luma (of its only channel when it has one). */
    public static double[][] edges(Images images) {
        int h = images.spec().height();
        int w = images.spec().width();
        int c = images.spec().channels();
        double[][] out = new double[images.count()][];
        for (int i = 0; i < images.count(); i++) {
            float[] chw = images.image(i);
            float[] luma = c == 3 ? Grayscale.apply(chw, c, h, w) : chw;
            out[i] = sobel(luma, h, w);
        }
        return out;
    }

    /** |∇| by the 3×3 Sobel kernels on the first H×W plane of {@code v}, border pixels replicated. */
    static double[] sobel(float[] v, int h, int w) {
        double[] out = new double[h * w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double gx = at(v, h, w, y - 1, x + 1) + 2 * at(v, h, w, y, x + 1) + at(v, h, w, y + 1, x + 1)
                        - at(v, h, w, y - 1, x - 1) - 2 * at(v, h, w, y, x - 1) - at(v, h, w, y + 1, x - 1);
                double gy = at(v, h, w, y + 1, x - 1) + 2 * at(v, h, w, y + 1, x) + at(v, h, w, y + 1, x + 1)
                        - at(v, h, w, y - 1, x - 1) - 2 * at(v, h, w, y - 1, x) - at(v, h, w, y - 1, x + 1);
                out[y * w + x] = Math.hypot(gx, gy);
            }
        }
        return out;
    }

    private static double at(float[] v, int h, int w, int y, int x) {
        return v[Math.min(h - 1, Math.max(0, y)) * w + Math.min(w - 1, Math.max(0, x))];
    }
}
