package dev.vigil.core.data;

import dev.vigil.core.InputError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * A CSV manifest with lines {@code path,label}; paths are relative to the CSV's folder. Labels may be
 * class names (sorted names give indices) or integer indices. A first line {@code path,label} is a header.
 */
final class CsvManifestLayout {
    private CsvManifestLayout() {
    }

    private record Row(String path, String label, int line) {
    }

    static Dataset read(Path csv) throws IOException {
        Path root = csv.toAbsolutePath().getParent();
        List<Row> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int comma = line.lastIndexOf(',');
            if (comma <= 0) {
                throw new InputError("Line " + (i + 1) + " of " + csv + " is not 'path,label': '" + line + "'.");
            }
            String path = unquote(line.substring(0, comma).strip());
            String label = unquote(line.substring(comma + 1).strip());
            if (rows.isEmpty() && path.equalsIgnoreCase("path") && label.equalsIgnoreCase("label")) {
                continue;
            }
            rows.add(new Row(path, label, i + 1));
        }
        boolean numeric = !rows.isEmpty() && rows.stream().allMatch(r -> r.label().matches("\\d+"));
        List<String> classNames;
        if (numeric) {
            int max = rows.stream().mapToInt(r -> Integer.parseInt(r.label())).max().orElse(-1);
            classNames = new ArrayList<>();
            for (int c = 0; c <= max; c++) {
                classNames.add(Integer.toString(c));
            }
        } else {
            classNames = List.copyOf(new TreeSet<>(rows.stream().map(Row::label).toList()));
        }
        List<Sample> samples = new ArrayList<>();
        rows.sort(Comparator.comparing(Row::path));
        for (Row row : rows) {
            int label = numeric ? Integer.parseInt(row.label()) : classNames.indexOf(row.label());
            Path file = root.resolve(row.path()).normalize();
            samples.add(new Sample(samples.size(), row.path().replace('\\', '/'), file, label));
        }
        return new Dataset(root, "csv", classNames, samples);
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1).replace("\"\"", "\"") : s;
    }
}
