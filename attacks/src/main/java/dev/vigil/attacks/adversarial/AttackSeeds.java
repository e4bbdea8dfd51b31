package dev.vigil.attacks.adversarial;

import dev.vigil.core.perturb.Epsilon;
import dev.vigil.core.perturb.Norm;
import java.util.SplittableRandom;

/**
 * The random generator of one attack run on one image: from the audit seed, the attack's stream name,
 * the norm, the budget, the restart, the run within it (APGD-T's target) and the image's id, never the
 * batch or the order, so sharding or another batch size draws the same numbers.
 */
final class AttackSeeds {
    private AttackSeeds() {
    }

    static SplittableRandom generator(long seed, String stream, Norm norm, Epsilon eps, int restart, int run, String sampleId) {
        long key = RandomStarts.mix(seed ^ RandomStarts.fnv1a(stream));
        key = RandomStarts.mix(key ^ norm.ordinal());
        key = RandomStarts.mix(key ^ Double.doubleToLongBits(eps.value()));
        key = RandomStarts.mix(key ^ restart);
        key = RandomStarts.mix(key ^ run);
        key = RandomStarts.mix(key ^ RandomStarts.fnv1a(sampleId));
        return new SplittableRandom(key);
    }
}
