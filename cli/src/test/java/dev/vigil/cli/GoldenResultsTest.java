package dev.vigil.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.core.result.ResultsJson;
import org.junit.jupiter.api.Test;

/** The golden comparison forgives a CPU's last bits and nothing else. */
class GoldenResultsTest {
    private static JsonNode json(String text) throws Exception {
        return ResultsJson.mapper().readTree(text);
    }

    @Test
    void floatsMayDifferInTheirLastBitsOnly() throws Exception {
        assertNull(GoldenResults.firstDifference("", json("{\"v\": 0.24993256231149039}"), json("{\"v\": 0.24993256255984306}")));
        assertNull(GoldenResults.firstDifference("", json("{\"v\": 0.026421991}"), json("{\"v\": 0.026423499}")));
        assertNotNull(GoldenResults.firstDifference("", json("{\"v\": 0.835}"), json("{\"v\": 0.830}")), "one image in 200");
        assertNotNull(GoldenResults.firstDifference("", json("{\"n\": 60}"), json("{\"n\": 61}")));
        assertNotNull(GoldenResults.firstDifference("", json("{\"a\": [1, 2]}"), json("{\"a\": [1, 2, 3]}")));
        assertNotNull(GoldenResults.firstDifference("", json("{\"a\": 1}"), json("{\"b\": 1}")));
    }

    @Test
    void printedDecimalsMayDifferByOneInTheLastDigit() {
        assertTrue(GoldenResults.sameText("accuracy 0.2499 (95% CI 0.1234-0.3000)", "accuracy 0.2500 (95% CI 0.1234-0.3000)"));
        assertFalse(GoldenResults.sameText("accuracy 0.2499", "accuracy 0.2520"));
        assertFalse(GoldenResults.sameText("accuracy 0.25", "accuracy 0.250"));
        assertFalse(GoldenResults.sameText("PGD 0.25", "FGSM 0.25"));
        assertFalse(GoldenResults.sameText("0.25 of 60 images", "0.25 of 61 images"));
    }
}
