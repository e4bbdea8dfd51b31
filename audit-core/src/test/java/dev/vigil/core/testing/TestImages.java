package dev.vigil.core.testing;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;

/** Small image files written on the fly for data-loading tests. */
public final class TestImages {
    private TestImages() {
    }

    /** A random RGB image of the given size saved in {@code format} (png, bmp, gif, jpg). */
    public static Path write(Path file, int width, int height, long seed, String format) throws IOException {
        Random random = new Random(seed);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(1 << 24));
            }
        }
        Files.createDirectories(file.getParent());
        if (!ImageIO.write(image, format, file.toFile())) {
            throw new IOException("no writer for " + format);
        }
        return file;
    }

    /** An image folder with {@code perClass} random PNGs in each named class folder. */
    public static Path folder(Path root, int perClass, int size, String... classes) throws IOException {
        for (int c = 0; c < classes.length; c++) {
            for (int i = 0; i < perClass; i++) {
                write(root.resolve(classes[c]).resolve("img" + i + ".png"), size, size, 100L * c + i, "png");
            }
        }
        return root;
    }
}
