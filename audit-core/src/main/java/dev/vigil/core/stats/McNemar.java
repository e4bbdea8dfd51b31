package dev.vigil.core.stats;

import org.apache.commons.math3.distribution.BinomialDistribution;

/**
 * McNemar's exact test on paired right/wrong outcomes. Only the discordant pairs carry information:
 * {@code b} samples right before and wrong after, {@code c} wrong before and right after. Under the
 * null hypothesis of equal accuracy, b is Binomial(b + c, 1/2); the two-sided p-value is twice the
 * smaller tail, capped at 1, and 1 when there are no discordant pairs (Commons Math's binomial).
 */
public final class McNemar {
    private McNemar() {
    }

    public static double exactP(int b, int c) {
        if (b < 0 || c < 0) {
            throw new IllegalArgumentException("counts must not be negative: " + b + ", " + c);
        }
        int n = b + c;
        if (n == 0) {
            return 1.0;
        }
        // The small tail as a sum of probabilities: the CDF is computed as 1 − (a regularized beta),
        // which cancels to 0 for tails below about 1e-16.
        BinomialDistribution binomial = new BinomialDistribution(null, n, 0.5);
        double tail = 0;
        for (int k = 0; k <= Math.min(b, c); k++) {
            tail += binomial.probability(k);
        }
        return Math.min(1.0, 2 * tail);
    }
}
