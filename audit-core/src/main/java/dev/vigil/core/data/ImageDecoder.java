package dev.vigil.core.data;

import dev.vigil.core.InputError;
import dev.vigil.core.model.InputSpec;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes PNG, JPEG, BMP and GIF bytes into a CHW float array in [0, 1] of the model's input shape:
 * gray and RGB converted as the spec needs (BT.601 luma, as PIL's "L"), bilinear resize when sizes differ.
 * Alpha is dropped, as PIL's convert("RGB") does. An image over the {@link PixelLimit} is refused from its
 * header, and one whose decoder lost pixel data (a truncated JPEG) is refused after decoding.
 */
public final class ImageDecoder {
    static {
        ImageIO.setUseCache(false);
    }

    private ImageDecoder() {
    }

    public static float[] decode(byte[] bytes, InputSpec spec) throws UnreadableImageException {
        return decode(bytes, spec, PixelLimit.current());
    }

    /** As {@link #decode(byte[], InputSpec)}, with images of more than {@code maxPixels} pixels (0: no limit) refused. */
    static float[] decode(byte[] bytes, InputSpec spec, long maxPixels) throws UnreadableImageException {
        if (bytes.length == 0) {
            throw new UnreadableImageException("empty file");
        }
        try {
            return toInput(read(bytes, maxPixels), spec);
        } catch (OutOfMemoryError e) {
            // The allocation that failed was this image's own; once it is dropped the audit can go on.
            throw new UnreadableImageException("too large to decode in the memory available");
        }
    }

    private static float[] toInput(BufferedImage image, InputSpec spec) {
        float[][] planes = planes(image);
        int h = image.getHeight();
        int w = image.getWidth();
        planes = convertChannels(planes, spec.channels());
        float[] out = new float[spec.pixelsPerImage()];
        int plane = spec.height() * spec.width();
        for (int c = 0; c < spec.channels(); c++) {
            float[] resized = (h == spec.height() && w == spec.width())
                    ? planes[c] : PillowResize.resize(planes[c], h, w, spec.height(), spec.width(), PillowResize.Filter.BILINEAR);
            System.arraycopy(resized, 0, out, c * plane, plane);
        }
        return out;
    }

    /**
     * Decodes the first image of the bytes as ImageIO.read would, but checks the declared size against the
     * pixel limit before decoding and refuses images whose decoder warned that it lost pixel data.
     */
    private static BufferedImage read(byte[] bytes, long maxPixels) throws UnreadableImageException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new UnreadableImageException("not an image in a supported format (PNG, JPEG, BMP or GIF)");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (PixelLimit.exceeded(width, height, maxPixels)) {
                    throw new UnreadableImageException(PixelLimit.reason(width, height, maxPixels));
                }
                List<String> warnings = new ArrayList<>();
                reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
                BufferedImage image = reader.read(0, reader.getDefaultReadParam());
                Optional<String> lost = DecoderWarnings.lostData(warnings);
                if (lost.isPresent()) {
                    throw new UnreadableImageException(lost.get());
                }
                return image;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new UnreadableImageException("corrupt or truncated image (" + InputError.firstLine(e) + ")");
        }
    }

    /** One float plane per colour channel (1 for gray, 3 for colour), values in [0, 1]. */
    static float[][] planes(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        ColorModel cm = image.getColorModel();
        Raster raster = image.getRaster();
        int colorType = cm.getColorSpace().getType();
        // Component images are read from the raster: getRGB would gamma-convert gray images.
        if (!(cm instanceof IndexColorModel) && (colorType == ColorSpace.TYPE_GRAY || colorType == ColorSpace.TYPE_RGB)) {
            int channels = colorType == ColorSpace.TYPE_GRAY ? 1 : 3;
            float[][] planes = new float[channels][];
            for (int c = 0; c < channels; c++) {
                float max = (1L << cm.getComponentSize(c)) - 1;
                int[] samples = raster.getSamples(0, 0, w, h, c, (int[]) null);
                float[] plane = new float[w * h];
                for (int i = 0; i < plane.length; i++) {
                    plane[i] = samples[i] / max;
                }
                planes[c] = plane;
            }
            return planes;
        }
        int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
        float[][] planes = new float[3][w * h];
        for (int i = 0; i < argb.length; i++) {
            planes[0][i] = ((argb[i] >> 16) & 0xFF) / 255f;
            planes[1][i] = ((argb[i] >> 8) & 0xFF) / 255f;
            planes[2][i] = (argb[i] & 0xFF) / 255f;
        }
        return planes;
    }

    private static float[][] convertChannels(float[][] planes, int channels) {
        if (planes.length == channels) {
            return planes;
        }
        if (channels == 3) {
            return new float[][] {planes[0], planes[0], planes[0]};
        }
        float[] luma = new float[planes[0].length];
        for (int i = 0; i < luma.length; i++) {
            luma[i] = 0.299f * planes[0][i] + 0.587f * planes[1][i] + 0.114f * planes[2][i];
        }
        return new float[][] {luma};
    }
}
