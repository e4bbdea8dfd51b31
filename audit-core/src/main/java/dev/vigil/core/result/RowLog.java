package dev.vigil.core.result;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The per-sample rows of an audit, kept in a temporary file rather than on the heap: the default
 * audit makes about 150 rows per image, which for a large set would otherwise hold gigabytes until
 * samples.csv is written. Rows are read back in the order they were appended.
 *
 * <p>Strings that repeat from row to row (sample ids, probes, settings, class names, column names)
 * are written once and referred to by number afterwards, so the file stays small.
 */
public final class RowLog implements RowStore, AutoCloseable {
    private static final int NEW_STRING = -1;

    private final Map<String, Integer> written = new HashMap<>();
    private final SortedSet<String> extraColumns = new TreeSet<>();
    private Path file;
    private DataOutputStream out;
    private long count;

    /**
     * An empty log. Its temporary file is made with the first row and deleted by {@link #close()}
     * (or, failing that, when the JVM exits).
     */
    public RowLog() {
    }

    public synchronized void append(Collection<SampleRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        try {
            if (out == null) {
                file = Files.createTempFile("vigil-rows-", ".bin");
                file.toFile().deleteOnExit();
                out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
            }
            for (SampleRow r : rows) {
                string(r.sampleId());
                string(r.probe());
                string(r.parameter());
                string(r.label());
                string(r.prediction());
                out.writeDouble(r.confidence());
                out.writeBoolean(r.correct());
                out.writeInt(r.extra().size());
                for (Map.Entry<String, String> e : new TreeMap<>(r.extra()).entrySet()) {
                    string(e.getKey());
                    text(e.getValue());
                    extraColumns.add(e.getKey());
                }
                count++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the per-sample rows to " + file + ": " + e.getMessage(), e);
        }
    }

    public synchronized long size() {
        return count;
    }

    /** The names of every probe-specific column seen so far, sorted. */
    @Override
    public synchronized SortedSet<String> extraColumns() {
        return new TreeSet<>(extraColumns);
    }

    /** Hands every row appended so far to {@code action}, in order, reading them back from the file. */
    @Override
    public void forEach(Consumer<SampleRow> action) {
        long rows;
        synchronized (this) {
            rows = count;
            if (rows == 0) {
                return;
            }
            try {
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the per-sample rows to " + file + ": " + e.getMessage(), e);
            }
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            List<String> strings = new ArrayList<>();
            for (long k = 0; k < rows; k++) {
                String id = readString(in, strings);
                String probe = readString(in, strings);
                String parameter = readString(in, strings);
                String label = readString(in, strings);
                String prediction = readString(in, strings);
                double confidence = in.readDouble();
                boolean correct = in.readBoolean();
                int extras = in.readInt();
                Map<String, String> extra = new LinkedHashMap<>();
                for (int e = 0; e < extras; e++) {
                    String key = readString(in, strings);
                    extra.put(key, readText(in));
                }
                action.accept(new SampleRow(id, probe, parameter, label, prediction, confidence, correct, extra));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the per-sample rows back from " + file + ": " + e.getMessage(), e);
        }
    }

    /** Every row in memory at once: for small audits and tests; large runs should stream with {@link #forEach}. */
    public List<SampleRow> toList() {
        List<SampleRow> out = new ArrayList<>();
        forEach(out::add);
        return out;
    }

    @Override
    public synchronized void close() {
        if (out == null) {
            return;
        }
        try {
            out.close();
            out = null;
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the temporary row file " + file + ": " + e.getMessage(), e);
        }
    }

    private void string(String s) throws IOException {
        Integer id = written.get(s);
        if (id != null) {
            out.writeInt(id);
            return;
        }
        written.put(s, written.size());
        out.writeInt(NEW_STRING);
        text(s);
    }

    private void text(String s) throws IOException {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readString(DataInputStream in, List<String> strings) throws IOException {
        int id = in.readInt();
        if (id != NEW_STRING) {
            return strings.get(id);
        }
        String s = readText(in);
        strings.add(s);
        return s;
    }

    private static String readText(DataInputStream in) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
