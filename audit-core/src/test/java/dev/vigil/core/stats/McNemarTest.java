package dev.vigil.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class McNemarTest {
    /** p = min(1, 2·Σ_{i ≤ min(b,c)} C(b+c, i) / 2^(b+c)), worked out by hand. */
    @Test
    void exactPValuesMatchHandComputedTables() {
        assertEquals(2.0 / 32, McNemar.exactP(0, 5), 1e-15, "2·(1/32)");
        assertEquals(2.0 / 32, McNemar.exactP(5, 0), 1e-15, "symmetric");
        assertEquals(22.0 / 1024, McNemar.exactP(1, 9), 1e-15, "2·(1 + 10)/1024");
        assertEquals(112.0 / 1024, McNemar.exactP(2, 8), 1e-15, "2·(1 + 10 + 45)/1024");
        assertEquals(2.0 * (1 + 12 + 66) / 4096, McNemar.exactP(10, 2), 1e-15);
        assertEquals(1.0, McNemar.exactP(3, 3), 0, "balanced tables give 1");
        assertEquals(1.0, McNemar.exactP(0, 0), 0, "no discordant pairs");
        assertEquals(1.0, McNemar.exactP(0, 1), 0, "2·(1/2) = 1");
    }

    @Test
    void tinyPValuesDoNotCollapseToZero() {
        assertEquals(2 * Math.pow(0.5, 91), McNemar.exactP(91, 0), 1e-40);
        assertEquals(8.077935669463161e-28, McNemar.exactP(0, 91), 1e-40);
        assertEquals(0.007915897334896727, McNemar.exactP(12, 30), 1e-14, "Python's exact sum over math.comb");
    }

    @Test
    void negativeCountsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> McNemar.exactP(-1, 2));
    }
}
