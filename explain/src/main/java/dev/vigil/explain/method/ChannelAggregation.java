package dev.vigil.explain.method;

import dev.vigil.core.InputError;
import java.util.Locale;

/** How an attribution map's channels become one value per pixel, for heatmaps, orderings and correlations. */
public enum ChannelAggregation {
    /** Σ_c |a_c|: how much the pixel matters either way (the default for heatmaps and correlations). */
    SUM_ABS("sum-abs"),
    /** max_c |a_c|: the pixel's strongest channel. */
    MAX_ABS("max-abs"),
    /** Σ_c a_c, signed: evidence for (positive) or against (negative) the target class; orders pixels for deletion. */
    SUM("sum");

    private final String option;

    ChannelAggregation(String option) {
        this.option = option;
    }

    @com.fasterxml.jackson.annotation.JsonValue
    public String option() {
        return option;
    }

    /** One value per pixel (H×W, row-major) of image {@code image}'s map. */
    public double[] pixels(Attributions a, int image) {
        return pixels(a.values(), a.offset(image), a.spec().channels(), a.spec().height() * a.spec().width());
    }

    public double[] pixels(float[] values, int offset, int channels, int plane) {
        double[] out = new double[plane];
        for (int c = 0; c < channels; c++) {
            for (int j = 0; j < plane; j++) {
                float v = values[offset + c * plane + j];
                switch (this) {
                    case SUM_ABS -> out[j] += Math.abs(v);
                    case MAX_ABS -> out[j] = Math.max(out[j], Math.abs(v));
                    case SUM -> out[j] += v;
                }
            }
        }
        return out;
    }

    /** Parses the options of heatmaps, which show magnitudes: sum-abs or max-abs. */
    public static ChannelAggregation parseMagnitude(String text) {
        for (ChannelAggregation a : new ChannelAggregation[] {SUM_ABS, MAX_ABS}) {
            if (a.option.equals(text.trim().toLowerCase(Locale.ROOT))) {
                return a;
            }
        }
        throw new InputError("--heatmap-channels must be sum-abs or max-abs, not '" + text + "'.");
    }
}
