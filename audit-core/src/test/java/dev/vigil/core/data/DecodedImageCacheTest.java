package dev.vigil.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.vigil.core.model.InputSpec;
import dev.vigil.core.testing.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DecodedImageCacheTest {
    @TempDir
    Path dir;

    private static List<float[]> stream(Dataset d, InputSpec spec) {
        List<float[]> out = new ArrayList<>();
        try (BatchStream s = new BatchStream(d.samples(), spec, 2)) {
            s.forEach(b -> out.add(b.pixels()));
        }
        return out;
    }

    @Test
    void aChangedFileIsDecodedAgainAndAnUnchangedOneComesFromTheCache() throws Exception {
        Path file = TestImages.write(dir.resolve("a/x.png"), 4, 4, 1, "png");
        Dataset d = Dataset.open(dir);
        InputSpec spec = new InputSpec(3, 4, 4);
        float[] first = stream(d, spec).get(0);
        assertArrayEquals(first, stream(d, spec).get(0));
        TestImages.write(file, 4, 4, 2, "png");
        Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 5000));
        float[] changed = stream(d, spec).get(0);
        assertEquals(first.length, changed.length);
        assertEquals(false, java.util.Arrays.equals(first, changed));
        assertEquals(3 * 2 * 2, stream(d, new InputSpec(3, 2, 2)).get(0).length, "another input size is another entry");
    }

    @Test
    void theBudgetEvictsTheLeastRecentlyUsedEntries() {
        DecodedImageCache cache = new DecodedImageCache(2 * (64 + 4 * 10));
        InputSpec spec = new InputSpec(1, 1, 10);
        var a = new DecodedImageCache.Key("/a", 1, 1, spec);
        var b = new DecodedImageCache.Key("/b", 1, 1, spec);
        var c = new DecodedImageCache.Key("/c", 1, 1, spec);
        cache.put(a, new DecodedImageCache.Entry(new float[10], "ha", null));
        cache.put(b, new DecodedImageCache.Entry(new float[10], "hb", null));
        assertNotNull(cache.get(a));
        cache.put(c, new DecodedImageCache.Entry(new float[10], "hc", null));
        assertNull(cache.get(b), "b was least recently used");
        assertNotNull(cache.get(a));
        assertNotNull(cache.get(c));
    }
}
