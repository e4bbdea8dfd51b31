package dev.vigil.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.core.InputError;
import dev.vigil.core.testing.TestImages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetTest {
    @TempDir
    Path dir;

    @Test
    void imageFolderGivesSortedClassIndicesAndSortedSampleIds() throws IOException {
        TestImages.folder(dir, 2, 8, "zebra", "apple", "mango");
        Files.writeString(dir.resolve("apple/notes.txt"), "not an image, not a sample");
        Dataset d = Dataset.open(dir);
        assertEquals(List.of("apple", "mango", "zebra"), d.classNames());
        assertEquals(6, d.samples().size());
        assertEquals("apple/img0.png", d.samples().get(0).id());
        assertEquals(0, d.samples().get(0).label());
        assertEquals(2, d.samples().get(5).label());
        for (int i = 0; i < d.samples().size(); i++) {
            assertEquals(i, d.samples().get(i).index());
        }
    }

    @Test
    void csvManifestResolvesPathsRelativeToTheCsvAndMapsNamedLabels() throws IOException {
        TestImages.write(dir.resolve("imgs/a.png"), 8, 8, 1, "png");
        TestImages.write(dir.resolve("imgs/b.png"), 8, 8, 2, "png");
        Path csv = Files.writeString(dir.resolve("set.csv"), "path,label\nimgs/b.png,dog\n\"imgs/a.png\",cat\n");
        Dataset d = Dataset.open(csv);
        assertEquals("csv", d.layout());
        assertEquals(List.of("cat", "dog"), d.classNames());
        assertEquals("imgs/a.png", d.samples().get(0).id());
        assertEquals(0, d.samples().get(0).label());
        assertEquals(dir.resolve("imgs/b.png").toAbsolutePath().normalize(), d.samples().get(1).path().toAbsolutePath().normalize());
    }

    @Test
    void csvManifestWithIntegerLabelsUsesThemAsIndices() throws IOException {
        TestImages.write(dir.resolve("a.png"), 8, 8, 1, "png");
        Path csv = Files.writeString(dir.resolve("set.csv"), "a.png,2\n");
        Dataset d = Dataset.open(csv);
        assertEquals(List.of("0", "1", "2"), d.classNames());
        assertEquals(2, d.samples().get(0).label());
    }

    @Test
    void aMissingPathAndAnEmptyFolderAreInputErrors() throws IOException {
        InputError missing = assertThrows(InputError.class, () -> Dataset.open(dir.resolve("nope")));
        assertTrue(missing.getMessage().contains("does not exist"));
        Files.createDirectories(dir.resolve("empty/classA"));
        InputError empty = assertThrows(InputError.class, () -> Dataset.open(dir.resolve("empty")));
        assertTrue(empty.getMessage().contains("holds no image files"), empty.getMessage());
    }

    @Test
    void aLabelFileMustHaveOneLinePerClass() throws IOException {
        TestImages.folder(dir.resolve("data"), 1, 8, "a", "b", "c");
        Dataset d = Dataset.open(dir.resolve("data"));
        Path two = Files.writeString(dir.resolve("two.txt"), "x\ny\n");
        InputError e = assertThrows(InputError.class, () -> d.withLabels(LabelFile.read(two), two));
        assertTrue(e.getMessage().contains("has 2 labels but the data folder has 3 class folders"), e.getMessage());
        Path three = Files.writeString(dir.resolve("three.txt"), "x\ny\nz\n\n");
        assertEquals(List.of("x", "y", "z"), d.withLabels(LabelFile.read(three), three).classNames());
        Path dup = Files.writeString(dir.resolve("dup.txt"), "x\nx\nz\n");
        assertThrows(InputError.class, () -> LabelFile.read(dup));
    }

    @Test
    void limitKeepsAStratifiedSeededSubsetInIdOrder() throws IOException {
        TestImages.folder(dir, 5, 4, "a", "b");
        Dataset d = Dataset.open(dir);
        Dataset four = d.limit(4, 7);
        assertEquals(4, four.samples().size());
        assertEquals(2, four.samples().stream().filter(s -> s.label() == 0).count());
        assertEquals(four.samples(), d.limit(4, 7).samples());
        assertTrue(four.samples().get(0).id().compareTo(four.samples().get(3).id()) < 0);
        assertEquals(d.samples(), d.limit(0, 7).samples());
    }
}
