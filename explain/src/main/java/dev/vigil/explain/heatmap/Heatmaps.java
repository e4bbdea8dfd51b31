package dev.vigil.explain.heatmap;

import dev.vigil.core.image.PngImages;
import dev.vigil.core.model.InputSpec;
import dev.vigil.explain.method.ChannelAggregation;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * Draws one comparison row of attribution heatmaps as a PNG: each tile is an image in gray with its map
 * overlaid in a black–red–yellow–white scale, and a colour bar closes the row. The map's channels are
 * aggregated per pixel ({@link ChannelAggregation#SUM_ABS} by default); the colour scale runs from 0 to
 * the {@value #PERCENTILE_TEXT} percentile of the aggregated values over every tile of the row, values above
 * it are clipped, so the tiles of a row (an image and its rotated, grayscale and adversarial versions)
 * are drawn on one scale and can be compared. The bytes depend only on the inputs.
 */
public final class Heatmaps {
    public static final double PERCENTILE = 0.99;
    static final String PERCENTILE_TEXT = "99th";
    private static final int GAP = 4;
    private static final int BAR_WIDTH = 10;
    private static final int WHITE = 0xFFFFFF;
    /** The strongest a colour covers the gray image (at the top of the scale). */
    private static final double MAX_OPACITY = 0.85;

    private Heatmaps() {
    }

    /** One image (CHW in [0, 1]) and its attribution map (CHW). */
    public record Tile(float[] image, float[] attribution) {
    }

    /** The PNG and the value at the top of its colour scale. */
    public record Row(byte[] png, double scaleTop) {
    }

    /** How a row's colour scale is set, in words, for captions. */
    public static String scaleRule(ChannelAggregation aggregation) {
        String per = aggregation == ChannelAggregation.MAX_ABS ? "max over channels of |a|" : "sum over channels of |a|";
        return "colour = " + per + ", from 0 (no colour) to the " + PERCENTILE_TEXT
                + " percentile of that value over every image of this row (larger values clipped); one scale per row";
    }

    public static Row row(List<Tile> tiles, InputSpec spec, ChannelAggregation aggregation) throws IOException {
        int h = spec.height();
        int w = spec.width();
        int plane = h * w;
        double[][] values = new double[tiles.size()][];
        for (int t = 0; t < tiles.size(); t++) {
            values[t] = aggregation.pixels(tiles.get(t).attribution(), 0, spec.channels(), plane);
        }
        double top = percentile(values, PERCENTILE);
        int s = PngImages.displayScale(h, w);
        int tileW = w * s;
        int tileH = h * s;
        int width = tiles.size() * (tileW + GAP) + BAR_WIDTH;
        BufferedImage out = new BufferedImage(width, tileH, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < tileH; y++) {
            for (int x = 0; x < width; x++) {
                out.setRGB(x, y, WHITE);
            }
        }
        for (int t = 0; t < tiles.size(); t++) {
            float[] image = tiles.get(t).image();
            int left = t * (tileW + GAP);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int rgb = overlay(gray(image, spec.channels(), plane, y * w + x), level(values[t][y * w + x], top));
                    for (int dy = 0; dy < s; dy++) {
                        for (int dx = 0; dx < s; dx++) {
                            out.setRGB(left + x * s + dx, y * s + dy, rgb);
                        }
                    }
                }
            }
        }
        int barLeft = tiles.size() * (tileW + GAP);
        for (int y = 0; y < tileH; y++) {
            int rgb = overlay(0.5, 1 - (double) y / Math.max(1, tileH - 1));
            for (int x = barLeft; x < barLeft + BAR_WIDTH; x++) {
                out.setRGB(x, y, rgb);
            }
        }
        return new Row(PngImages.encode(out), top);
    }

    /** The value at rank ⌈q·n⌉ (nearest rank) of all values together. */
    static double percentile(double[][] values, double q) {
        double[] all = Arrays.stream(values).flatMapToDouble(Arrays::stream).toArray();
        if (all.length == 0) {
            return 0;
        }
        Arrays.sort(all);
        int rank = (int) Math.ceil(q * all.length);
        return all[Math.max(0, Math.min(all.length - 1, rank - 1))];
    }

    /** Position on the colour scale in [0, 1]; a row whose scale top is 0 shows no colour. */
    static double level(double value, double top) {
        return top > 0 ? Math.min(1, Math.max(0, value / top)) : 0;
    }

    static double gray(float[] image, int channels, int plane, int pixel) {
        double v = channels == 3
                ? 0.299 * image[pixel] + 0.587 * image[plane + pixel] + 0.114 * image[2 * plane + pixel]
                : image[pixel];
        return Math.min(1, Math.max(0, v));
    }

    /** The gray value, dimmed a little, covered by the colour of {@code level} with opacity growing with it. */
    static int overlay(double gray, double level) {
        double base = 0.15 + 0.7 * gray;
        double[] colour = colour(level);
        double a = MAX_OPACITY * level;
        int r = PngImages.toByte((float) ((1 - a) * base + a * colour[0]));
        int g = PngImages.toByte((float) ((1 - a) * base + a * colour[1]));
        int b = PngImages.toByte((float) ((1 - a) * base + a * colour[2]));
        return (r << 16) | (g << 8) | b;
    }

    /** Black → red → yellow → white as the level goes from 0 to 1. */
    static double[] colour(double level) {
        double t = 3 * level;
        return new double[] {Math.min(1, t), Math.min(1, Math.max(0, t - 1)), Math.min(1, Math.max(0, t - 2))};
    }
}
