package dev.vigil.core.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Turns pixel-space CHW arrays (1 or 3 channels, values in [0, 1]) into PNG files for the report.
 * The bytes depend only on the pixels, so equal inputs give byte-identical files.
 */
public final class PngImages {
    static {
        ImageIO.setUseCache(false);
    }

    private PngImages() {
    }

    /** An RGB image of the CHW array starting at {@code offset}, optionally scaled up by an integer factor. */
    public static BufferedImage toImage(float[] chw, int offset, int channels, int height, int width, int scale) {
        BufferedImage image = new BufferedImage(width * scale, height * scale, BufferedImage.TYPE_INT_RGB);
        int plane = height * width;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = offset + y * width + x;
                int r = toByte(chw[i]);
                int g = channels == 3 ? toByte(chw[i + plane]) : r;
                int b = channels == 3 ? toByte(chw[i + 2 * plane]) : r;
                int rgb = (r << 16) | (g << 8) | b;
                for (int dy = 0; dy < scale; dy++) {
                    for (int dx = 0; dx < scale; dx++) {
                        image.setRGB(x * scale + dx, y * scale + dy, rgb);
                    }
                }
            }
        }
        return image;
    }

    public static int toByte(float v) {
        return Math.round(Math.max(0f, Math.min(1f, v)) * 255f);
    }

    /** A factor that makes small images (e.g. 32x32) large enough to see in a report. */
    public static int displayScale(int height, int width) {
        return Math.max(1, 128 / Math.max(height, width));
    }

    public static byte[] encode(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    public static void write(BufferedImage image, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, encode(image));
    }
}
