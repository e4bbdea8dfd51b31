package dev.vigil.core.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.core.testing.Fixtures;
import java.io.IOException;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** Known answers from testdata/compare_expected.py (SciPy's Wilson intervals and binomial test) and from the literature. */
class ProportionDifferenceTest {
    static JsonNode expected() throws IOException {
        return new ObjectMapper().readTree(Fixtures.testdata("compare_expected.json").toFile());
    }

    static PairedTable table(JsonNode t) {
        return new PairedTable(t.get("a").asInt(), t.get("b").asInt(), t.get("c").asInt(), t.get("d").asInt());
    }

    @Test
    void pairedIntervalsAndMcNemarMatchScipy() throws IOException {
        for (JsonNode t : expected().get("tables")) {
            PairedTable table = table(t);
            Interval ci = table.interval();
            String what = table.toString();
            assertEquals(t.get("delta").asDouble(), table.difference(), 1e-12, what);
            assertEquals(t.get("lower").asDouble(), ci.lower(), 1e-12, what + " lower");
            assertEquals(t.get("upper").asDouble(), ci.upper(), 1e-12, what + " upper");
            assertEquals(t.get("mcnemar_p").asDouble(), table.mcnemarP(), 1e-12 * Math.max(1e-3, t.get("mcnemar_p").asDouble()), what + " p");
            Interval ind = ProportionDifference.independent(table.baseYes(), table.samples(), table.newYes(), table.samples());
            assertEquals(t.get("independent_lower").asDouble(), ind.lower(), 1e-12, what + " independent lower");
            assertEquals(t.get("independent_upper").asDouble(), ind.upper(), 1e-12, what + " independent upper");
        }
    }

    /**
     * Fagerland, Lydersen and Laake (2017), Statistical Analysis of Contingency Tables, chapter 8: Cavo et al. (2012),
     * 59 + 6 responses before and 59 + 16 after, Newcombe square-and-add −0.0621 (−0.1186 to −0.0046) for before − after.
     * With "after" as the base run, before − after is new − base.
     */
    @Test
    void reproducesThePublishedSquareAndAddInterval() {
        PairedTable cavo = new PairedTable(59, 16, 6, 80);
        Interval ci = cavo.interval();
        assertEquals(-0.0621, cavo.difference(), 5e-5);
        assertEquals(-0.1186, ci.lower(), 5e-5);
        assertEquals(-0.0046, ci.upper(), 5e-5);
    }

    @Test
    void phiIsCorrectedAsNewcombeGivesIt() {
        assertEquals(0, ProportionDifference.phi(new PairedTable(20, 0, 0, 0)), 0, "an empty margin");
        assertEquals(570.0 / 900, ProportionDifference.phi(new PairedTable(25, 5, 5, 25)), 1e-15,
                "ad - bc = 600 is reduced by n/2 = 30, over sqrt(30^4)");
        assertEquals(0, ProportionDifference.phi(new PairedTable(5, 5, 5, 6)), 0, "0 <= ad - bc <= n/2 gives 0");
        assertTrue(ProportionDifference.phi(new PairedTable(1, 10, 10, 1)) < 0, "a negative cross product is kept");
    }

    @Test
    void noChangeStillHasAnIntervalAroundZeroAndEmptyTablesHaveNone() {
        Interval same = new PairedTable(30, 0, 0, 20).interval();
        assertTrue(same.lower() < 0 && same.upper() > 0 && Math.abs(same.lower() + same.upper()) < 1e-15, same.toString());
        assertTrue(Double.isNaN(new PairedTable(0, 0, 0, 0).interval().lower()));
        assertEquals(1.0, new PairedTable(30, 0, 0, 20).mcnemarP());
    }

    @Test
    void holmMatchesTheHandComputedStepDown() throws IOException {
        JsonNode holm = expected().get("holm");
        double[] p = StreamSupport.stream(holm.get("p").spliterator(), false).mapToDouble(JsonNode::asDouble).toArray();
        double[] adjusted = StreamSupport.stream(holm.get("adjusted").spliterator(), false).mapToDouble(JsonNode::asDouble).toArray();
        assertArrayEquals(adjusted, Holm.adjust(p), 1e-15);
        assertArrayEquals(new double[] {0.04, 0.06, 0.06, 0.2}, Holm.adjust(new double[] {0.01, 0.02, 0.03, 0.2}), 1e-15,
                "4·0.01, then max(3·0.02, ·), 2·0.03 capped by monotonicity, 0.2");
    }
}
