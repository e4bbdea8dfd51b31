package dev.vigil.attacks.adversarial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.vigil.core.data.Sample;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CheckSampleTest {
    private static List<Sample> samples(int n) {
        List<Sample> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new Sample(i, "s" + i, Path.of("s" + i + ".png"), i % 3));
        }
        return out;
    }

    private static int[] chosen(CheckSample sample, List<Sample> all) {
        return sample.positions(all);
    }

    @Test
    void takesEveryImageWhenTheSetIsSmall() {
        List<Sample> all = samples(10);
        CheckSample sample = CheckSample.choose(7, all, 256);
        assertEquals(10, sample.size());
        assertArrayEquals(IntStream.range(0, 10).toArray(), chosen(sample, all));
    }

    @Test
    void drawsAFixedSizeSampleThatDependsOnlyOnTheSeed() {
        List<Sample> all = samples(1000);
        CheckSample a = CheckSample.choose(7, all, 50);
        assertEquals(50, a.size());
        assertArrayEquals(chosen(a, all), chosen(CheckSample.choose(7, all, 50), all));
        int[] other = chosen(CheckSample.choose(8, all, 50), all);
        assertEquals(50, other.length);
        assertNotEquals(java.util.Arrays.toString(chosen(a, all)), java.util.Arrays.toString(other));
    }

    @Test
    void spreadsOverTheWholeSetRatherThanTakingItsStart() {
        List<Sample> all = samples(1000);
        int[] picked = chosen(CheckSample.choose(0, all, 100), all);
        long inSecondHalf = IntStream.of(picked).filter(i -> i >= 500).count();
        assertEquals(50, inSecondHalf, 15, "a uniform sample puts about half its images in the second half");
    }

    @Test
    void positionsAreRelativeToTheBatch() {
        List<Sample> all = samples(20);
        CheckSample sample = CheckSample.choose(3, all, 20);
        assertArrayEquals(new int[] {0, 1, 2}, sample.positions(all.subList(5, 8)));
    }
}
