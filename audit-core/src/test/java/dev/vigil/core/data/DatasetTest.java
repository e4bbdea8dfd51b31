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
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
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
    void folderNamesAreLookedUpInTheLabelFileByNameNotByPosition() throws IOException {
        TestImages.folder(dir.resolve("data"), 1, 8, "a", "b", "c");
        // The model's order is c, a, b, z: sorted folder i is not line i, and class z has no folder.
        Path labels = Files.writeString(dir.resolve("labels.txt"), "c\na\nb\nz\n\n");
        Dataset d = Dataset.open(dir.resolve("data"), labels);
        assertEquals(List.of("c", "a", "b", "z"), d.classNames());
        assertEquals(List.of("a/img0.png", "b/img0.png", "c/img0.png"), d.samples().stream().map(Sample::id).toList());
        assertEquals(List.of(1, 2, 0), d.samples().stream().map(Sample::label).toList());
        assertTrue(d.findings().isEmpty());
    }

    @Test
    void aFolderThatIsNotInTheLabelFileIsAnInputErrorNamingIt() throws IOException {
        TestImages.folder(dir.resolve("data"), 1, 8, "a", "b", "kitten");
        Path labels = Files.writeString(dir.resolve("labels.txt"), "a\nb\ncat\n");
        InputError e = assertThrows(InputError.class, () -> Dataset.open(dir.resolve("data"), labels));
        assertTrue(e.getMessage().contains("The class folder 'kitten' is not a class of the label file"), e.getMessage());
        assertTrue(e.getMessage().contains("3 classes: 'a', 'b', 'cat'"), e.getMessage());
        Path dup = Files.writeString(dir.resolve("dup.txt"), "x\nx\nz\n");
        assertTrue(assertThrows(InputError.class, () -> LabelFile.read(dup)).getMessage().contains("'x' twice (line 1 and line 2)"));
    }

    @Test
    void csvClassNamesAreLookedUpByNameSoASubsetOfTheClassesKeepsItsIndices() throws IOException {
        TestImages.write(dir.resolve("a.png"), 8, 8, 1, "png");
        TestImages.write(dir.resolve("b.png"), 8, 8, 2, "png");
        Path csv = Files.writeString(dir.resolve("set.csv"), "path,label\na.png,cat\nb.png,dog\n");
        Path labels = Files.writeString(dir.resolve("labels.txt"),
                "airplane\nautomobile\nbird\ncat\ndeer\ndog\nfrog\nhorse\nship\ntruck\n");
        Dataset d = Dataset.open(csv, labels);
        assertEquals(10, d.classNames().size());
        assertEquals(List.of(3, 5), d.samples().stream().map(Sample::label).toList());
        Path unknown = Files.writeString(dir.resolve("unknown.csv"), "a.png,cat\nb.png,kitten\n");
        InputError e = assertThrows(InputError.class, () -> Dataset.open(unknown, labels));
        assertTrue(e.getMessage().startsWith("Line 2 of " + unknown + " has the label 'kitten', which is not a class of the label file"),
                e.getMessage());
    }

    @Test
    void integerCsvLabelsStayIndicesIntoTheLabelFileAndMustFitIt() throws IOException {
        TestImages.write(dir.resolve("a.png"), 8, 8, 1, "png");
        Path labels = Files.writeString(dir.resolve("labels.txt"), "x\ny\nz\n");
        Dataset d = Dataset.open(Files.writeString(dir.resolve("ok.csv"), "a.png,2\n"), labels);
        assertEquals(List.of("x", "y", "z"), d.classNames());
        assertEquals(2, d.samples().get(0).label());
        Path three = Files.writeString(dir.resolve("three.csv"), "a.png,3\n");
        assertTrue(assertThrows(InputError.class, () -> Dataset.open(three, labels)).getMessage()
                .contains("has the label index 3, but the label file " + labels + " has 3 classes (indices 0 to 2)"));
        // A digit that the label file names at another position could mean either class: refused.
        Path digits = Files.writeString(dir.resolve("digits.txt"), "1\n0\n");
        Path zero = Files.writeString(dir.resolve("zero.csv"), "a.png,0\n");
        assertTrue(assertThrows(InputError.class, () -> Dataset.open(zero, digits)).getMessage().contains("are integers, which are read as indices"));
    }

    @Test
    void aByteOrderMarkIsDroppedFromCsvManifestsAndLabelFiles() throws IOException {
        TestImages.write(dir.resolve("a.png"), 8, 8, 1, "png");
        Path csv = Files.writeString(dir.resolve("set.csv"), "\uFEFFpath,label\r\na.png,cat\r\n");
        Dataset d = Dataset.open(csv);
        assertEquals(List.of("cat"), d.classNames());
        assertEquals(List.of("a.png"), d.samples().stream().map(Sample::id).toList());
        Path labels = Files.writeString(dir.resolve("labels.txt"), "\uFEFFcat\ndog\n");
        assertEquals(List.of("cat", "dog"), LabelFile.read(labels));
        assertEquals(0, Dataset.open(csv, labels).samples().get(0).label());
    }

    @Test
    void csvFieldsFollowRfc4180Quoting() throws IOException {
        TestImages.write(dir.resolve("imgs/a, b.png"), 8, 8, 1, "png");
        TestImages.write(dir.resolve("imgs/say \"hi\".png"), 8, 8, 2, "png");
        Path csv = Files.writeString(dir.resolve("set.csv"),
                "# a comment\n\"imgs/a, b.png\",\"airplane, jet\"\n \"imgs/say \"\"hi\"\".png\" , ship\n");
        Dataset d = Dataset.open(csv);
        assertEquals(List.of("airplane, jet", "ship"), d.classNames());
        assertEquals(List.of("imgs/a, b.png", "imgs/say \"hi\".png"), d.samples().stream().map(Sample::id).toList());
        assertTrue(Files.isRegularFile(d.samples().get(0).path()));
    }

    @Test
    void eachMalformedCsvLineIsOneSentenceNamingTheLine() throws IOException {
        TestImages.write(dir.resolve("a.png"), 8, 8, 1, "png");
        Map<String, String> cases = Map.of(
                "path,label\na.png,cat\n\nb.png,dog,extra\n", "Line 4 of %s has 3 fields where 'path,label' needs 2",
                "a.png,cat\nb.png\n", "Line 2 of %s has 1 field",
                "a.png,cat\n\"b.png,dog\n", "Line 2 of %s is not valid CSV",
                "a.png,cat\n\"b\"x.png,dog\n", "Line 2 of %s is not valid CSV",
                "a.png,\n", "Line 1 of %s has an empty label",
                "a.png,1\nb.png,99999999999\n", "Line 2 of %s has the label index 99999999999, but label indices above 999,999 are not accepted");
        int n = 0;
        for (Map.Entry<String, String> c : cases.entrySet()) {
            Path csv = Files.writeString(dir.resolve("bad" + n++ + ".csv"), c.getKey());
            InputError e = assertThrows(InputError.class, () -> Dataset.open(csv), c.getKey());
            assertTrue(e.getMessage().startsWith(String.format(c.getValue(), csv)), e.getMessage());
            assertEquals(1, e.getMessage().lines().count());
        }
    }

    @Test
    void aFileListedTwiceIsAuditedOnceWithAFindingAndTwoLabelsForOneFileAreRefused() throws IOException {
        TestImages.write(dir.resolve("a.png"), 8, 8, 1, "png");
        TestImages.write(dir.resolve("b.png"), 8, 8, 2, "png");
        Path csv = Files.writeString(dir.resolve("set.csv"), "a.png,cat\nb.png,dog\n./a.png,cat\n");
        Dataset d = Dataset.open(csv);
        assertEquals(List.of("a.png", "b.png"), d.samples().stream().map(Sample::id).toList());
        assertEquals(1, d.findings().size());
        assertEquals("duplicate-manifest-rows", d.findings().get(0).id());
        assertTrue(d.findings().get(0).detail().contains("line 3 repeats line 1"), d.findings().get(0).detail());
        Path contradiction = Files.writeString(dir.resolve("two.csv"), "a.png,cat\nb.png,dog\na.png,dog\n");
        InputError e = assertThrows(InputError.class, () -> Dataset.open(contradiction));
        assertTrue(e.getMessage().startsWith("Lines 1 and 3 of " + contradiction + " both list a.png, with different labels"), e.getMessage());
    }

    @Test
    void anEmptyClassFolderAndImagesOutsideClassFoldersGetFindingsNamingThem() throws IOException {
        TestImages.folder(dir, 2, 8, "a", "c");
        Files.createDirectories(dir.resolve("b"));
        Files.writeString(dir.resolve("b/readme.txt"), "no images here");
        TestImages.write(dir.resolve("stray.png"), 8, 8, 3, "png");
        Dataset d = Dataset.open(dir);
        assertEquals(List.of("a", "b", "c"), d.classNames());
        assertEquals(List.of("empty-class-folders", "images-outside-class-folders"), d.findings().stream().map(f -> f.id()).toList());
        assertEquals("The class folder 'b' holds no images", d.findings().get(0).title());
        assertTrue(d.findings().get(1).detail().contains("stray.png"));
    }

    @Test
    void aClassFolderThatIsASymbolicLinkIsFollowedAndADanglingLinkIsKeptToBeListed() throws IOException {
        TestImages.folder(dir.resolve("elsewhere"), 2, 8, "real");
        TestImages.folder(dir.resolve("data"), 1, 8, "a");
        Path link = dir.resolve("data/b");
        try {
            Files.createSymbolicLink(link, dir.resolve("elsewhere/real"));
            Files.createSymbolicLink(dir.resolve("data/a/gone.png"), dir.resolve("nowhere.png"));
        } catch (UnsupportedOperationException | IOException e) {
            Assumptions.abort("symbolic links cannot be made here: " + e);
        }
        Dataset d = Dataset.open(dir.resolve("data"));
        assertEquals(List.of("a", "b"), d.classNames());
        assertEquals(List.of("a/gone.png", "a/img0.png", "b/img0.png", "b/img1.png"), d.samples().stream().map(Sample::id).toList());
        try (BatchStream stream = new BatchStream(d.samples(), new dev.vigil.core.model.InputSpec(3, 8, 8), 8)) {
            stream.forEach(b -> { });
            assertEquals(List.of(new SkippedSample("a/gone.png", "unreadable: a symbolic link whose target does not exist")), stream.skipped());
        }
    }

    @Test
    void aClassFolderThatCannotBeListedIsAnInputErrorNamingIt() throws IOException {
        TestImages.folder(dir, 1, 8, "a", "b");
        Path locked = Files.createDirectories(dir.resolve("b/more"));
        TestImages.write(locked.resolve("x.png"), 8, 8, 1, "png");
        try {
            Files.setPosixFilePermissions(locked, java.util.Set.of());
            // root reads any folder: there the case cannot be made, and the test is skipped
            Assumptions.assumeFalse(Files.isReadable(locked), "running as a user who can read any folder");
            InputError e = assertThrows(InputError.class, () -> Dataset.open(dir));
            assertTrue(e.getMessage().startsWith("The folder " + locked + " in the data could not be read (permission denied)"), e.getMessage());
        } finally {
            Files.setPosixFilePermissions(locked, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        }
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
