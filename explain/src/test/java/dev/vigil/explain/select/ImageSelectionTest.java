package dev.vigil.explain.select;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.core.data.Dataset;
import dev.vigil.core.data.Sample;
import dev.vigil.core.eval.CleanOutcome;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImageSelectionTest {
    private static final List<String> CLASSES = List.of("a", "b");

    /** 10 samples per class: 0-5 correct (confidence 0.95 for even, 0.6 for odd), 6-7 wrong, 8-9 correct and confident. */
    private static Dataset dataset() {
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            samples.add(new Sample(i, CLASSES.get(i / 10) + "/" + i + ".png", Path.of(i + ".png"), i / 10));
        }
        return new Dataset(Path.of("."), "imagefolder", CLASSES, samples);
    }

    private static CleanOutcome clean() {
        int[] labels = new int[20];
        int[] predictions = new int[20];
        float[] confidence = new float[20];
        for (int i = 0; i < 20; i++) {
            labels[i] = i / 10;
            int k = i % 10;
            predictions[i] = k == 6 || k == 7 ? 1 - labels[i] : labels[i];
            confidence[i] = k % 2 == 0 ? 0.95f : 0.6f;
        }
        return new CleanOutcome(labels, predictions, confidence, confidence.clone());
    }

    @Test
    void eachClassGetsAConfidentAMisclassifiedAndAFlippedImage() {
        dev.vigil.core.audit.Flips flips = new dev.vigil.core.audit.Flips();
        flips.offer("a/3.png", "fgsm.linf eps=8/255");
        flips.offer("a/3.png", "drift.rotation angle=15");
        flips.offer("b/12.png", "drift.grayscale");
        List<ImageSelection.Pick> picks = new ImageSelection(3, 0.9, 1).select(dataset(), clean(), flips.bySample());
        assertEquals(6, picks.size());
        for (int c = 0; c < 2; c++) {
            List<ImageSelection.Pick> ofClass = picks.subList(3 * c, 3 * c + 3);
            ImageSelection.Pick confident = ofClass.get(0);
            assertEquals(ImageSelection.Reason.CONFIDENT, confident.reason());
            assertEquals(c, confident.sample().label());
            assertTrue(confident.sample().index() % 2 == 0 && confident.sample().index() % 10 != 6, "correct with confidence 0.95");
            assertEquals(ImageSelection.Reason.MISCLASSIFIED, ofClass.get(1).reason());
            assertTrue(List.of(6, 7).contains(ofClass.get(1).sample().index() % 10));
            assertEquals(ImageSelection.Reason.FLIPPED, ofClass.get(2).reason());
        }
        assertEquals("a/3.png", picks.get(2).sample().id());
        assertEquals("flipped by fgsm.linf eps=8/255", picks.get(2).describe(), "the first probe that flipped it");
        assertEquals("b/12.png", picks.get(5).sample().id());
    }

    @Test
    void emptyPoolsLeaveTheirTurnsToTheOthersAndTheSeedFixesTheChoice() {
        List<ImageSelection.Pick> picks = new ImageSelection(5, 0.9, 3).select(dataset(), clean(), Map.of());
        assertEquals(10, picks.size());
        assertEquals(5, picks.stream().filter(p -> p.sample().label() == 0).count());
        assertEquals(10, picks.stream().map(p -> p.sample().index()).distinct().count(), "no image twice");
        assertEquals(picks, new ImageSelection(5, 0.9, 3).select(dataset(), clean(), Map.of()));
        List<Integer> other = new ImageSelection(5, 0.9, 4).select(dataset(), clean(), Map.of()).stream().map(p -> p.sample().index()).toList();
        assertTrue(!other.equals(picks.stream().map(p -> p.sample().index()).toList()), "another seed, another choice");
    }
}
