package dev.vigil.attacks.drift.corruptions;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.SplittableRandom;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * A JPEG round trip: the image is quantized to 8 bits, written by the JDK's JPEG writer
 * ({@code javax.imageio}, baseline JFIF, 4:2:0 chroma subsampling for colour) at a quality, and
 * decoded again. The JDK scales the standard quantization tables from the quality as libjpeg does,
 * so quality q here is libjpeg's (and Pillow's) quality q.
 */
public final class JpegCompression implements Corruption {
    /** JPEG quality (1–100) per severity: CIFAR-10-C's jpeg_compression. */
    static final double[] QUALITY = {80, 65, 58, 50, 40};

    static {
        ImageIO.setUseCache(false);
    }

    @Override
    public String id() {
        return "jpeg_compression";
    }

    @Override
    public String parameter(int severity, int height, int width) {
        return String.format(Locale.ROOT, "quality %.0f", Corruption.pick(QUALITY, severity));
    }

    @Override
    public float[] apply(float[] chw, int channels, int height, int width, int severity, SplittableRandom random) {
        float quality = (float) (Corruption.pick(QUALITY, severity) / 100.0);
        BufferedImage decoded = decode(encode(toImage(chw, channels, height, width), quality));
        return fromImage(decoded, channels, height, width);
    }

    private static BufferedImage toImage(float[] chw, int channels, int height, int width) {
        int plane = height * width;
        BufferedImage image = new BufferedImage(width, height,
                channels == 3 ? BufferedImage.TYPE_3BYTE_BGR : BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster raster = image.getRaster();
        for (int c = 0; c < channels; c++) {
            int[] band = new int[plane];
            for (int i = 0; i < plane; i++) {
                band[i] = Math.round(Corruption.clamp(chw[c * plane + i]) * 255f);
            }
            raster.setSamples(0, 0, width, height, c, band);
        }
        return image;
    }

    private static byte[] encode(BufferedImage image, float quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
             ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("JPEG encoding in memory failed", e);
        } finally {
            writer.dispose();
        }
    }

    private static BufferedImage decode(byte[] jpeg) {
        try {
            return ImageIO.read(new ByteArrayInputStream(jpeg));
        } catch (IOException e) {
            throw new UncheckedIOException("JPEG decoding in memory failed", e);
        }
    }

    private static float[] fromImage(BufferedImage image, int channels, int height, int width) {
        int plane = height * width;
        float[] out = new float[channels * plane];
        var raster = image.getRaster();
        if (raster.getNumBands() != channels) {
            throw new IllegalStateException("the JPEG came back with " + raster.getNumBands() + " bands, not " + channels);
        }
        for (int c = 0; c < channels; c++) {
            int[] band = raster.getSamples(0, 0, width, height, c, (int[]) null);
            for (int i = 0; i < plane; i++) {
                out[c * plane + i] = band[i] / 255f;
            }
        }
        return out;
    }
}
