package dev.vigil.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.core.InputError;
import dev.vigil.core.audit.Hashing;
import dev.vigil.core.model.InputSpec;
import dev.vigil.core.result.Finding;
import dev.vigil.core.testing.TestImages;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Data at a URI: a store's listing gives the dataset the local rules give, and its files are read through the store. */
class RemoteListingTest {
    private static final String ROOT = "mem://bucket/data";

    @TempDir
    Path dir;

    @AfterEach
    void uninstall() {
        RemoteStore.install(null);
    }

    /** Files in memory by URI, as a Hadoop file system would serve them. */
    private record MemoryStore(Map<String, byte[]> files) implements RemoteStore {
        @Override
        public DataListing list(String uri) {
            throw new UnsupportedOperationException();
        }

        @Override
        public InputStream open(String uri) throws IOException {
            return new ByteArrayInputStream(bytes(uri));
        }

        @Override
        public Stamp stamp(String uri) throws IOException {
            return new Stamp(bytes(uri).length, 1);
        }

        private byte[] bytes(String uri) throws NoSuchFileException {
            byte[] b = files.get(uri);
            if (b == null) {
                throw new NoSuchFileException(uri);
            }
            return b;
        }
    }

    @Test
    void aFolderListingGivesTheDatasetOfTheLocalWalk() throws IOException {
        TestImages.folder(dir, 2, 8, "zebra", "apple");
        Files.createDirectories(dir.resolve("empty"));
        TestImages.write(dir.resolve("apple/deeper/img9.png"), 8, 8, 7, "png");
        TestImages.write(dir.resolve("stray.png"), 8, 8, 3, "png");
        TestImages.write(dir.resolve(".hidden/img0.png"), 8, 8, 4, "png");
        Files.writeString(dir.resolve("zebra/notes.txt"), "not an image");
        Dataset local = Dataset.open(dir);

        List<String> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(Files::isRegularFile).forEach(f -> files.add(dir.relativize(f).toString()));
        }
        Dataset remote = Dataset.of(new DataListing.Folder(ROOT, List.of("zebra", "empty", "apple", ".hidden"), files), null);

