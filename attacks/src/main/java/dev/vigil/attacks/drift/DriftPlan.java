package dev.vigil.attacks.drift;

import dev.vigil.attacks.drift.corruptions.Corruption;
import dev.vigil.core.data.Sample;
import dev.vigil.core.model.InputSpec;
import dev.vigil.core.perturb.Grayscale;
import dev.vigil.core.perturb.Rotation;
import java.util.ArrayList;
import java.util.List;

/** Turns a configuration into the list of settings the probe evaluates, in report order. */
final class DriftPlan {
    private DriftPlan() {
    }

    static List<DriftSetting> settings(DriftConfig config, InputSpec spec, long seed) {
        List<DriftSetting> out = new ArrayList<>();
        int c = spec.channels();
        int h = spec.height();
        int w = spec.width();
        if (config.runs(DriftFamily.ROTATION)) {
            for (double angle : config.angles()) {
                Rotation rotation = Rotation.of(h, w, angle, config.fill());
                String a = Angles.format(angle);
                out.add(new DriftSetting(DriftFamily.ROTATION, "drift.rotation." + a, "drift.rotation", "angle=" + a,
                        a + "°", "angle_" + Angles.slug(angle), "rotation", 0, angle,
                        a + "° counter-clockwise, " + config.fill().id() + " fill",
                        (x, samples) -> rotation.apply(x, samples.size(), c)));
            }
        }
        if (config.runs(DriftFamily.GRAYSCALE) && c == 3) {
            out.add(new DriftSetting(DriftFamily.GRAYSCALE, "drift.grayscale", "drift.grayscale", "", "grayscale",
                    "grayscale", "grayscale", 0, 0, "BT.601 luma",
                    (x, samples) -> Grayscale.applyBatch(x, samples.size(), c, h, w)));
        }
        if (config.runs(DriftFamily.CORRUPTIONS)) {
            for (Corruption corruption : config.corruptions()) {
                if (corruption.id().equals("saturation") && c != 3) {
                    continue;
                }
                if (!corruption.graded()) {
                    out.add(corruptionSetting(corruption, 0, spec, seed));
                    continue;
                }
                for (int severity : config.severities()) {
                    out.add(corruptionSetting(corruption, severity, spec, seed));
                }
            }
        }
        return out;
    }

    private static DriftSetting corruptionSetting(Corruption corruption, int severity, InputSpec spec, long seed) {
        String id = corruption.id();
        boolean graded = severity > 0;
        String prefix = "drift.corruption." + id + (graded ? "." + severity : "");
        String label = graded ? id + ", severity " + severity : id;
        String slug = graded ? id + "_" + severity : id;
        BatchTransform transform = (x, samples) -> corruptBatch(corruption, severity, spec, seed, x, samples);
        return new DriftSetting(DriftFamily.CORRUPTIONS, prefix, "drift.corruption." + id, graded ? "severity=" + severity : "",
                label, slug, id, severity, 0, corruption.parameter(Math.max(1, severity), spec.height(), spec.width()), transform);
    }

    private static float[] corruptBatch(Corruption corruption, int severity, InputSpec spec, long seed, float[] nchw,
                                        List<Sample> samples) {
        int size = spec.pixelsPerImage();
        float[] out = new float[nchw.length];
        float[] image = new float[size];
        for (int i = 0; i < samples.size(); i++) {
            System.arraycopy(nchw, i * size, image, 0, size);
            float[] changed = corruption.apply(image, spec.channels(), spec.height(), spec.width(), Math.max(1, severity),
                    SampleSeeds.forSample(seed, corruption.id(), samples.get(i).id()));
            System.arraycopy(changed, 0, out, i * size, size);
        }
        return out;
    }
}
