package dev.vigil.core.data;

import dev.vigil.core.InputError;
import dev.vigil.core.result.Finding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV manifest (RFC 4180) of {@code path,label} records; paths are relative to the CSV's folder. A first
 * record {@code path,label} is a header, a UTF-8 byte-order mark is dropped, lines starting with {@code #}
 * are comments. Labels are all integer indices, or else class names: without a label file the sorted names
 * give the indices, with one each name is looked up in it. A file listed twice with the same label is
 * audited once (and a finding says so); listed with two labels, it is an input error. The same rules read a
 * manifest or a table of (path, label) rows that a {@link RemoteStore} listed, with paths resolved against a URI.
 */
final class CsvManifestLayout {
    /** The largest label index accepted: larger ones are typing errors, and each index up to it becomes a class. */
    static final int MAX_LABEL_INDEX = 999_999;

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setCommentMarker('#')
            .setIgnoreEmptyLines(true)
            .setIgnoreSurroundingSpaces(true)
            .setTrim(true)
            .get();
    private static final Pattern ERROR_LINE = Pattern.compile("(?:startline |line: ?)(\\d+)");

    private CsvManifestLayout() {
    }

    private record Row(String path, String label, long line) {
    }

    /**
     * How messages name the rows' source and a row of it.
     *
     * @param name  the manifest or table, as messages name it
     * @param line  "Line" or "Row", as a sentence starts
     * @param kind  "CSV manifest" or "Parquet table"
     */
    private record Source(String name, String line, String kind, String layout) {
        String at(long n) {
            return line + " " + n + " of " + name;
        }
    }

    /** Where the rows' paths point: relative ones resolved against a local folder or a folder URI. */
    private interface Root {
        String text();

        /** The normalized location of a row's path, which two rows naming one file share. */
        String key(String path);

        Sample sample(int index, String id, String path, int label);
    }

    private record LocalRoot(Path folder) implements Root {
        public String text() {
            return folder.toString();
        }

        public String key(String path) {
            return folder.resolve(path).normalize().toString();
        }

        public Sample sample(int index, String id, String path, int label) {
            return new Sample(index, id, folder.resolve(path).normalize(), label);
        }
    }

    private record UriRoot(String folder) implements Root {
        public String text() {
            return folder;
        }

        public String key(String path) {
            return UriPaths.resolve(folder, path);
        }

        public Sample sample(int index, String id, String path, int label) {
            return new Sample(index, id, null, label, UriPaths.resolve(folder, path));
        }
    }

    static Dataset read(Path csv, ModelClasses model) throws IOException {
        String text;
        try {
            text = LabelFile.withoutBom(Files.readString(csv, StandardCharsets.UTF_8));
        } catch (CharacterCodingException e) {
            throw new InputError("The CSV manifest " + csv + " is not UTF-8 text; save it as UTF-8 (spreadsheet programs call it 'CSV UTF-8').", e);
        }
        return read(parse(text, csv.toString()), new Source(csv.toString(), "Line", "CSV manifest", "csv"),
                new LocalRoot(csv.toAbsolutePath().getParent()), model);
    }

    /** A CSV manifest a remote store read. */
    static Dataset read(DataListing.Manifest manifest, ModelClasses model) {
        return read(parse(LabelFile.withoutBom(manifest.text()), manifest.manifest()),
                new Source(manifest.manifest(), "Line", "CSV manifest", "csv"), new UriRoot(manifest.root()), model);
    }

    /** A table of (path, label) rows a remote store read; rows are numbered from 1 in the table's order. */
    static Dataset read(DataListing.Table table, ModelClasses model) {
        Source source = new Source("the Parquet table " + table.table(), "Row", "Parquet table", "parquet");
        List<Row> rows = new ArrayList<>();
        for (DataListing.Row r : table.rows()) {
            long n = rows.size() + 1;
            String path = r.path() == null ? "" : r.path().strip();
            String label = r.label() == null ? "" : r.label().strip();
            if (path.isEmpty() || label.isEmpty()) {
                throw new InputError(source.at(n) + " has an empty " + (path.isEmpty() ? "path" : "label")
                        + "; every row must have a path and a label.");
            }
            rows.add(new Row(path, label, n));
        }
        return read(rows, source, new UriRoot(table.root()), model);
    }

    private static Dataset read(List<Row> rows, Source source, Root root, ModelClasses model) {
        boolean numeric = !rows.isEmpty() && rows.stream().allMatch(r -> r.label().matches("\\d+"));
        List<String> classNames;
        Map<String, Integer> byName = null;
        if (numeric) {
            classNames = numericClasses(source, rows, model);
        } else if (model == null) {
            classNames = List.copyOf(new TreeSet<>(rows.stream().map(Row::label).toList()));
            byName = new HashMap<>();
            for (int i = 0; i < classNames.size(); i++) {
                byName.put(classNames.get(i), i);
            }
        } else {
            classNames = model.names();
            byName = lookUp(source, rows, model);
        }
        List<Finding> findings = new ArrayList<>();
        rows = withoutDuplicates(source, root, rows, findings);
        rows.sort(Comparator.comparing(Row::path));
        List<Sample> samples = new ArrayList<>();
        for (Row row : rows) {
            int label = numeric ? Integer.parseInt(row.label()) : byName.get(row.label());
            samples.add(root.sample(samples.size(), row.path().replace('\\', '/'), row.path(), label));
        }
        return new Dataset(root.text(), source.layout(), classNames, samples, findings);
    }

    /** The records after the optional header, each checked to be one non-empty path and one non-empty label. */
    private static List<Row> parse(String text, String csv) {
        List<Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(text, FORMAT)) {
            for (CSVRecord record : parser) {
                long line = parser.getCurrentLineNumber();
                if (record.size() != 2) {
                    throw new InputError("Line " + line + " of " + csv + " has " + record.size() + (record.size() == 1 ? " field" : " fields")
                            + " where 'path,label' needs 2; put a path or label that holds a comma in double quotes.");
                }
                String path = record.get(0);
                String label = record.get(1);
                if (rows.isEmpty() && record.getRecordNumber() == 1 && path.equalsIgnoreCase("path") && label.equalsIgnoreCase("label")) {
                    continue;
                }
                if (path.isEmpty() || label.isEmpty()) {
                    throw new InputError("Line " + line + " of " + csv + " has an empty " + (path.isEmpty() ? "path" : "label")
                            + "; every line must be 'path,label'.");
                }
                rows.add(new Row(path, label, line));
            }
        } catch (UncheckedIOException e) {
            throw notCsv(csv, e.getCause(), e);
        } catch (IOException e) {
            throw notCsv(csv, e, e);
        }
        return rows;
    }

    private static InputError notCsv(String csv, Throwable why, Exception e) {
        String detail = InputError.firstLine(why);
        Matcher m = ERROR_LINE.matcher(detail);
        String where = m.find() ? "Line " + m.group(1) + " of " + csv : csv;
        return new InputError(where + " is not valid CSV (" + detail + "); put a field that holds a comma or a quote in double"
                + " quotes, and write a quote inside one as two (\"\").", e);
    }

    /** Class names "0" up to the largest index, or the label file's names, which the indices must fit. */
    private static List<String> numericClasses(Source source, List<Row> rows, ModelClasses model) {
        int max = -1;
        for (Row row : rows) {
            int limit = model == null ? MAX_LABEL_INDEX : model.size() - 1;
            boolean fits = row.label().length() <= 9 && Integer.parseInt(row.label()) <= limit;
            if (!fits) {
                throw new InputError(source.at(row.line()) + " has the label index " + row.label() + ", but "
                        + (model == null ? "label indices above " + String.format(java.util.Locale.ROOT, "%,d", MAX_LABEL_INDEX)
                                + " are not accepted; check the label column"
                                : "the label file " + model.file() + " has " + model.size() + " classes (indices 0 to " + limit + ")") + ".");
            }
            max = Math.max(max, Integer.parseInt(row.label()));
            if (model != null) {
                int named = model.names().indexOf(row.label());
                if (named >= 0 && named != Integer.parseInt(row.label())) {
                    throw new InputError("The labels of " + source.name() + " are integers, which are read as indices, but the label file "
                            + model.file() + " also names a class '" + row.label() + "' (line " + (named + 1) + ", index " + named
                            + "); give class names in the " + (source.line().equals("Line") ? "CSV" : "table") + ", or rename the classes, so that each label means one class.");
                }
            }
        }
        if (model != null) {
            return model.names();
        }
        List<String> names = new ArrayList<>();
        for (int c = 0; c <= max; c++) {
            names.add(Integer.toString(c));
        }
        return names;
    }

    /** The label file index of every class name in the manifest; the first line with an unknown name is named. */
    private static Map<String, Integer> lookUp(Source source, List<Row> rows, ModelClasses model) {
        for (Row row : rows) {
            if (!model.names().contains(row.label())) {
                long others = rows.stream().map(Row::label).filter(l -> !model.names().contains(l)).distinct().count() - 1;
                throw new InputError(source.at(row.line()) + " has the label '" + row.label() + "', which is not a class of"
                        + " the label file " + model.file() + " (" + model.described() + ")"
                        + (others > 0 ? ", and " + others + " other labels of the " + (source.line().equals("Line") ? "manifest" : "table") + " are not either" : "")
                        + "; with --labels every class-name label is looked up by name in that file.");
            }
        }
        return model.indices(rows.stream().map(Row::label).distinct().toList(), "label");
    }

    /**
     * The rows with each file once. Counting a file twice would weigh it double and narrow every interval;
     * a repeat with the same label is dropped with a finding, one with another label is a contradiction.
     */
    private static List<Row> withoutDuplicates(Source source, Root root, List<Row> rows, List<Finding> findings) {
        Map<String, Row> first = new HashMap<>();
        List<Row> kept = new ArrayList<>();
        List<Row[]> repeats = new ArrayList<>();
        for (Row row : rows) {
            Row earlier = first.putIfAbsent(root.key(row.path()), row);
            if (earlier == null) {
                kept.add(row);
            } else if (earlier.label().equals(row.label())) {
                repeats.add(new Row[] {earlier, row});
            } else {
                throw new InputError(source.line() + "s " + earlier.line() + " and " + row.line() + " of " + source.name() + " both list " + row.path()
                        + ", with different labels ('" + earlier.label() + "' and '" + row.label() + "'); give each file one label.");
            }
        }
        if (!repeats.isEmpty()) {
            Row[] example = repeats.get(0);
            findings.add(Finding.warning("duplicate-manifest-rows", repeats.size() + (repeats.size() == 1 ? " row" : " rows")
                            + " of the " + source.kind() + " repeat a file",
                    repeats.size() + (repeats.size() == 1 ? " row" : " rows") + " of " + source.name() + " list a file that an earlier row lists"
                            + " with the same label (the first: " + source.line().toLowerCase(java.util.Locale.ROOT) + " " + example[1].line()
                            + " repeats " + source.line().toLowerCase(java.util.Locale.ROOT) + " " + example[0].line() + ", "
                            + example[0].path() + "); each file is audited once, so that no image is counted twice."));
        }
        return kept;
    }
}
