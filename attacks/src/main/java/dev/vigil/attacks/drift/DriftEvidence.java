package dev.vigil.attacks.drift;

import dev.vigil.core.audit.AuditContext;
import dev.vigil.core.data.Batch;
import dev.vigil.core.data.BatchStream;
import dev.vigil.core.data.Sample;
import dev.vigil.core.image.PngImages;
import dev.vigil.core.model.InputSpec;
import dev.vigil.core.result.Figure;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The images of the drift report: one example sample under every setting, and for the samples
 * whose prediction changed most often, the clean image beside the changed one. Transforms are
 * deterministic per sample, so the images are recomputed here exactly as the pass saw them.
 */
final class DriftEvidence {
    static final int MOST_FLIPPED = 4;
    private static final int GAP = 2;

    private final AuditContext context;
    private final List<DriftSetting> settings;
    private final DriftOutcomes outcomes;
    private final InputSpec spec;

    DriftEvidence(AuditContext context, List<DriftSetting> settings, DriftOutcomes outcomes) {
        this.context = context;
        this.settings = settings;
        this.outcomes = outcomes;
        this.spec = context.classifier().inputSpec();
    }

    /** A seeded choice among the clean-correct samples (any read sample when none is right), or null when none was read. */
    static Sample exampleSample(AuditContext context, List<Sample> read) {
        List<Sample> pool = read.stream().filter(s -> context.clean().correct(s.index())).toList();
        if (pool.isEmpty()) {
            pool = read;
        }
        if (pool.isEmpty()) {
            return null;
        }
        return pool.get(SampleSeeds.forChoice(context.seed(), "example").nextInt(pool.size()));
    }

    /** The example sample, clean and under each of the family's settings. */
    List<Figure> examples(DriftFamily family, List<Integer> familySettings, Sample sample) throws IOException {
        List<Figure> figures = new ArrayList<>();
        if (sample == null || familySettings.isEmpty()) {
            return figures;
        }
        float[] clean = pixels(List.of(sample)).get(sample.index());
        if (clean == null) {
            return figures;
        }
        String dir = "images/drift/" + family.id() + "/";
        String original = dir + "example_clean.png";
        write(image(clean), original);
        String cleanPrediction = prediction(context.clean().predictions()[sample.index()], context.clean().confidence()[sample.index()]);
        String legend = "One image, " + sample.id() + " (true class " + context.className(sample.label()) + "), unchanged and under every"
                + " setting, each with the model's prediction and confidence.";
        figures.add(new Figure("Example: the original", original, "clean: " + cleanPrediction + " (true " + context.className(sample.label()) + ")",
                "sample " + sample.id() + " unchanged", "clean: " + cleanPrediction, legend));
        for (int s : familySettings) {
            DriftSetting setting = settings.get(s);
            if (!outcomes.evaluated(s, sample.index())) {
                continue;
            }
            float[] changed = setting.transform().apply(clean, List.of(sample));
            String file = dir + "example_" + setting.slug() + ".png";
            write(image(changed), file);
            String group = family == DriftFamily.CORRUPTIONS ? "Example: " + setting.group() : "Example: " + family.id();
            String what = family == DriftFamily.CORRUPTIONS ? setting.label() + " (" + setting.detail() + ")" : setting.label();
            String after = prediction(outcomes.predictions[s][sample.index()], outcomes.confidence[s][sample.index()]);
            // within a corruption's card the name is the card's title: the label keeps the severity and its parameter
            String brief = family == DriftFamily.CORRUPTIONS && setting.severity() > 0
                    ? "severity " + setting.severity() + " (" + setting.detail() + ")" : setting.label();
            figures.add(new Figure(group, file, what + ": " + after, "sample " + sample.id() + " after " + setting.label(),
                    brief + ": " + after, legend));
        }
        return figures;
    }

