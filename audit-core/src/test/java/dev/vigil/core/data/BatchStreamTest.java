package dev.vigil.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.core.model.InputSpec;
import dev.vigil.core.testing.TestImages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchStreamTest {
    @TempDir
    Path dir;

    @Test
    void corruptTruncatedEmptyAndNonImageFilesAreSkippedWithReasonsAndTheRestStream() throws IOException {
        TestImages.folder(dir, 3, 6, "a", "b");
        byte[] good = Files.readAllBytes(dir.resolve("a/img0.png"));
        Files.write(dir.resolve("a/truncated.png"), Arrays.copyOf(good, good.length / 2));
        Files.write(dir.resolve("b/empty.png"), new byte[0]);
        Files.writeString(dir.resolve("b/text.jpg"), "hello, I am not a JPEG");
        Dataset d = Dataset.open(dir);
        assertEquals(9, d.samples().size());
        List<Batch> batches = new ArrayList<>();
        try (BatchStream stream = new BatchStream(d.samples(), new InputSpec(3, 6, 6), 4)) {
            stream.forEach(batches::add);
            assertEquals(6, batches.stream().mapToInt(Batch::size).sum());
            assertEquals(9, batches.stream().mapToInt(Batch::attempted).sum());
            List<SkippedSample> skipped = stream.skipped();
            assertEquals(List.of("a/truncated.png", "b/empty.png", "b/text.jpg"), skipped.stream().map(SkippedSample::id).toList());
            assertEquals("empty file", skipped.get(1).reason());
            assertTrue(skipped.get(0).reason().startsWith("corrupt or truncated"), skipped.get(0).reason());
            assertTrue(skipped.get(2).reason().startsWith("not an image"), skipped.get(2).reason());
            assertEquals(9, stream.fileHashes().size(), "every file read is hashed, unreadable ones included");
        }
        for (Batch b : batches) {
            assertEquals(b.size() * 3 * 36, b.pixels().length);
            assertEquals(b.size(), b.labels().length);
        }
    }

    @Test
    void aTruncatedJpegIsSkippedAsTruncatedThoughItsDecoderWouldFillInTheMissingRows() throws Exception {
        Path good = TestImages.write(dir.resolve("a/good.jpg"), 64, 64, 7, "jpg");
        byte[] bytes = Files.readAllBytes(good);
        // Without its last two bytes the file lacks only the end-of-image marker; without its second half, rows.
        Files.write(dir.resolve("a/no-eoi.jpg"), Arrays.copyOf(bytes, bytes.length - 2));
        Files.write(dir.resolve("a/half.jpg"), Arrays.copyOf(bytes, bytes.length / 2));
        Dataset d = Dataset.open(dir);
        try (BatchStream stream = new BatchStream(d.samples(), new InputSpec(3, 64, 64), 4)) {
            List<Batch> batches = new ArrayList<>();
            stream.forEach(batches::add);
            assertEquals(List.of("a/good.jpg"), batches.stream().flatMap(b -> b.samples().stream()).map(Sample::id).toList());
            assertEquals(List.of("a/half.jpg", "a/no-eoi.jpg"), stream.skipped().stream().map(SkippedSample::id).toList());
            for (SkippedSample s : stream.skipped()) {
                assertTrue(s.reason().startsWith("truncated: the file ends before its image data does"), s.reason());
            }
        }
    }

    @Test
    void anImageDeclaringMorePixelsThanTheLimitIsSkippedFromItsHeaderBeforeDecoding() throws Exception {
        Path bomb = TestImages.pngDeclaring(dir.resolve("a/bomb.png"), 30000, 30000);
        assertTrue(Files.size(bomb) < 1000);
        TestImages.write(dir.resolve("a/fine.png"), 8, 8, 1, "png");
        Dataset d = Dataset.open(dir);
        try (BatchStream stream = new BatchStream(d.samples(), new InputSpec(3, 8, 8), 4)) {
            stream.forEach(b -> { });
            assertEquals(1, stream.skipped().size());
            assertEquals("a/bomb.png", stream.skipped().get(0).id());
            assertEquals("too large: it declares 30000 x 30000 pixels (width x height), 900,000,000 in all, above the limit of"
                    + " 89,478,485 (-Dvigil.maxImagePixels=N sets another)", stream.skipped().get(0).reason());
        }
        // The limit counts pixels as Pillow's MAX_IMAGE_PIXELS does: width times height, 0 for no limit.
        byte[] eight = Files.readAllBytes(dir.resolve("a/fine.png"));
        InputSpec spec = new InputSpec(3, 8, 8);
        UnreadableImageException over = org.junit.jupiter.api.Assertions.assertThrows(UnreadableImageException.class,
                () -> ImageDecoder.decode(eight, spec, 63));
        assertTrue(over.getMessage().startsWith("too large: it declares 8 x 8 pixels"), over.getMessage());
        assertEquals(192, ImageDecoder.decode(eight, spec, 64).length);
        assertEquals(192, ImageDecoder.decode(eight, spec, 0).length);
    }

    @Test
    void aSecondPassServedFromTheCacheGivesTheSameBatchesSkipsAndHashes() throws IOException {
        TestImages.folder(dir, 5, 6, "a", "b");
        Files.writeString(dir.resolve("b/text.jpg"), "not a JPEG either");
        Dataset d = Dataset.open(dir);
        InputSpec spec = new InputSpec(3, 6, 6);
        List<List<Batch>> passes = new ArrayList<>();
        List<List<SkippedSample>> skips = new ArrayList<>();
        List<java.util.Map<String, String>> hashes = new ArrayList<>();
        for (int pass = 0; pass < 2; pass++) {
            List<Batch> batches = new ArrayList<>();
            try (BatchStream stream = new BatchStream(d.samples(), spec, 4)) {
                stream.forEach(batches::add);
                skips.add(stream.skipped());
                hashes.add(stream.fileHashes());
            }
            passes.add(batches);
        }
        assertEquals(passes.get(0).size(), passes.get(1).size());
        for (int k = 0; k < passes.get(0).size(); k++) {
            Batch first = passes.get(0).get(k);
            Batch second = passes.get(1).get(k);
            assertEquals(first.samples(), second.samples());
            assertArrayEquals(first.pixels(), second.pixels());
            assertArrayEquals(first.labels(), second.labels());
            assertEquals(first.attempted(), second.attempted());
        }
        assertEquals(List.of("b/text.jpg"), skips.get(1).stream().map(SkippedSample::id).toList(), "unreadable files stay skipped");
        assertEquals(skips.get(0), skips.get(1));
        assertEquals(11, hashes.get(1).size());
        assertEquals(hashes.get(0), hashes.get(1));
    }

    @Test
    void pixelsAreBytesOver255InChwOrderForEveryFormat() throws Exception {
        for (String format : List.of("png", "bmp", "gif")) {
            Path file = TestImages.write(dir.resolve("x/img." + format), 5, 3, 42, format);
            var image = javax.imageio.ImageIO.read(file.toFile());
            float[] chw = ImageDecoder.decode(Files.readAllBytes(file), new InputSpec(3, 3, 5));
            for (int y = 0; y < 3; y++) {
                for (int x = 0; x < 5; x++) {
                    int rgb = image.getRGB(x, y);
                    assertEquals(((rgb >> 16) & 255) / 255f, chw[y * 5 + x], 1e-7f, format);
                    assertEquals(((rgb >> 8) & 255) / 255f, chw[15 + y * 5 + x], 1e-7f, format);
                    assertEquals((rgb & 255) / 255f, chw[30 + y * 5 + x], 1e-7f, format);
                }
            }
        }
    }

    @Test
    void grayImagesAreReadWithoutGammaAndReplicatedForColourModels() throws Exception {
        var gray = new java.awt.image.BufferedImage(2, 1, java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
        gray.getRaster().setSample(0, 0, 0, 64);
        gray.getRaster().setSample(1, 0, 0, 200);
        var out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(gray, "png", out);
        float[] rgb = ImageDecoder.decode(out.toByteArray(), new InputSpec(3, 1, 2));
        assertArrayEquals(new float[] {64 / 255f, 200 / 255f, 64 / 255f, 200 / 255f, 64 / 255f, 200 / 255f}, rgb, 1e-7f);
        float[] one = ImageDecoder.decode(out.toByteArray(), new InputSpec(1, 1, 2));
        assertArrayEquals(new float[] {64 / 255f, 200 / 255f}, one, 1e-7f);
    }

    @Test
    void colourImagesBecomeBt601LumaForGrayModels() throws Exception {
        var red = new java.awt.image.BufferedImage(1, 1, java.awt.image.BufferedImage.TYPE_INT_RGB);
        red.setRGB(0, 0, 0xFF0000);
        var out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(red, "png", out);
        assertEquals(0.299f, ImageDecoder.decode(out.toByteArray(), new InputSpec(1, 1, 1))[0], 1e-6f);
    }

    @Test
    void bilinearResizeKeepsConstantsAndAveragesWhenHalving() {
        float[] constant = new float[16];
        Arrays.fill(constant, 0.25f);
        assertArrayEquals(new float[] {0.25f, 0.25f, 0.25f, 0.25f, 0.25f, 0.25f, 0.25f, 0.25f, 0.25f},
                PillowResize.resize(constant, 4, 4, 3, 3, PillowResize.Filter.BILINEAR), 1e-6f);
        // Halving with Pillow's antialiased triangle filter (support 2 source pixels): output 0 is centred
        // at source 1.0 and weighs pixels 0,1,2 by 3/4,3/4,1/4; output 1, centred at 3.0, weighs 1,2,3 by 1/4,3/4,3/4.
        float[] half = PillowResize.resize(new float[] {0, 0.2f, 0.4f, 0.6f}, 1, 4, 1, 2, PillowResize.Filter.BILINEAR);
        assertEquals((0 * 3 + 0.2f * 3 + 0.4f * 1) / 7f, half[0], 1e-6f);
        assertEquals((0.2f * 1 + 0.4f * 3 + 0.6f * 3) / 7f, half[1], 1e-6f);
    }
}
