package dev.vigil.attacks.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.attacks.drift.corruptions.Corruptions;
import dev.vigil.core.data.Sample;
import dev.vigil.core.model.InputSpec;
import dev.vigil.core.perturb.Fill;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One-channel models: grayscale and saturation do not apply, and every other setting transforms gray batches. */
class OneChannelTest {
    @Test
    void aOneChannelPlanSkipsGrayscaleAndSaturationAndTransformsGrayBatches() {
        var settings = DriftPlan.settings(new DriftConfig(EnumSet.allOf(DriftFamily.class), List.of(90.0), Fill.EDGE,
                Corruptions.all(), List.of(3), null), new InputSpec(1, 8, 8), 0);
        assertTrue(settings.stream().noneMatch(s -> s.family() == DriftFamily.GRAYSCALE));
        assertTrue(settings.stream().noneMatch(s -> s.group().equals("saturation")));
        assertEquals(1 + 8 + 1, settings.size(), "one angle, eight graded corruptions at one severity, the flip");
        float[] gray = new float[2 * 64];
        for (int i = 0; i < gray.length; i++) {
            gray[i] = (i % 9) / 8f;
        }
        List<Sample> samples = List.of(new Sample(0, "a", java.nio.file.Path.of("a.png"), 0), new Sample(1, "b", java.nio.file.Path.of("b.png"), 0));
        for (DriftSetting s : settings) {
            float[] changed = s.transform().apply(gray, samples);
            assertEquals(gray.length, changed.length, s.label());
            for (float v : changed) {
                assertTrue(v >= 0 && v <= 1, s.label());
            }
        }
    }
}
