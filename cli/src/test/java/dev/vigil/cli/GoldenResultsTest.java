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
        assertNotNull(GoldenResults.firstDifference("", json("{\"v\": 0.835}"), json("{\"v\": 0.830}")), "one image in 200");
        assertNull(GoldenResults.firstDifference("", json("{\"name\": \"pgd.l2.eps=1.0.perturbation_linf_max\", \"value\": 0.12301}"),
                json("{\"name\": \"pgd.l2.eps=1.0.perturbation_linf_max\", \"value\": 0.12437}")), "an attack's sizes vary with the CPU");
        assertNotNull(GoldenResults.firstDifference("", json("{\"name\": \"pgd.l2.eps=1.0.robust_accuracy\", \"value\": 0.12301}"),
                json("{\"name\": \"pgd.l2.eps=1.0.robust_accuracy\", \"value\": 0.12437}")), "its decisions do not");
        assertNotNull(GoldenResults.firstDifference("", json("{\"n\": 60}"), json("{\"n\": 61}")));
        assertNotNull(GoldenResults.firstDifference("", json("{\"a\": [1, 2]}"), json("{\"a\": [1, 2, 3]}")));
        assertNotNull(GoldenResults.firstDifference("", json("{\"a\": 1}"), json("{\"b\": 1}")));
    }

    @Test
    void printedDecimalsMayDifferByOneInTheLastDigit() {
        assertTrue(GoldenResults.sameText("accuracy 0.2499 (95% CI 0.1234-0.3000)", "accuracy 0.2500 (95% CI 0.1234-0.3000)"));
        assertTrue(GoldenResults.sameText("0.0604 / 0.1230", "0.0604 / 0.1244"));
        assertFalse(GoldenResults.sameText("accuracy 0.2499", "accuracy 0.2600"));
        assertFalse(GoldenResults.sameText("accuracy 0.25", "accuracy 0.250"));
        assertFalse(GoldenResults.sameText("PGD 0.25", "FGSM 0.25"));
        assertFalse(GoldenResults.sameText("0.25 of 60 images", "0.25 of 61 images"));
    }
}