    /**
     * For the samples whose prediction changed under the most of the family's settings, the clean
     * image beside the changed one, at the setting where the new prediction is most confident.
     */
    List<Figure> mostFlipped(DriftFamily family, List<Integer> familySettings, List<Sample> read) throws IOException {
        int[] flips = new int[context.clean().labels().length];
        int[] where = new int[flips.length];
        float[] best = new float[flips.length];
        for (Sample sample : read) {
            int i = sample.index();
            where[i] = -1;
            for (int s : familySettings) {
                if (outcomes.evaluated(s, i) && outcomes.predictions[s][i] != context.clean().predictions()[i]) {
                    flips[i]++;
                    if (where[i] < 0 || outcomes.confidence[s][i] > best[i]) {
                        where[i] = s;
                        best[i] = outcomes.confidence[s][i];
                    }
                }
            }
        }
        List<Sample> top = read.stream().filter(s -> flips[s.index()] > 0)
                .sorted(Comparator.comparingInt((Sample s) -> -flips[s.index()]).thenComparingInt(Sample::index))
                .limit(MOST_FLIPPED).toList();
        List<Figure> figures = new ArrayList<>();
        Map<Integer, float[]> clean = pixels(top);
        int rank = 0;
        for (Sample sample : top) {
            int i = sample.index();
            float[] before = clean.get(i);
            if (before == null) {
                continue;
            }
            DriftSetting setting = settings.get(where[i]);
            float[] after = setting.transform().apply(before, List.of(sample));
            String file = "images/drift/" + family.id() + "/flipped_" + (++rank) + ".png";
            write(pair(image(before), image(after)), file);
            String caption = String.format(Locale.ROOT, "%s (true %s): clean %s → %s: %s; changed in %d of %d settings",
                    sample.id(), context.className(sample.label()),
                    prediction(context.clean().predictions()[i], context.clean().confidence()[i]), setting.label(),
                    prediction(outcomes.predictions[where[i]][i], outcomes.confidence[where[i]][i]), flips[i], familySettings.size());
            String label = String.format(Locale.ROOT, "%s: %s → %s (%s)", sample.id(),
                    prediction(context.clean().predictions()[i], context.clean().confidence()[i]),
                    prediction(outcomes.predictions[where[i]][i], outcomes.confidence[where[i]][i]), setting.label());
            figures.add(new Figure("Most often changed predictions (left: clean, right: changed)", file, caption,
                    "sample " + sample.id() + " clean and after " + setting.label(), label,
                    "The images whose predictions changed under the most settings, each clean (left) beside its change (right) at the"
                            + " setting where the new prediction is most confident: clean prediction → changed prediction (setting)."));
        }
        return figures;
    }

    private String prediction(int predicted, float confidence) {
        return predicted < 0 ? "not read" : String.format(Locale.ROOT, "%s (%.2f)", context.className(predicted), confidence);
    }

    private Map<Integer, float[]> pixels(List<Sample> samples) {
        Map<Integer, float[]> out = new HashMap<>();
        if (samples.isEmpty()) {
            return out;
        }
        int size = spec.pixelsPerImage();
        try (BatchStream stream = new BatchStream(samples, spec, samples.size())) {
            for (Batch batch : stream) {
                for (int k = 0; k < batch.size(); k++) {
                    float[] chw = new float[size];
                    System.arraycopy(batch.pixels(), k * size, chw, 0, size);
                    out.put(batch.samples().get(k).index(), chw);
                }
            }
        }
        return out;
    }

    private BufferedImage image(float[] chw) {
        return PngImages.toImage(chw, 0, spec.channels(), spec.height(), spec.width(), 1);
    }

    private static BufferedImage pair(BufferedImage left, BufferedImage right) {
        int w = left.getWidth();
        int h = left.getHeight();
        BufferedImage out = new BufferedImage(2 * w + GAP, h, BufferedImage.TYPE_INT_RGB);
        int[] white = new int[GAP * h];
        java.util.Arrays.fill(white, 0xFFFFFF);
        out.setRGB(0, 0, w, h, left.getRGB(0, 0, w, h, null, 0, w), 0, w);
        out.setRGB(w, 0, GAP, h, white, 0, GAP);
        out.setRGB(w + GAP, 0, w, h, right.getRGB(0, 0, w, h, null, 0, w), 0, w);
        return out;
    }

    private void write(BufferedImage image, String relative) throws IOException {
        PngImages.write(image, context.outputDir().resolve(relative));
    }
}
