package dev.vigil.explain.heatmap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.core.model.InputSpec;
import dev.vigil.explain.method.ChannelAggregation;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class HeatmapsTest {
    private static final InputSpec SPEC = new InputSpec(3, 8, 8);
    private static final int SCALE = 16; // PngImages.displayScale(8, 8)

    private static float[] random(long seed, float amplitude) {
        Random r = new Random(seed);
        float[] v = new float[SPEC.pixelsPerImage()];
        for (int j = 0; j < v.length; j++) {
            v[j] = amplitude * (r.nextFloat() - 0.5f);
        }
        return v;
    }

    private static float[] image(long seed) {
        float[] v = random(seed, 2);
        for (int j = 0; j < v.length; j++) {
            v[j] = Math.abs(v[j]);
        }
        return v;
    }

    private static float[] times(float[] a, float k) {
        float[] out = a.clone();
        for (int j = 0; j < out.length; j++) {
            out[j] *= k;
        }
        return out;
    }

    @Test
    void identicalInputsGiveByteIdenticalPngs() throws IOException {
        List<Heatmaps.Tile> tiles = List.of(new Heatmaps.Tile(image(1), random(2, 1)), new Heatmaps.Tile(image(3), random(4, 1)));
        byte[] a = Heatmaps.row(tiles, SPEC, ChannelAggregation.SUM_ABS).png();
        byte[] b = Heatmaps.row(List.of(new Heatmaps.Tile(image(1), random(2, 1)), new Heatmaps.Tile(image(3), random(4, 1))),
                SPEC, ChannelAggregation.SUM_ABS).png();
        assertArrayEquals(a, b);
        byte[] c = Heatmaps.row(List.of(new Heatmaps.Tile(image(1), random(2, 1)), new Heatmaps.Tile(image(3), random(5, 1))),
                SPEC, ChannelAggregation.SUM_ABS).png();
        assertFalse(Arrays.equals(a, c), "another map gives another picture");
    }

    @Test
    void everyTileOfARowIsDrawnOnTheRowsSharedScale() throws IOException {
        float[] map = random(7, 1);
        float[] img = image(8);
        Heatmaps.Row row = Heatmaps.row(List.of(new Heatmaps.Tile(img, map), new Heatmaps.Tile(img, times(map, 4))),
                SPEC, ChannelAggregation.SUM_ABS);
        double[][] values = {ChannelAggregation.SUM_ABS.pixels(map, 0, 3, 64), ChannelAggregation.SUM_ABS.pixels(times(map, 4), 0, 3, 64)};
        double[] all = Arrays.stream(values).flatMapToDouble(Arrays::stream).sorted().toArray();
        assertEquals(all[(int) Math.ceil(0.99 * 128) - 1], row.scaleTop(), 0.0, "the 99th percentile over both tiles");

        BufferedImage png = ImageIO.read(new ByteArrayInputStream(row.png()));
        assertEquals(2 * (8 * SCALE + 4) + 10, png.getWidth());
        int weaker = 0;
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                int p = y * 8 + x;
                double gray = Heatmaps.gray(img, 3, 64, p);
                int left = png.getRGB(x * SCALE, y * SCALE) & 0xFFFFFF;
                int right = png.getRGB(8 * SCALE + 4 + x * SCALE + SCALE - 1, y * SCALE + SCALE - 1) & 0xFFFFFF;
                assertEquals(Heatmaps.overlay(gray, Heatmaps.level(values[0][p], row.scaleTop())), left);
                assertEquals(Heatmaps.overlay(gray, Heatmaps.level(values[1][p], row.scaleTop())), right);
                weaker += values[0][p] < row.scaleTop() ? 1 : 0;
            }
        }
        assertTrue(weaker > 32, "the weaker tile sits low on the shared scale");

        Heatmaps.Row alone = Heatmaps.row(List.of(new Heatmaps.Tile(img, map)), SPEC, ChannelAggregation.SUM_ABS);
        assertTrue(alone.scaleTop() < row.scaleTop() / 2, "drawn alone, a tile gets its own, smaller scale");
    }

    @Test
    void valuesAboveTheTopAreClippedAndAnAllZeroMapShowsTheGrayImage() throws IOException {
        assertEquals(1, Heatmaps.level(5, 2));
        assertEquals(0.25, Heatmaps.level(0.5, 2));
        assertEquals(0, Heatmaps.level(3, 0));
        float[] img = image(9);
        Heatmaps.Row row = Heatmaps.row(List.of(new Heatmaps.Tile(img, new float[SPEC.pixelsPerImage()])), SPEC, ChannelAggregation.SUM_ABS);
        assertEquals(0, row.scaleTop());
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(row.png()));
        int rgb = png.getRGB(3 * SCALE, 5 * SCALE) & 0xFFFFFF;
        int g = (rgb >> 8) & 0xFF;
        assertEquals(g, rgb & 0xFF);
        assertEquals(g, (rgb >> 16) & 0xFF, "gray where there is no attribution");
    }
}
