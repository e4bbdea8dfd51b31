package dev.vigil.attacks.adversarial;

import dev.vigil.core.audit.AuditContext;
import dev.vigil.core.data.Sample;
import dev.vigil.core.image.PngImages;
import dev.vigil.core.model.InputSpec;
import dev.vigil.core.perturb.Epsilon;
import dev.vigil.core.result.Figure;
import dev.vigil.core.result.Format;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Example images for the report: for a few images per class (chosen with the audit seed among those
 * the model gets right), the original, the adversarial image and the perturbation amplified to the
 * full grey range, at the smallest epsilon that changes the prediction (the largest if none does).
 */
final class Evidence {
    static final int PER_CLASS = 2;
    static final int MAX_IMAGES = 24;
    private static final long SEED_CONSTANT = 0x45564944454e4345L; // "EVIDENCE"

    private final Map<Integer, Sample> chosen;

    private Evidence(Map<Integer, Sample> chosen) {
        this.chosen = chosen;
    }

    /** Up to {@link #PER_CLASS} correctly classified images per class, class by class, at most {@link #MAX_IMAGES}. */
    static Evidence choose(AuditContext context, List<Sample> readable) {
        int classes = context.dataset().classNames().size();
        List<List<Sample>> byClass = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            byClass.add(new ArrayList<>());
        }
        for (Sample s : readable) {
            if (context.clean().correct(s.index())) {
                byClass.get(s.label()).add(s);
            }
        }
        Random random = new Random(context.seed() ^ SEED_CONSTANT);
        byClass.forEach(group -> Collections.shuffle(group, random));
        Map<Integer, Sample> chosen = new LinkedHashMap<>();
        for (int round = 0; round < PER_CLASS; round++) {
            for (List<Sample> group : byClass) {
                if (round < group.size() && chosen.size() < MAX_IMAGES) {
                    Sample s = group.get(round);
                    chosen.put(s.index(), s);
                }
            }
        }
        return new Evidence(chosen);
    }

    boolean wanted(int sampleIndex) {
        return chosen.containsKey(sampleIndex);
    }

    /** Writes the three PNGs of every evidence image for one attack and returns them as report figures. */
    List<Figure> write(SweepSummary summary, Sweep sweep, EvidencePixels pixels, AuditContext context) throws IOException {
        AttackSpec spec = summary.spec();
        InputSpec input = context.classifier().inputSpec();
        int scale = PngImages.displayScale(input.height(), input.width());
        String folder = "images/" + safe(spec.id());
        List<String> classes = context.dataset().classNames();
        double[] robustness = classRobustness(summary, classes);
        List<Sample> ordered = new ArrayList<>(chosen.values());
        // the classes that break most first, so that a report showing only the first cards shows them
        ordered.sort(java.util.Comparator.comparingDouble((Sample s) -> robustness[s.label()]).thenComparingInt(Sample::label)
                .thenComparing(Sample::id));
        String legend = spec.title() + ": each card is one image the model gets right, with the original (true class and the model's"
                + " confidence), the adversarial image at the smallest ε of the sweep that changes the prediction, or the largest ε"
                + " where none does (ε, then the new prediction and its confidence), and the perturbation amplified around mid-grey"
                + " by the factor shown. Cards run from the classes with the lowest robust accuracy to the highest.";
        List<Figure> figures = new ArrayList<>();
        for (Sample s : ordered) {
            float[] clean = pixels.original(s.index());
            int first = summary.firstFlip().getOrDefault(s.index(), -1);
            int e = first >= 0 ? first : spec.epsilons().size() - 1;
            AttackSample a = sweep.at(e, s.index());
            float[] adversarial = pixels.adversarial(spec.id(), s.index(), e);
            if (clean == null || a == null || adversarial == null) {
                continue;
            }
            Epsilon eps = spec.epsilons().get(e);
            // the sample index keeps names unique even when two ids differ only in characters safe() replaces
            String base = folder + "/" + s.index() + "-" + safe(s.id().replaceFirst("\\.[^./]+$", ""));
            String group = spec.title() + " · " + s.id();
            String truth = classes.get(s.label());
            float[] amplified = amplify(clean, adversarial);
            double gain = amplification(clean, adversarial);
            write(context.outputDir().resolve(base + "-original.png"), clean, input, scale);
            write(context.outputDir().resolve(base + "-adversarial.png"), adversarial, input, scale);
            write(context.outputDir().resolve(base + "-perturbation.png"), amplified, input, scale);
            String cleanCaption = String.format(java.util.Locale.ROOT, "Original %s: true class %s, predicted %s (p=%.2f)",
                    s.id(), truth, classes.get(context.clean().predictions()[s.index()]), context.clean().confidence()[s.index()]);
            String predicted = a.prediction() == dev.vigil.core.eval.Predictions.NONE ? "no class (NaN or infinite logits)"
                    : classes.get(a.prediction());
            String outcome = a.prediction() == s.label() ? "still predicted " + truth : "now predicted " + predicted;
            String advCaption = String.format(java.util.Locale.ROOT, "%s at ε=%s%s: %s (p=%.2f); true-class probability %.2f → %.2f",
                    spec.title(), eps.text(), first >= 0 ? " (smallest ε of the sweep that changes the prediction)" : " (no ε of the sweep changes the prediction)",
                    outcome, a.confidence(), context.clean().trueClassProbability()[s.index()], a.trueClassProbability());
            String deltaCaption = gain > 0
                    ? String.format(java.util.Locale.ROOT, "Perturbation amplified ×%.0f around mid-grey (L∞ %s, L2 %s)",
                            gain, Format.number(a.linf(), 4), Format.number(a.l2(), 3))
                    : "Perturbation: none (the attack left the image unchanged)";
            String cleanLabel = String.format(java.util.Locale.ROOT, "%s (%.2f)", truth, context.clean().confidence()[s.index()]);
            String advLabel = String.format(java.util.Locale.ROOT, "ε=%s%s %s (%.2f)", eps.text(), a.prediction() == s.label() ? ": still" : " →",
                    predicted, a.confidence());
            String deltaLabel = gain > 0 ? String.format(java.util.Locale.ROOT, "×%.0f", gain) : "none";
            figures.add(new Figure(group, base + "-original.png", cleanCaption, "Original image " + s.id() + ", class " + truth,
                    cleanLabel, legend));
            figures.add(new Figure(group, base + "-adversarial.png", advCaption,
                    "Adversarial version of " + s.id() + " under " + spec.title() + ", predicted " + predicted,
                    advLabel, legend));
            figures.add(new Figure(group, base + "-perturbation.png", deltaCaption, "Amplified difference between the two images",
                    deltaLabel, legend));
        }
        return figures;
    }

    /** Per class, its robust accuracy averaged over the sweep's ε (1 for a class without images), from the per-class metrics. */
    static double[] classRobustness(SweepSummary summary, List<String> classes) {
        Map<String, Double> byName = new java.util.HashMap<>();
        summary.results().forEach(r -> r.perClass().forEach(m -> byName.put(m.name(), m.value())));
        double[] out = new double[classes.size()];
        for (int c = 0; c < classes.size(); c++) {
            double sum = 0;
            int n = 0;
            for (EpsilonResult r : summary.results()) {
                String prefix = r.robustAccuracy().name().substring(0, r.robustAccuracy().name().length() - "robust_accuracy".length());
                Double v = byName.get(prefix + "class." + classes.get(c) + ".robust_accuracy");
                if (v != null && !v.isNaN()) {
                    sum += v;
                    n++;
                }
            }
            out[c] = n == 0 ? 1 : sum / n;
        }
        return out;
    }

    /** Maps the perturbation to [0, 1] around mid-grey so that its largest entry reaches black or white. */
    static float[] amplify(float[] clean, float[] adversarial) {
        double gain = amplification(clean, adversarial);
        float[] out = new float[clean.length];
        for (int j = 0; j < out.length; j++) {
            out[j] = (float) (0.5 + gain * (adversarial[j] - clean[j]));
        }
        return out;
    }

    private static double amplification(float[] clean, float[] adversarial) {
        double max = 0;
        for (int j = 0; j < clean.length; j++) {
            max = Math.max(max, Math.abs(adversarial[j] - clean[j]));
        }
        return max == 0 ? 0 : 0.5 / max;
    }

    private static void write(Path file, float[] chw, InputSpec input, int scale) throws IOException {
        PngImages.write(PngImages.toImage(chw, 0, input.channels(), input.height(), input.width(), scale), file);
    }

    static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
