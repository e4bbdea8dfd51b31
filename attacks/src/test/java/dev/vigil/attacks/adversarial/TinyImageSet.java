package dev.vigil.attacks.adversarial;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.function.ToIntFunction;
import javax.imageio.ImageIO;

/**
 * Small random RGB images written as PNG into class folders, each image filed under the class a
 * labeller gives its decoded pixels (CHW, bytes / 255, as Vigil reads them).
 */
final class TinyImageSet {
    private TinyImageSet() {
    }

    /**
     * @param lowByte  smallest pixel byte; with {@code highByte}, keeps pixels away from 0 and 1 when a test needs no clipping
     * @param classes  number of class folders ("class0" .. ), all created even when empty
     */
    static Path write(Path root, int images, int size, long seed, int lowByte, int highByte, int classes,
                      ToIntFunction<float[]> labeller) throws IOException {
        Random random = new Random(seed);
        for (int c = 0; c < classes; c++) {
            Files.createDirectories(root.resolve("class" + c));
        }
        int plane = size * size;
        for (int k = 0; k < images; k++) {
            BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
            float[] chw = new float[3 * plane];
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    int[] rgb = new int[3];
                    for (int ch = 0; ch < 3; ch++) {
                        rgb[ch] = lowByte + random.nextInt(highByte - lowByte + 1);
                        chw[ch * plane + y * size + x] = rgb[ch] / 255f;
                    }
                    image.setRGB(x, y, (rgb[0] << 16) | (rgb[1] << 8) | rgb[2]);
                }
            }
            int label = labeller.applyAsInt(chw);
            ImageIO.write(image, "png", root.resolve("class" + label).resolve(String.format("img%03d.png", k)).toFile());
        }
        return root;
    }
}
