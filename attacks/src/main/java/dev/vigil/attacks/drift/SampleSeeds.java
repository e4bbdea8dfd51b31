package dev.vigil.attacks.drift;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * The random generator of one corruption on one sample, from the audit seed, the corruption and the
 * sample id. It depends neither on the batch a sample lands in nor on the severity: a run with
 * another batch size draws the same noise, and the severities of one image share their draws, so a
 * higher severity is the same noise scaled up.
 */
final class SampleSeeds {
    /** Keeps the drift probe's streams apart from other probes' for the same audit seed. */
    private static final long DRIFT_STREAM = 0x64726966745F7631L;

    private SampleSeeds() {
    }

    static SplittableRandom forSample(long auditSeed, String corruption, String sampleId) {
        long h = mix(auditSeed ^ DRIFT_STREAM);
        h = mix(h ^ fnv1a(corruption));
        h = mix(h ^ fnv1a(sampleId));
        return new SplittableRandom(h);
    }

    /** A seeded generator for the probe's own choices (which sample shows the examples). */
    static SplittableRandom forChoice(long auditSeed, String purpose) {
        return new SplittableRandom(mix(mix(auditSeed ^ DRIFT_STREAM) ^ fnv1a(purpose)));
    }

    /** SplitMix64's finalizer: a bijection that spreads every input bit over the output. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    static long fnv1a(String text) {
        long h = 0xCBF29CE484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xFF;
            h *= 0x100000001B3L;
        }
        return h;
    }
}
