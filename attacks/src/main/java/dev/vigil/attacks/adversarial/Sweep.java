package dev.vigil.attacks.adversarial;

import java.util.Arrays;

/** What one attack did to every image at every epsilon of its sweep, by epsilon and sample index. */
final class Sweep {
    private final AttackSpec spec;
    private final AttackSample[][] outcomes;
    private final int[] targets;

    Sweep(AttackSpec spec, int samples) {
        this.spec = spec;
        this.outcomes = new AttackSample[spec.epsilons().size()][samples];
        this.targets = new int[samples];
        Arrays.fill(targets, -1);
    }

    AttackSpec spec() {
        return spec;
    }

    void put(int epsilon, int sampleIndex, AttackSample outcome) {
        outcomes[epsilon][sampleIndex] = outcome;
    }

    /** The outcome, or null for an image that was not read. */
    AttackSample at(int epsilon, int sampleIndex) {
        return outcomes[epsilon][sampleIndex];
    }

    void target(int sampleIndex, int target) {
        targets[sampleIndex] = target;
    }

    /** The target class of a targeted attack, or -1. */
    int target(int sampleIndex) {
        return targets[sampleIndex];
    }
}
