package dev.vigil.attacks.drift.corruptions;

import java.util.SplittableRandom;
import org.apache.commons.math3.special.Gamma;

/**
 * Normal and Poisson variates from a {@link SplittableRandom}, by fixed algorithms written here, so
 * that a seed gives the same noise on every JVM and machine.
 */
final class Sampling {
    private Sampling() {
    }

    /** Fills {@code out} with standard normal variates (Box–Muller, both values of each pair used). */
    static void gaussians(SplittableRandom random, double[] out) {
        for (int i = 0; i < out.length; i += 2) {
            double u1 = 1.0 - random.nextDouble();
            double u2 = random.nextDouble();
            double r = Math.sqrt(-2.0 * Math.log(u1));
            out[i] = r * Math.cos(2 * Math.PI * u2);
            if (i + 1 < out.length) {
                out[i + 1] = r * Math.sin(2 * Math.PI * u2);
            }
        }
    }

    /**
     * A Poisson variate with mean {@code lambda}: Knuth's multiplication method below 10, and above it
     * Hörmann's transformed rejection with squeeze (PTRS, 1993), the two methods NumPy uses.
     */
    static long poisson(SplittableRandom random, double lambda) {
        if (lambda <= 0) {
            return 0;
        }
        if (lambda < 10) {
            double limit = Math.exp(-lambda);
            double product = random.nextDouble();
            long k = 0;
            while (product > limit) {
                k++;
                product *= random.nextDouble();
            }
            return k;
        }
        double slam = Math.sqrt(lambda);
        double loglam = Math.log(lambda);
        double b = 0.931 + 2.53 * slam;
        double a = -0.059 + 0.02483 * b;
        double invAlpha = 1.1239 + 1.1328 / (b - 3.4);
        double vr = 0.9277 - 3.6224 / (b - 2);
        while (true) {
            double u = random.nextDouble() - 0.5;
            double v = random.nextDouble();
            double us = 0.5 - Math.abs(u);
            long k = (long) Math.floor((2 * a / us + b) * u + lambda + 0.43);
            if (us >= 0.07 && v <= vr) {
                return k;
            }
            if (k < 0 || (us < 0.013 && v > us)) {
                continue;
            }
            if (Math.log(v) + Math.log(invAlpha) - Math.log(a / (us * us) + b)
                    <= -lambda + k * loglam - Gamma.logGamma(k + 1.0)) {
                return k;
            }
        }
    }
}