        assertEquals(List.of("apple", "empty", "zebra"), remote.classNames());
        assertEquals(local.classNames(), remote.classNames());
        assertEquals(ids(local), ids(remote));
        assertEquals(local.samples().stream().map(Sample::label).toList(), remote.samples().stream().map(Sample::label).toList());
        assertEquals(ROOT + "/apple/deeper/img9.png", remote.samples().get(0).uri());
        assertNull(remote.samples().get(0).path());
        assertEquals(List.of("empty-class-folders", "images-outside-class-folders"), remote.findings().stream().map(Finding::id).toList());
        for (int i = 0; i < local.findings().size(); i++) {
            assertEquals(local.findings().get(i).detail().replace(dir.toString(), ROOT), remote.findings().get(i).detail());
        }
    }

    @Test
    void aFileInAFolderTheListingDidNotShowIsRefusedAsDataThatChanged() {
        DataListing.Folder listing = new DataListing.Folder(ROOT, List.of("a"), List.of("a/x.png", "b/y.png"));
        InputError e = assertThrows(InputError.class, () -> Dataset.of(listing, null));
        assertTrue(e.getMessage().contains("changed while it was listed"), e.getMessage());
    }

    @Test
    void manifestPathsResolveAgainstTheFolderUriAndOneFileTwiceIsAuditedOnce() {
        String csv = "path,label\nimgs/a.png,cat\n../x/b.png,dog\n/abs/c.png,cat\nhdfs://nn:8020/d.png,dog\n./imgs/a.png,cat\n";
        Dataset d = Dataset.of(new DataListing.Manifest(ROOT + "/sets/m.csv", ROOT + "/sets", csv), null);
        assertEquals("csv", d.layout());
        assertEquals(List.of("../x/b.png", "/abs/c.png", "hdfs://nn:8020/d.png", "imgs/a.png"), ids(d));
        assertEquals(List.of("mem://bucket/data/x/b.png", "mem://bucket/abs/c.png", "hdfs://nn:8020/d.png", "mem://bucket/data/sets/imgs/a.png"),
                d.samples().stream().map(Sample::uri).toList());
        assertEquals(List.of(1, 0, 1, 0), d.samples().stream().map(Sample::label).toList());
        assertEquals("duplicate-manifest-rows", d.findings().get(0).id());
        assertTrue(d.findings().get(0).detail().contains("line 6 repeats line 2"), d.findings().get(0).detail());
    }

    @Test
    void tableRowsFollowTheManifestRulesAndNameTheirRow() throws IOException {
        String table = ROOT + "/t.parquet";
        Dataset numeric = Dataset.of(new DataListing.Table(table, ROOT, List.of(new DataListing.Row("b.png", "2"),
                new DataListing.Row("a.png", "0"))), null);
        assertEquals("parquet", numeric.layout());
        assertEquals(List.of("0", "1", "2"), numeric.classNames());
        assertEquals(List.of("a.png", "b.png"), ids(numeric));
        assertEquals(List.of(0, 2), numeric.samples().stream().map(Sample::label).toList());

        InputError empty = assertThrows(InputError.class, () -> Dataset.of(new DataListing.Table(table, ROOT,
                List.of(new DataListing.Row("a.png", "cat"), new DataListing.Row("b.png", null))), null));
        assertEquals("Row 2 of the Parquet table " + table + " has an empty label; every row must have a path and a label.", empty.getMessage());

        Path labels = Files.writeString(dir.resolve("labels.txt"), "cat\ndog\n");
        InputError unknown = assertThrows(InputError.class, () -> Dataset.of(new DataListing.Table(table, ROOT,
                List.of(new DataListing.Row("a.png", "cat"), new DataListing.Row("b.png", "cow"))), ModelClasses.read(labels)));
        assertTrue(unknown.getMessage().startsWith("Row 2 of the Parquet table " + table + " has the label 'cow', which is not a class"),
                unknown.getMessage());

        InputError twice = assertThrows(InputError.class, () -> Dataset.of(new DataListing.Table(table, ROOT,
                List.of(new DataListing.Row("a.png", "cat"), new DataListing.Row("./a.png", "dog"))), null));
        assertTrue(twice.getMessage().startsWith("Rows 1 and 2 of the Parquet table " + table + " both list ./a.png"), twice.getMessage());
    }

    @Test
    void remoteFilesAreReadThroughTheStoreAndAMissingOneIsSkippedWithTheLocalReason() throws IOException {
        Map<String, byte[]> files = new HashMap<>();
        TestImages.folder(dir, 2, 6, "a", "b");
        for (String id : List.of("a/img0.png", "a/img1.png", "b/img0.png")) {
            files.put(ROOT + "/" + id, Files.readAllBytes(dir.resolve(id)));
        }
        RemoteStore.install(new MemoryStore(files));
        Dataset remote = Dataset.of(new DataListing.Folder(ROOT, List.of("a", "b"),
                List.of("a/img0.png", "a/img1.png", "b/img0.png", "b/img1.png")), null);
        Dataset local = Dataset.open(dir);
        InputSpec spec = InputSizes.infer(remote, 3).spec();
        assertEquals(new InputSpec(3, 6, 6), spec);
        try (BatchStream r = new BatchStream(remote.samples(), spec, 3); BatchStream l = new BatchStream(local.samples(), spec, 3)) {
            List<Batch> rb = new ArrayList<>();
            List<Batch> lb = new ArrayList<>();
            r.forEach(rb::add);
            l.forEach(lb::add);
            assertEquals(List.of(new SkippedSample("b/img1.png", "unreadable: the file does not exist")), r.skipped());
            assertArrayEquals(lb.get(0).pixels(), rb.get(0).pixels(), "the same pixels through the store");
            assertEquals(3, rb.stream().mapToInt(Batch::size).sum());
            assertEquals(Hashing.sha256(dir.resolve("a/img0.png")), r.fileHashes().get("a/img0.png"));
        }
        assertEquals(Hashing.sha256(dir.resolve("b/img0.png")), SampleFiles.sha256(remote.samples().get(2)));
    }

    @Test
    void aUriWithNoStoreInstalledIsRefusedInOneSentenceNamingTheSparkJob() {
        assertTrue(DataLocation.parse("hdfs://nn:8020/eval").remote());
        assertTrue(DataLocation.parse("file:///shared/eval").remote());
        assertFalse(DataLocation.parse("C:/data/eval").remote());
        assertFalse(DataLocation.parse("relative/eval:1").remote());
        InputError e = assertThrows(InputError.class, () -> Dataset.open(DataLocation.parse("s3a://bucket/eval"), null));
        assertTrue(e.getMessage().startsWith("The data path s3a://bucket/eval is a URI, and vigil audit reads local folders"), e.getMessage());
        assertTrue(e.getMessage().contains("dev.vigil.spark.SparkAudit"), e.getMessage());
    }

    private static List<String> ids(Dataset d) {
        return d.samples().stream().map(Sample::id).toList();
    }
}
