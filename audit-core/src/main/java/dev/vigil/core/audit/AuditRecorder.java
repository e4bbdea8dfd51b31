package dev.vigil.core.audit;

import dev.vigil.core.result.Finding;
import dev.vigil.core.result.Metric;
import dev.vigil.core.result.RowLog;
import dev.vigil.core.result.RowSource;
import dev.vigil.core.result.RowStore;
import dev.vigil.core.result.SampleRow;
import dev.vigil.core.result.Section;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Collects what the probes of one audit produce: metrics, per-sample rows, findings and report
 * sections. Each probe's rows go to a temporary file of their own ({@link RowLog}), so that its
 * conclusion reads back exactly its rows; {@link #close()} removes the files.
 */
public final class AuditRecorder implements AutoCloseable {
    private final Map<String, Metric> metrics = new LinkedHashMap<>();
    private final Map<String, RowLog> rows = new LinkedHashMap<>();
    private final List<Finding> findings = new ArrayList<>();
    private final List<Section> sections = new ArrayList<>();

    /** What had been recorded at one moment, to drop what an abandoned probe added after it. */
    public record Mark(int findings, int sections, java.util.Set<String> metrics, java.util.Set<String> rowProbes) {
    }

    public synchronized Mark mark() {
        return new Mark(findings.size(), sections.size(), java.util.Set.copyOf(metrics.keySet()), java.util.Set.copyOf(rows.keySet()));
    }

    /** Forgets every metric, finding, section and row recorded since {@code mark}. */
    public synchronized void rollback(Mark mark) {
        findings.subList(mark.findings(), findings.size()).clear();
        sections.subList(mark.sections(), sections.size()).clear();
        metrics.keySet().retainAll(mark.metrics());
        for (var it = rows.entrySet().iterator(); it.hasNext(); ) {
            var e = it.next();
            if (!mark.rowProbes().contains(e.getKey())) {
                e.getValue().close();
                it.remove();
            }
        }
    }

    public synchronized void metric(Metric metric) {
        if (metrics.putIfAbsent(metric.name(), metric) != null) {
            throw new IllegalStateException("metric recorded twice: " + metric.name());
        }
    }

    /** Appends rows of the probe {@code probeId} (its {@link Probe#id()}). */
    public void rows(String probeId, Collection<SampleRow> newRows) {
        log(probeId).append(newRows);
    }

    private synchronized RowLog log(String probeId) {
        return rows.computeIfAbsent(probeId, id -> new RowLog());
    }

    /** The rows of one probe, in the order they were appended. */
    public RowSource rowsOf(String probeId) {
        RowLog log;
        synchronized (this) {
            log = rows.get(probeId);
        }
        return log == null ? action -> { } : log;
    }

    /** The ids of the probes that recorded rows, in the order they first did. */
    public synchronized List<String> rowProbes() {
        return List.copyOf(rows.keySet());
    }

    public synchronized void finding(Finding finding) {
        findings.add(finding);
    }

    public synchronized void section(Section section) {
        sections.add(section);
    }

    public synchronized List<Metric> metrics() {
        return List.copyOf(metrics.values());
    }

    /** Every probe's rows, probe by probe in the order the probes first recorded rows, streamed from their files. */
    public RowStore rowLog() {
        List<RowLog> logs;
        synchronized (this) {
            logs = List.copyOf(rows.values());
        }
        return new RowStore() {
            @Override
            public SortedSet<String> extraColumns() {
                SortedSet<String> out = new TreeSet<>();
                logs.forEach(l -> out.addAll(l.extraColumns()));
                return out;
            }

            @Override
            public void forEach(Consumer<SampleRow> action) {
                logs.forEach(l -> l.forEach(action));
            }
        };
    }

    /** Every per-sample row at once, in memory: for small audits and tests. */
    public List<SampleRow> rows() {
        List<SampleRow> out = new ArrayList<>();
        rowLog().forEach(out::add);
        return out;
    }

    public synchronized List<Finding> findings() {
        return List.copyOf(findings);
    }

    public synchronized List<Section> sections() {
        return List.copyOf(sections);
    }

    @Override
    public synchronized void close() {
        rows.values().forEach(RowLog::close);
    }
}
