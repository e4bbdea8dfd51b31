package dev.vigil.attacks.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.attacks.drift.corruptions.Corruptions;
import dev.vigil.core.InputError;
import dev.vigil.core.model.InputSpec;
import dev.vigil.core.perturb.Fill;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DriftConfigTest {
    @Test
    void familiesParseFromTheDriftOption() {
        assertEquals(EnumSet.allOf(DriftFamily.class), DriftFamily.parse(List.of("all")));
        assertEquals(EnumSet.of(DriftFamily.ROTATION, DriftFamily.GRAYSCALE), DriftFamily.parse(List.of("Rotation", " grayscale")));
        assertEquals(Set.of(), DriftFamily.parse(List.of("none")));
        InputError unknown = assertThrows(InputError.class, () -> DriftFamily.parse(List.of("blur")));
        assertTrue(unknown.getMessage().contains("'blur'"));
        assertThrows(InputError.class, () -> DriftFamily.parse(List.of("none", "rotation")));
    }

    @Test
    void badSettingsAreInputErrorsInOneSentence() {
        var all = EnumSet.allOf(DriftFamily.class);
        assertThrows(InputError.class, () -> new DriftConfig(all, List.of(), Fill.ZERO, Corruptions.all(), List.of(1), null));
        assertThrows(InputError.class, () -> new DriftConfig(all, List.of(5.0, 5.0), Fill.ZERO, Corruptions.all(), List.of(1), null));
        InputError severity = assertThrows(InputError.class,
                () -> new DriftConfig(all, List.of(5.0), Fill.ZERO, Corruptions.all(), List.of(0, 6), null));
        assertTrue(severity.getMessage().startsWith("--severities"));
        assertThrows(InputError.class, () -> Fill.parse("wrap"));
        assertEquals(Fill.REFLECT, Fill.parse("Reflect"));
    }

    @Test
    void theDefaultPlanHasEveryAngleGrayscaleAndEveryCorruptionSeverity() {
        List<DriftSetting> settings = DriftPlan.settings(DriftConfig.defaults(), new InputSpec(3, 32, 32), 0);
        assertEquals(8 + 1 + 9 * 5 + 1, settings.size());
        assertEquals("drift.rotation.-30", settings.get(0).metricPrefix());
        assertEquals("angle=-30", settings.get(0).parameter());
        assertEquals("drift.grayscale", settings.get(8).metricPrefix());
        assertEquals("drift.corruption.gaussian_noise.1", settings.get(9).metricPrefix());
        assertTrue(settings.stream().anyMatch(s -> s.metricPrefix().equals("drift.corruption.horizontal_flip")));
        assertEquals(settings.size(), settings.stream().map(DriftSetting::metricPrefix).distinct().count());
        assertEquals(settings.size(), settings.stream().map(s -> s.family().id() + "/" + s.slug()).distinct().count(),
                "every setting has its own figure file");
    }

    @Test
    void oneChannelModelsSkipGrayscaleAndSaturation() {
        List<DriftSetting> settings = DriftPlan.settings(DriftConfig.defaults(), new InputSpec(1, 28, 28), 0);
        assertTrue(settings.stream().noneMatch(s -> s.family() == DriftFamily.GRAYSCALE || s.group().equals("saturation")));
    }

    @Test
    void anglesFormatWithoutTrailingZeros() {
        assertEquals("15", Angles.format(15.0));
        assertEquals("-30", Angles.format(-30.0));
        assertEquals("22.5", Angles.format(22.5));
        assertEquals("m7p5", Angles.slug(-7.5));
    }

    @Test
    void sampleSeedsDependOnSeedCorruptionAndSampleButNotOnOrder() {
        long a = SampleSeeds.forSample(0, "gaussian_noise", "cat/1.png").nextLong();
        assertEquals(a, SampleSeeds.forSample(0, "gaussian_noise", "cat/1.png").nextLong());
        assertTrue(a != SampleSeeds.forSample(1, "gaussian_noise", "cat/1.png").nextLong());
        assertTrue(a != SampleSeeds.forSample(0, "shot_noise", "cat/1.png").nextLong());
        assertTrue(a != SampleSeeds.forSample(0, "gaussian_noise", "cat/2.png").nextLong());
    }
}
