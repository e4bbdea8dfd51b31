package dev.vigil.explain.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RankCorrelationTest {
    @Test
    void spearmanOfKnownRankings() {
        assertEquals(1, RankCorrelation.spearman(new double[] {1, 2, 3, 4}, new double[] {10, 20, 35, 100}), 1e-12);
        assertEquals(-1, RankCorrelation.spearman(new double[] {1, 2, 3, 4}, new double[] {4, 3, 2, 1}), 1e-12);
        // ranks (1,2,3,4,5) vs (2,1,4,3,5): 1 - 6·Σd²/(n(n²-1)) = 1 - 6·4/120
        assertEquals(0.8, RankCorrelation.spearman(new double[] {1, 2, 3, 4, 5}, new double[] {2, 1, 4, 3, 5}), 1e-12);
        // ties take their average rank: (1, 2.5, 2.5, 4) against (1, 2, 3, 4)
        double expected = pearson(new double[] {1, 2.5, 2.5, 4}, new double[] {1, 2, 3, 4});
        assertEquals(expected, RankCorrelation.spearman(new double[] {0, 5, 5, 9}, new double[] {1, 2, 3, 4}), 1e-12);
    }

    @Test
    void aConstantMapHasNoCorrelationAndMeansSkipIt() {
        assertTrue(Double.isNaN(RankCorrelation.spearman(new double[] {0, 0, 0}, new double[] {1, 2, 3})));
        assertEquals(0.5, RankCorrelation.meanDefined(new double[] {0.25, Double.NaN, 0.75}), 1e-15);
        assertEquals(2, RankCorrelation.countDefined(new double[] {0.25, Double.NaN, 0.75}));
        assertTrue(Double.isNaN(RankCorrelation.meanDefined(new double[] {Double.NaN})));
    }

    @Test
    void aMaskKeepsOnlyTheChosenPixels() {
        double[] a = {1, 2, 3, 4, 100};
        double[] b = {1, 2, 3, 4, -100};
        assertTrue(RankCorrelation.spearman(a, b) < 1);
        assertEquals(1, RankCorrelation.spearman(a, b, new boolean[] {true, true, true, true, false}), 1e-12);
    }

    private static double pearson(double[] x, double[] y) {
        double mx = 0;
        double my = 0;
        for (int i = 0; i < x.length; i++) {
            mx += x[i] / x.length;
            my += y[i] / y.length;
        }
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }
}
