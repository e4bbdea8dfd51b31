package dev.vigil.core.data;

import dev.vigil.core.InputError;
import dev.vigil.core.result.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A labelled evaluation set: class names in label order and the samples, sorted by id, with the warnings
 * reading it raised (an empty class folder, a file listed twice).
 *
 * @param root     the folder the sample ids are relative to: a local path, or a URI for data a {@link RemoteStore} reads
 * @param layout   "imagefolder", "csv" or "parquet"
 * @param findings warnings about the data, for the report
 */
public record Dataset(String root, String layout, List<String> classNames, List<Sample> samples, List<Finding> findings) {
    public Dataset {
        classNames = List.copyOf(classNames);
        samples = List.copyOf(samples);
        findings = List.copyOf(findings);
    }

    public Dataset(String root, String layout, List<String> classNames, List<Sample> samples) {
        this(root, layout, classNames, samples, List.of());
    }

    public Dataset(Path root, String layout, List<String> classNames, List<Sample> samples) {
        this(root.toString(), layout, classNames, samples, List.of());
    }

    /** Each sample's index by its id. */
    public java.util.Map<String, Integer> indexById() {
        java.util.Map<String, Integer> out = new java.util.HashMap<>();
        samples.forEach(s -> out.put(s.id(), s.index()));
        return out;
    }

    /** Opens an ImageFolder directory or a CSV manifest (path,label), whichever {@code path} is; the classes are the data's own. */
    public static Dataset open(Path path) {
        return open(path, null);
    }

    /**
     * Opens the data with the classes of a label file (null: the data's own). The data's class names, folder
     * names or CSV labels, are looked up in the label file by name, so the data may hold any subset of the
     * model's classes; integer CSV labels are indices into it.
     */
    public static Dataset open(Path path, Path labelFile) {
        return open(DataLocation.of(path), labelFile);
    }

    /**
     * As {@link #open(Path, Path)}, for a local path or a URI; a URI is listed by the installed {@link RemoteStore}
     * and refused with one sentence where none is installed (plain {@code vigil audit}).
     */
    public static Dataset open(DataLocation location, Path labelFile) {
        if (location.remote()) {
            return openRemote(location.uri(), labelFile);
        }
        Path path = location.path();
        if (!Files.exists(path)) {
            throw new InputError("The data path " + path + " does not exist; pass an image folder (one sub-folder per class) or a CSV manifest with --data.");
        }
        PixelLimit.current();
        ModelClasses model = labelFile == null ? null : ModelClasses.read(labelFile);
        try {
            boolean folder = Files.isDirectory(path);
            Dataset dataset = folder ? ImageFolderLayout.read(path, model) : CsvManifestLayout.read(path, model);
            if (dataset.samples().isEmpty()) {
                throw new InputError("The data path " + path + " holds no image files; " + (folder
                        ? "expected one sub-folder per class with PNG, JPEG, BMP or GIF files inside."
                        : "expected lines of 'path,label' naming PNG, JPEG, BMP or GIF files."));
            }
            return dataset;
        } catch (IOException e) {
            throw new InputError("The data path " + path + " could not be read (" + InputError.firstLine(e) + ").", e);
        }
    }

    private static Dataset openRemote(String uri, Path labelFile) {
        RemoteStore store = RemoteStore.installed().orElseThrow(() -> new InputError("The data path " + uri + " is a URI, and"
                + " vigil audit reads local folders and CSV manifests only; give a local path, or run the Spark job"
                + " (spark-submit --class dev.vigil.spark.SparkAudit), which reads HDFS, S3 and any file system Hadoop knows."));
        PixelLimit.current();
        ModelClasses model = labelFile == null ? null : ModelClasses.read(labelFile);
        DataListing listing;
        try {
            listing = store.list(uri);
        } catch (IOException e) {
            throw new InputError("The data path " + uri + " could not be read (" + InputError.firstLine(e) + ").", e);
        }
        return of(listing, model);
    }

    /** The dataset a remote store's listing holds, by the same rules as local data. */
    static Dataset of(DataListing listing, ModelClasses model) {
        Dataset dataset;
        String named;
        String expected;
        if (listing instanceof DataListing.Folder folder) {
            dataset = ImageFolderLayout.read(folder, model);
            named = folder.root();
            expected = "expected one sub-folder per class with PNG, JPEG, BMP or GIF files inside.";
        } else if (listing instanceof DataListing.Manifest manifest) {
            dataset = CsvManifestLayout.read(manifest, model);
            named = manifest.manifest();
            expected = "expected lines of 'path,label' naming PNG, JPEG, BMP or GIF files.";
        } else {
            DataListing.Table table = (DataListing.Table) listing;
            dataset = CsvManifestLayout.read(table, model);
            named = table.table();
            expected = "expected rows of (path, label) naming PNG, JPEG, BMP or GIF files.";
        }
        if (dataset.samples().isEmpty()) {
            throw new InputError("The data path " + named + " holds no image files; " + expected);
        }
        return dataset;
    }

    /** The first {@code limit} samples in a seeded, class-stratified order, so a limited run still covers every class. */
    public Dataset limit(int limit, long seed) {
        if (limit <= 0 || limit >= samples.size()) {
            return this;
        }
        List<Sample> chosen = StratifiedOrder.of(samples, classNames.size(), seed).subList(0, limit);
        List<Sample> renumbered = chosen.stream()
                .sorted(java.util.Comparator.comparing(Sample::id))
                .toList();
        java.util.ArrayList<Sample> out = new java.util.ArrayList<>();
        for (Sample s : renumbered) {
            out.add(s.at(out.size()));
        }
        return new Dataset(root, layout, classNames, out, findings);
    }
}
