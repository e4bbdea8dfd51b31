package dev.vigil.core.data;

import dev.vigil.core.InputError;
import dev.vigil.core.model.InputSpec;
import dev.vigil.core.result.Finding;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Finds the model input size when the user gives none: the most common size among the first
 * {@value #EXAMINED} readable images (from their headers; images over the pixel limit do not count), so
 * that one odd image sorting first cannot set the size of the whole audit. When sizes differ, it says so.
 */
public final class InputSizes {
    static final int EXAMINED = 64;

    /** The inferred input, and a warning when the images examined were not all of that size. */
    public record Inferred(InputSpec spec, Optional<Finding> mixedSizes) {
    }

    /** One image size as --image-size writes it, height first. */
    private record Size(int height, int width) {
        @Override
        public String toString() {
            return height + "x" + width;
        }
    }

    private InputSizes() {
    }

    public static Inferred infer(Dataset dataset, int channels) {
        long limit = PixelLimit.current();
        Map<Size, Integer> counts = new LinkedHashMap<>();
        int examined = 0;
        for (Sample sample : dataset.samples()) {
            if (examined == EXAMINED) {
                break;
            }
            Optional<Size> size = header(sample);
            if (size.isPresent() && !PixelLimit.exceeded(size.get().width(), size.get().height(), limit)) {
                counts.merge(size.get(), 1, Integer::sum);
                examined++;
            }
        }
        if (counts.isEmpty()) {
            throw new InputError("None of the " + dataset.samples().size() + " image files under " + dataset.root()
                    + " could be read; check that they are PNG, JPEG, BMP or GIF images.");
        }
        Size common = null;
        for (Map.Entry<Size, Integer> e : counts.entrySet()) {
            if (common == null || e.getValue() > counts.get(common)) {
                common = e.getKey();
            }
        }
        InputSpec spec = new InputSpec(channels, common.height(), common.width());
        if (counts.size() == 1) {
            return new Inferred(spec, Optional.empty());
        }
        return new Inferred(spec, Optional.of(Finding.warning("mixed-image-sizes", "Images differ in size",
                "Of the first " + examined + " readable images, " + tally(counts) + " (height x width); the model input was set to the"
                        + " most common size, " + common + ", and images of other sizes are resized to it (bilinear)."
                        + " Give --image-size HxW if the model takes another size.")));
    }

    /** The input of one image's declared size, for a command given single images; an input error when it has none usable. */
    public static InputSpec ofImage(java.nio.file.Path file, int channels) {
        Optional<Size> size = header(file);
        if (size.isEmpty()) {
            throw new InputError("The image " + file + " could not be read as PNG, JPEG, BMP or GIF; check the path given to --image.");
        }
        long limit = PixelLimit.current();
        if (PixelLimit.exceeded(size.get().width(), size.get().height(), limit)) {
            throw new InputError("The image " + file + " is " + PixelLimit.reason(size.get().width(), size.get().height(), limit) + ".");
        }
        return new InputSpec(channels, size.get().height(), size.get().width());
    }

    /** "60 are 32x32, 3 are 64x64 and 1 is 1x1", most common first. */
    private static String tally(Map<Size, Integer> counts) {
        List<String> parts = new ArrayList<>();
        counts.entrySet().stream()
                .sorted((a, b) -> Integer.compare(b.getValue(), a.getValue()))
                .forEach(e -> parts.add(e.getValue() + (e.getValue() == 1 ? " is " : " are ") + e.getKey()));
        String last = parts.remove(parts.size() - 1);
        return String.join(", ", parts) + " and " + last;
    }

    /** The size a sample's header declares, reading no more of a remote file than the header. */
    private static Optional<Size> header(Sample sample) {
        if (sample.uri() == null) {
            return header(sample.path());
        }
        try (java.io.InputStream stream = SampleFiles.open(sample)) {
            return header(new javax.imageio.stream.MemoryCacheImageInputStream(stream));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The size an image file's header declares, without decoding it; empty when no reader can parse it. */
    private static Optional<Size> header(java.nio.file.Path file) {
        try {
            return header(ImageIO.createImageInputStream(file.toFile()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<Size> header(ImageInputStream opened) {
        try (ImageInputStream in = opened) {
            if (in == null) {
                return Optional.empty();
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return Optional.empty();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return Optional.of(new Size(reader.getHeight(0), reader.getWidth(0)));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            // unreadable: the batch stream will skip and report it
            return Optional.empty();
        }
    }
}
