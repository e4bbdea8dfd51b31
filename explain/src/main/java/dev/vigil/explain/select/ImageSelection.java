package dev.vigil.explain.select;

import dev.vigil.core.data.Dataset;
import dev.vigil.core.data.Sample;
import dev.vigil.core.eval.CleanOutcome;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Which images to explain: per class, up to {@code perClass} images dealt in turn from three pools —
 * correct with high confidence, misclassified, and correct on the clean image but flipped by an attack
 * or a drift probe that ran earlier in the audit — so that a reader sees what the
 * model looks at when it is right, when it is wrong, and when it breaks. A pool that runs dry leaves
 * its turns to the others. Within a pool the order is seeded.
 *
 * @param perClass      images per class (default 3)
 * @param minConfidence the clean confidence a correct image needs to count as confident (default 0.9);
 *                      when no correct image of a class reaches it, its most confident correct images are used
 * @param seed          seed of the order within each pool
 */
public record ImageSelection(int perClass, double minConfidence, long seed) {
    public static final int DEFAULT_PER_CLASS = 3;
    public static final double DEFAULT_MIN_CONFIDENCE = 0.9;

    public ImageSelection {
        if (perClass < 1) {
            throw new dev.vigil.core.InputError("--explain-per-class must be at least 1, not " + perClass + ".");
        }
    }

    /** Why an image was chosen. */
    public enum Reason {
        CONFIDENT("correct, confident"),
        MISCLASSIFIED("misclassified"),
        FLIPPED("flipped");

        private final String text;

        Reason(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    /** One chosen image; {@code flippedBy} names the probe and setting that flipped it, or is empty. */
    public record Pick(Sample sample, Reason reason, String flippedBy) {
        public String describe() {
            return reason == Reason.FLIPPED ? "flipped by " + flippedBy : reason.text();
        }
    }

    /** The selection, grouped by class in label order, pools in turn within a class. */
    /**
     * @param flips for each sample an earlier attack or drift setting moved off its clean prediction, the first
     *              such setting ("fgsm.linf eps=8/255"), as {@link dev.vigil.core.audit.Flips} collects them
     */
    public List<Pick> select(Dataset dataset, CleanOutcome clean, Map<String, String> flips) {
        Random random = new Random(seed);
        List<Pick> out = new ArrayList<>();
        for (int label = 0; label < dataset.classNames().size(); label++) {
            Map<Reason, List<Pick>> pools = pools(dataset, clean, flips, label, random);
            List<Pick> chosen = new ArrayList<>();
            java.util.Set<Integer> used = new java.util.HashSet<>();
            boolean progress = true;
            while (chosen.size() < perClass && progress) {
                progress = false;
                for (Reason reason : Reason.values()) {
                    List<Pick> pool = pools.get(reason);
                    while (!pool.isEmpty() && used.contains(pool.get(0).sample().index())) {
                        pool.remove(0);
                    }
                    if (!pool.isEmpty() && chosen.size() < perClass) {
                        Pick pick = pool.remove(0);
                        used.add(pick.sample().index());
                        chosen.add(pick);
                        progress = true;
                    }
                }
            }
            out.addAll(chosen);
        }
        return out;
    }

    private Map<Reason, List<Pick>> pools(Dataset dataset, CleanOutcome clean, Map<String, String> flips, int label,
                                          Random random) {
        List<Sample> ofClass = dataset.samples().stream().filter(s -> s.label() == label && clean.read(s.index())).toList();
        List<Sample> correct = ofClass.stream().filter(s -> clean.correct(s.index())).toList();
        List<Sample> confident = new ArrayList<>(correct.stream().filter(s -> clean.confidence()[s.index()] >= minConfidence).toList());
        if (confident.isEmpty()) {
            confident = new ArrayList<>(correct);
            confident.sort((a, b) -> Float.compare(clean.confidence()[b.index()], clean.confidence()[a.index()]));
        } else {
            Collections.shuffle(confident, random);
        }
        List<Sample> wrong = new ArrayList<>(ofClass.stream().filter(s -> !clean.correct(s.index())).toList());
        Collections.shuffle(wrong, random);
        List<Sample> flipped = new ArrayList<>(correct.stream().filter(s -> flips.containsKey(s.id())).toList());
        Collections.shuffle(flipped, random);
        Map<Reason, List<Pick>> pools = new EnumMap<>(Reason.class);
        pools.put(Reason.CONFIDENT, new ArrayList<>(confident.stream().map(s -> new Pick(s, Reason.CONFIDENT, "")).toList()));
        pools.put(Reason.MISCLASSIFIED, new ArrayList<>(wrong.stream().map(s -> new Pick(s, Reason.MISCLASSIFIED, "")).toList()));
        pools.put(Reason.FLIPPED, new ArrayList<>(flipped.stream().map(s -> new Pick(s, Reason.FLIPPED, flips.get(s.id()))).toList()));
        return pools;
    }
}
