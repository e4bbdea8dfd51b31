package dev.vigil.attacks.adversarial;

import dev.vigil.core.data.Sample;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The images on which the soundness checks that cost extra passes run: a repeated forward, the
 * iterative attack at ε = 1 and the shorter runs of the iteration check ({@link IterationCheck}). Both look for properties of the model (randomness, gradients that do not
 * lead anywhere) that show on a few hundred images as clearly as on all of them, so a seeded uniform
 * sample keeps their cost bounded on large sets. The cheap checks (zero gradients, probability
 * outputs) still see every image.
 */
final class CheckSample {
    private static final long SEED_CONSTANT = 0x434845434b53L; // "CHECKS"

    private final Set<Integer> chosen;

    private CheckSample(Set<Integer> chosen) {
        this.chosen = chosen;
    }

    /** Up to {@code size} of the readable samples, drawn uniformly with the audit seed; all of them when fewer. */
    static CheckSample choose(long seed, List<Sample> readable, int size) {
        List<Integer> indices = new ArrayList<>(readable.size());
        readable.forEach(s -> indices.add(s.index()));
        if (indices.size() > size) {
            Collections.shuffle(indices, new Random(seed ^ SEED_CONSTANT));
        }
        return new CheckSample(new HashSet<>(indices.subList(0, Math.min(size, indices.size()))));
    }

    int size() {
        return chosen.size();
    }

    /** The chosen samples among {@code readable}, in its order. */
    List<Sample> of(List<Sample> readable) {
        return readable.stream().filter(s -> chosen.contains(s.index())).toList();
    }

    /** The positions of a batch whose samples are in the check sample, in batch order. */
    int[] positions(List<Sample> batchSamples) {
        int[] out = new int[batchSamples.size()];
        int k = 0;
        for (int i = 0; i < out.length; i++) {
            if (chosen.contains(batchSamples.get(i).index())) {
                out[k++] = i;
            }
        }
        return Arrays.copyOf(out, k);
    }
}
