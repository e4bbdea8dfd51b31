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
 * audited once (and a finding says so); listed with two labels, it is an input error.
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

    static Dataset read(Path csv, ModelClasses model) throws IOException {
        Path root = csv.toAbsolutePath().getParent();
        List<Row> rows = parse(csv);
        boolean numeric = !rows.isEmpty() && rows.stream().allMatch(r -> r.label().matches("\\d+"));
        List<String> classNames;
        Map<String, Integer> byName = null;
        if (numeric) {
            classNames = numericClasses(csv, rows, model);
        } else if (model == null) {
            classNames = List.copyOf(new TreeSet<>(rows.stream().map(Row::label).toList()));
            byName = new HashMap<>();
            for (int i = 0; i < classNames.size(); i++) {
                byName.put(classNames.get(i), i);
            }
        } else {
            classNames = model.names();
            byName = lookUp(csv, rows, model);
        }
        List<Finding> findings = new ArrayList<>();
        rows = withoutDuplicates(csv, root, rows, findings);
        rows.sort(Comparator.comparing(Row::path));
        List<Sample> samples = new ArrayList<>();
        for (Row row : rows) {
            int label = numeric ? Integer.parseInt(row.label()) : byName.get(row.label());
            samples.add(new Sample(samples.size(), row.path().replace('\\', '/'), root.resolve(row.path()).normalize(), label));
        }
        return new Dataset(root, "csv", classNames, samples, findings);
    }

    /** The records after the optional header, each checked to be one non-empty path and one non-empty label. */
    private static List<Row> parse(Path csv) throws IOException {
        String text;
        try {
            text = LabelFile.withoutBom(Files.readString(csv, StandardCharsets.UTF_8));
        } catch (CharacterCodingException e) {
            throw new InputError("The CSV manifest " + csv + " is not UTF-8 text; save it as UTF-8 (spreadsheet programs call it 'CSV UTF-8').", e);
        }
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
            String detail = InputError.firstLine(e.getCause());
            Matcher m = ERROR_LINE.matcher(detail);
            String where = m.find() ? "Line " + m.group(1) + " of " + csv : csv.toString();
            throw new InputError(where + " is not valid CSV (" + detail + "); put a field that holds a comma or a quote in double"
                    + " quotes, and write a quote inside one as two (\"\").", e);
        }
        return rows;
    }

    /** Class names "0" up to the largest index, or the label file's names, which the indices must fit. */
    private static List<String> numericClasses(Path csv, List<Row> rows, ModelClasses model) {
        int max = -1;
        for (Row row : rows) {
            int limit = model == null ? MAX_LABEL_INDEX : model.size() - 1;
            boolean fits = row.label().length() <= 9 && Integer.parseInt(row.label()) <= limit;
            if (!fits) {
                throw new InputError("Line " + row.line() + " of " + csv + " has the label index " + row.label() + ", but "
                        + (model == null ? "label indices above " + String.format(java.util.Locale.ROOT, "%,d", MAX_LABEL_INDEX)
                                + " are not accepted; check the label column"
                                : "the label file " + model.file() + " has " + model.size() + " classes (indices 0 to " + limit + ")") + ".");
            }
            max = Math.max(max, Integer.parseInt(row.label()));
            if (model != null) {
                int named = model.names().indexOf(row.label());
                if (named >= 0 && named != Integer.parseInt(row.label())) {
                    throw new InputError("The labels of " + csv + " are integers, which are read as indices, but the label file "
                            + model.file() + " also names a class '" + row.label() + "' (line " + (named + 1) + ", index " + named
                            + "); give class names in the CSV, or rename the classes, so that each label means one class.");
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
    private static Map<String, Integer> lookUp(Path csv, List<Row> rows, ModelClasses model) {
        for (Row row : rows) {
            if (!model.names().contains(row.label())) {
                long others = rows.stream().map(Row::label).filter(l -> !model.names().contains(l)).distinct().count() - 1;
                throw new InputError("Line " + row.line() + " of " + csv + " has the label '" + row.label() + "', which is not a class of"
                        + " the label file " + model.file() + " (" + model.described() + ")"
                        + (others > 0 ? ", and " + others + " other labels of the manifest are not either" : "")
                        + "; with --labels every class-name label is looked up by name in that file.");
            }
        }
        return model.indices(rows.stream().map(Row::label).distinct().toList(), "label");
    }

    /**
     * The rows with each file once. Counting a file twice would weigh it double and narrow every interval;
     * a repeat with the same label is dropped with a finding, one with another label is a contradiction.
     */
    private static List<Row> withoutDuplicates(Path csv, Path root, List<Row> rows, List<Finding> findings) {
        Map<Path, Row> first = new HashMap<>();
        List<Row> kept = new ArrayList<>();
        List<Row[]> repeats = new ArrayList<>();
        for (Row row : rows) {
            Row earlier = first.putIfAbsent(root.resolve(row.path()).normalize(), row);
            if (earlier == null) {
                kept.add(row);
            } else if (earlier.label().equals(row.label())) {
                repeats.add(new Row[] {earlier, row});
            } else {
                throw new InputError("Lines " + earlier.line() + " and " + row.line() + " of " + csv + " both list " + row.path()
                        + ", with different labels ('" + earlier.label() + "' and '" + row.label() + "'); give each file one label.");
            }
        }
        if (!repeats.isEmpty()) {
            Row[] example = repeats.get(0);
            findings.add(Finding.warning("duplicate-manifest-rows", repeats.size() + (repeats.size() == 1 ? " row" : " rows")
                            + " of the CSV manifest repeat a file",
                    repeats.size() + (repeats.size() == 1 ? " row" : " rows") + " of " + csv + " list a file that an earlier row lists"
                            + " with the same label (the first: line " + example[1].line() + " repeats line " + example[0].line() + ", "
                            + example[0].path() + "); each file is audited once, so that no image is counted twice."));
        }
        return kept;
    }
}
