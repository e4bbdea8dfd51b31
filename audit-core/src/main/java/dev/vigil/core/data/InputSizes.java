package dev.vigil.core.data;

import dev.vigil.core.InputError;
import dev.vigil.core.model.InputSpec;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/** Finds the model input size when the user gives none: the size of the first readable image. */
public final class InputSizes {
    private InputSizes() {
    }

    public static InputSpec fromFirstImage(Dataset dataset, int channels) {
        for (Sample sample : dataset.samples()) {
            try (ImageInputStream in = ImageIO.createImageInputStream(sample.path().toFile())) {
                if (in == null) {
                    continue;
                }
                Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
                if (!readers.hasNext()) {
                    continue;
                }
                ImageReader reader = readers.next();
                try {
                    reader.setInput(in);
                    return new InputSpec(channels, reader.getHeight(0), reader.getWidth(0));
                } finally {
                    reader.dispose();
                }
            } catch (IOException | RuntimeException e) {
                // unreadable: the batch stream will skip and report it; try the next file
            }
        }
        throw new InputError("None of the " + dataset.samples().size() + " image files under " + dataset.root()
                + " could be read; check that they are PNG, JPEG, BMP or GIF images.");
    }
}
