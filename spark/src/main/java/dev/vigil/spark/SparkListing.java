package dev.vigil.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lower;

import dev.vigil.core.InputError;
import dev.vigil.core.data.DataListing;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.UnsupportedFileSystemException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;

/**
 * Lists the data a URI names, on the driver, into a {@link DataListing} that audit-core's layout rules read:
 * <ul>
 * <li>a path ending in {@code .parquet} (one file, or a folder of part files as Spark writes a table), or a
 *     folder whose own files are Parquet part files and which holds no sub-folders: a table of (path, label);</li>
 * <li>any other folder: the ImageFolder layout, its first-level folders from one listing of the root and its
 *     files from Spark's {@code binaryFile} source (recursive, the file contents never read);</li>
 * <li>any other file: a CSV manifest, read as text through Hadoop's FileSystem.</li>
 * </ul>
 */
final class SparkListing {
    private static final String IMAGE_NAME = "\\.(png|jpe?g|bmp|gif)$";
    private static final String GLOB_CHARACTERS = "{}[]*?\\";

    private final SparkSession spark;
    private final Configuration conf;

    SparkListing(SparkSession spark) {
        this.spark = spark;
        this.conf = spark.sparkContext().hadoopConfiguration();
    }

    DataListing list(String uri) throws IOException {
        for (char c : GLOB_CHARACTERS.toCharArray()) {
            if (uri.indexOf(c) >= 0) {
                throw new InputError("The data path " + uri + " holds the character '" + c + "', which Spark reads as part of a file"
                        + " pattern; give the folder, manifest or table by a path without { } [ ] * ? or \\.");
            }
        }
        Path given = new Path(uri);
        FileSystem fs;
        try {
            fs = given.getFileSystem(conf);
        } catch (UnsupportedFileSystemException e) {
            throw new InputError("The data path " + uri + " names a file system this Spark installation cannot read ("
                    + InputError.firstLine(e) + "); put its Hadoop connector on the cluster's class path (for s3a:// that is"
                    + " hadoop-aws with its AWS SDK bundle).", e);
        }
        Path root = fs.makeQualified(given);
        FileStatus status;
        try {
            status = fs.getFileStatus(root);
        } catch (FileNotFoundException e) {
            throw new InputError("The data path " + uri + " does not exist; pass an image folder (one sub-folder per class), a CSV"
                    + " manifest or a Parquet table of (path, label) with --data.", e);
        }
        if (root.getName().toLowerCase(Locale.ROOT).endsWith(".parquet")) {
            return table(uri, root);
        }
        if (status.isFile()) {
            return manifest(fs, uri, root);
        }
        List<String> folders = new ArrayList<>();
        boolean parquetFiles = false;
        for (FileStatus child : fs.listStatus(root)) {
            String name = child.getPath().getName();
            if (child.isDirectory() && !name.startsWith(".")) {
                folders.add(name);
            } else if (child.isFile() && name.toLowerCase(Locale.ROOT).endsWith(".parquet")) {
                parquetFiles = true;
            }
        }
        if (parquetFiles) {
            if (!folders.isEmpty()) {
                throw new InputError("The data folder " + uri + " holds both sub-folders and Parquet files, so it is neither an image"
                        + " folder nor a Parquet table alone; give the image folder, or the table's own folder, with --data.");
            }
            return table(uri, root);
        }
        Optional<String> hidden = folders.stream().filter(n -> n.startsWith("_")).findFirst();
        if (hidden.isPresent()) {
            throw new InputError("The class folder '" + hidden.get() + "' under " + uri + " starts with '_', and Spark's file listing"
                    + " skips such folders as hidden (a Hadoop convention), so its images would go unaudited; rename the folder.");
        }
        return new DataListing.Folder(root.toString(), folders, files(root));
    }

    /** Every image-named file below the root, relative to it, from Spark's binaryFile listing (no contents read). */
    private List<String> files(Path root) {
        String prefix = root.toString().endsWith("/") ? root.toString() : root + "/";
        Dataset<Row> listed = spark.read().format("binaryFile").option("recursiveFileLookup", "true").load(root.toString())
                .select("path").where(lower(col("path")).rlike(IMAGE_NAME));
        List<String> ids = new ArrayList<>();
        for (Row row : listed.collectAsList()) {
            String path = row.getString(0);
            if (!path.startsWith(prefix)) {
                throw new IllegalStateException("Spark listed " + path + " outside the data root " + root);
            }
            ids.add(path.substring(prefix.length()));
        }
        return ids;
    }

    private static DataListing manifest(FileSystem fs, String uri, Path file) throws IOException {
        byte[] bytes;
        try (InputStream in = fs.open(file)) {
            bytes = in.readAllBytes();
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InputError("The CSV manifest " + uri + " is not UTF-8 text; save it as UTF-8 (spreadsheet programs call it"
                    + " 'CSV UTF-8').", e);
        }
        return new DataListing.Manifest(file.toString(), file.getParent().toString(), text);
    }

    /** The (path, label) rows of a Parquet table, labels as text: class names, or integer indices written in digits. */
    private DataListing table(String uri, Path table) {
        Dataset<Row> frame;
        try {
            frame = spark.read().parquet(table.toString());
            frame.schema();
        } catch (Exception e) {
            throw new InputError("The Parquet table " + uri + " could not be read (" + InputError.firstLine(e) + ").", e);
        }
        StructField path = column(uri, frame, "path");
        StructField label = column(uri, frame, "label");
        if (!(path.dataType() instanceof StringType)) {
            throw new InputError("The 'path' column of the Parquet table " + uri + " holds " + path.dataType().simpleString()
                    + " values; it must hold text: each file's URI, or its path relative to the folder that holds the table.");
        }
        DataType type = label.dataType();
        boolean integer = type instanceof IntegerType || type instanceof LongType || type instanceof ShortType || type instanceof ByteType;
        if (!integer && !(type instanceof StringType)) {
            throw new InputError("The 'label' column of the Parquet table " + uri + " holds " + type.simpleString()
                    + " values; it must hold class names (text) or integer class indices.");
        }
        List<Row> collected = frame.select(col(path.name()), col(label.name()).cast("string")).collectAsList();
        List<DataListing.Row> rows = new ArrayList<>(collected.size());
        for (Row row : collected) {
            String value = row.getString(1);
            if (integer && value != null && value.startsWith("-")) {
                throw new InputError("Row " + (rows.size() + 1) + " of the Parquet table " + uri + " has the label index " + value
                        + "; label indices count the classes from 0.");
            }
            rows.add(new DataListing.Row(row.getString(0), value));
        }
        return new DataListing.Table(table.toString(), table.getParent().toString(), rows);
    }

    private static StructField column(String uri, Dataset<Row> frame, String name) {
        return Arrays.stream(frame.schema().fields()).filter(f -> f.name().equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> new InputError("The Parquet table " + uri + " has no '" + name + "' column (its columns: "
                        + String.join(", ", frame.schema().fieldNames()) + "); give a table of (path, label): paths as URIs or"
                        + " relative to the folder that holds the table, labels as class names or integer indices."));
    }
}
