package dev.vigil.attacks.adversarial;

import dev.vigil.core.perturb.Epsilon;
import dev.vigil.core.perturb.Norm;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * PGD's random starting points, drawn in Java from the audit seed (never from the engine's generator).
 * Each image's start depends only on the seed, the norm, the epsilon, the restart and the image's id,
 * so it is the same whatever the batch size, the order of the data or the device.
 */
record RandomStarts(long seed) {
    private static final long PROBE_CONSTANT = 0x5047445f53544152L; // "PGD_STAR"

    /** One start offset per image, row after row, {@code pixels} values each. */
    float[] offsets(Norm norm, Epsilon eps, int restart, String[] sampleIds, int pixels) {
        float[] out = new float[sampleIds.length * pixels];
        for (int k = 0; k < sampleIds.length; k++) {
            norm.randomStart(generator(norm, eps, restart, sampleIds[k]), out, k * pixels, pixels, eps.value());
        }
        return out;
    }

    SplittableRandom generator(Norm norm, Epsilon eps, int restart, String sampleId) {
        long key = mix(seed ^ PROBE_CONSTANT);
        key = mix(key ^ norm.ordinal());
        key = mix(key ^ Double.doubleToLongBits(eps.value()));
        key = mix(key ^ restart);
        key = mix(key ^ fnv1a(sampleId));
        return new SplittableRandom(key);
    }

    /** SplitMix64's finalizer: every input bit affects every output bit. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    static long fnv1a(String text) {
        long h = 0xcbf29ce484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }
}
