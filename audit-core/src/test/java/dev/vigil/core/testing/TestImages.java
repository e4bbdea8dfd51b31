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

    /**
     * A PNG whose header declares {@code width x height} RGB pixels but whose data holds one row: what a
     * decompression bomb looks like before it is decoded.
     */
    public static Path pngDeclaring(Path file, int width, int height) throws IOException {
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        png.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        java.nio.ByteBuffer ihdr = java.nio.ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(png, "IHDR", ihdr.array());
        java.util.zip.Deflater deflater = new java.util.zip.Deflater();
        deflater.setInput(new byte[1 + 3 * Math.min(width, 1024)]);
        deflater.finish();
        byte[] idat = new byte[4096];
        int n = deflater.deflate(idat);
        chunk(png, "IDAT", java.util.Arrays.copyOf(idat, n));
        chunk(png, "IEND", new byte[0]);
        Files.createDirectories(file.getParent());
        return Files.write(file, png.toByteArray());
    }

    private static void chunk(java.io.ByteArrayOutputStream out, String type, byte[] data) throws IOException {
        byte[] name = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(name);
        crc.update(data);
        out.write(java.nio.ByteBuffer.allocate(4).putInt(data.length).array());
        out.write(name);
        out.write(data);
        out.write(java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
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
