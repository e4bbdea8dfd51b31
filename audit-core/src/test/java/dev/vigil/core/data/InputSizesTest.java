package dev.vigil.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.core.model.InputSpec;
import dev.vigil.core.result.Finding;
import dev.vigil.core.testing.TestImages;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputSizesTest {
    @TempDir
    Path dir;

    @Test
    void theMostCommonSizeAmongTheFirstImagesSetsTheInputAndMixedSizesAreReported() throws IOException {
        // The 1x1 image sorts first; three images are 6 high and 8 wide.
        TestImages.write(dir.resolve("a/0-tiny.png"), 1, 1, 1, "png");
        for (int i = 1; i <= 3; i++) {
            TestImages.write(dir.resolve("a/" + i + ".png"), 8, 6, i, "png");
        }
        InputSizes.Inferred inferred = InputSizes.infer(Dataset.open(dir), 3);
        assertEquals(new InputSpec(3, 6, 8), inferred.spec());
        Finding mixed = inferred.mixedSizes().orElseThrow();
        assertEquals("mixed-image-sizes", mixed.id());
        assertTrue(mixed.detail().startsWith("Of the first 4 readable images, 3 are 6x8 and 1 is 1x1 (height x width);"), mixed.detail());
    }

    @Test
    void imagesOfOneSizeGiveNoWarning() throws IOException {
        TestImages.folder(dir, 3, 5, "a", "b");
        InputSizes.Inferred inferred = InputSizes.infer(Dataset.open(dir), 1);
        assertEquals(new InputSpec(1, 5, 5), inferred.spec());
        assertTrue(inferred.mixedSizes().isEmpty());
    }

    @Test
    void aPixelBombSortingFirstDoesNotSetTheInputSize() throws IOException {
        TestImages.pngDeclaring(dir.resolve("a/0-bomb.png"), 30000, 30000);
        TestImages.write(dir.resolve("a/1.png"), 8, 8, 1, "png");
        InputSizes.Inferred inferred = InputSizes.infer(Dataset.open(dir), 3);
        assertEquals(new InputSpec(3, 8, 8), inferred.spec());
        assertTrue(inferred.mixedSizes().isEmpty(), "an image over the pixel limit is not one of the sizes examined");
    }
}
