package dev.vigil.core.compare;

import com.univocity.parsers.common.TextParsingException;
import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import dev.vigil.core.InputError;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The per-sample rows of one run, read from its samples.csv in one streaming pass into small arrays
 * (a sample number, a prediction and three bits per row), so that large audits compare in bounded memory.
 * Only the settings {@code keep} accepts are stored; the others are counted.
 */
final class RunRows {
    private static final List<String> REQUIRED = List.of("sample_id", "probe", "parameter", "label", "prediction", "correct");

    private final Map<RowSetting, SettingRows> settings = new LinkedHashMap<>();
    private final Map<RowSetting, Integer> skipped = new LinkedHashMap<>();
    private int[] labels = new int[0];

    /** Reads {@code csv}; {@code keep} says which settings to store (the others are only counted). */
    static RunRows read(Path csv, SampleIndex index, java.util.function.Predicate<RowSetting> keep) {
        RunRows rows = new RunRows();
        CsvParserSettings options = new CsvParserSettings();
        options.setHeaderExtractionEnabled(false);
        options.setMaxCharsPerColumn(1 << 16);
        options.setMaxColumns(4096);
        options.setNullValue("");
        options.setEmptyValue("");
        CsvParser parser = new CsvParser(options);
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            parser.beginParsing(reader);
            String[] header = parser.parseNext();
            if (header == null) {
                throw new InputError("The per-sample file " + csv + " is empty; compare the samples.csv an audit wrote.");
            }
            int[] at = columns(header, csv);
            int flippedAt = Arrays.asList(header).indexOf("flipped");
            Map<RowSetting, Boolean> decided = new java.util.HashMap<>();
            long line = 1;
            for (String[] r; (r = parser.parseNext()) != null; ) {
                line++;
                if (r.length != header.length) {
                    throw new InputError("Line " + line + " of " + csv + " has " + r.length + " fields, not the "
                            + header.length + " of its header; the file is damaged, so re-run the audit.");
                }
                RowSetting setting = new RowSetting(r[at[1]], r[at[2]]);
                if (!decided.computeIfAbsent(setting, keep::test)) {
                    rows.skipped.merge(setting, 1, Integer::sum);
                    continue;
                }
                int sample = index.sample(r[at[0]]);
                int label = index.className(r[at[3]]);
                rows.label(sample, label, r[at[0]], csv);
                boolean correct = bool(r[at[5]], "correct", line, csv);
                Boolean flipped = flippedAt < 0 || r[flippedAt].isEmpty() ? null : bool(r[flippedAt], "flipped", line, csv);
                SettingRows s = rows.settings.computeIfAbsent(setting, k -> new SettingRows());
                if (!s.add(sample, index.className(r[at[4]]), correct, flipped)) {
                    throw new InputError("Sample " + r[at[0]] + " appears twice for " + setting.label() + " in " + csv
                            + "; each sample has one row per setting, so the file is not one audit's samples.csv.");
                }
            }
        } catch (TextParsingException e) {
            throw new InputError("The per-sample file " + csv + " is not valid CSV (" + InputError.firstLine(e) + ").", e);
        } catch (IOException e) {
            throw new InputError("The per-sample file " + csv + " could not be read (" + InputError.firstLine(e) + ").", e);
        } finally {
            parser.stopParsing();
        }
        return rows;
    }

    private static int[] columns(String[] header, Path csv) {
        List<String> names = Arrays.asList(header);
        int[] at = new int[REQUIRED.size()];
        for (int i = 0; i < at.length; i++) {
            at[i] = names.indexOf(REQUIRED.get(i));
            if (at[i] < 0) {
                throw new InputError("The per-sample file " + csv + " has no '" + REQUIRED.get(i) + "' column; it must be the"
                        + " samples.csv an audit wrote (columns " + String.join(", ", REQUIRED) + ", ...).");
            }
        }
        return at;
    }

    private static boolean bool(String text, String column, long line, Path csv) {
        if ("true".equals(text)) {
            return true;
        }
        if ("false".equals(text)) {
            return false;
        }
        throw new InputError("Line " + line + " of " + csv + " has '" + text + "' in the " + column
                + " column, where true or false belongs; the file is damaged, so re-run the audit.");
    }

    private void label(int sample, int label, String id, Path csv) {
        if (sample >= labels.length) {
            int old = labels.length;
            labels = Arrays.copyOf(labels, Math.max(sample + 1, old * 2));
            Arrays.fill(labels, old, labels.length, -1);
        }
        if (labels[sample] >= 0 && labels[sample] != label) {
            throw new InputError("Sample " + id + " has two different labels in " + csv + "; the file is not one audit's samples.csv.");
        }
        labels[sample] = label;
    }

    /** The sample's class number in this run, or -1 when it has no row here. */
    int label(int sample) {
        return sample < labels.length ? labels[sample] : -1;
    }

    Map<RowSetting, SettingRows> settings() {
        return settings;
    }

    SettingRows setting(RowSetting s) {
        return settings.get(s);
    }

    /** Settings that were read but not stored, with their row counts. */
    Set<RowSetting> skippedSettings() {
        return skipped.keySet();
    }
}
