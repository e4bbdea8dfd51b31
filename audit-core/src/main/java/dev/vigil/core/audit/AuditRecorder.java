package dev.vigil.core.audit;

import dev.vigil.core.result.Finding;
import dev.vigil.core.result.Metric;
import dev.vigil.core.result.RowLog;
import dev.vigil.core.result.SampleRow;
import dev.vigil.core.result.Section;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects what the probes of one audit produce: metrics, per-sample rows, findings and report
 * sections. The rows go to a temporary file ({@link RowLog}), removed by {@link #close()}.
 */
public final class AuditRecorder implements AutoCloseable {
    private final Map<String, Metric> metrics = new LinkedHashMap<>();
    private final RowLog rows = new RowLog();
    private final List<Finding> findings = new ArrayList<>();
    private final List<Section> sections = new ArrayList<>();

    public synchronized void metric(Metric metric) {
        if (metrics.putIfAbsent(metric.name(), metric) != null) {
            throw new IllegalStateException("metric recorded twice: " + metric.name());
        }
    }

    public void rows(Collection<SampleRow> newRows) {
        rows.append(newRows);
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

    /** The per-sample rows recorded so far, streamed from their file. */
    public RowLog rowLog() {
        return rows;
    }

    /** Every per-sample row at once, in memory: for small audits and tests. */
    public List<SampleRow> rows() {
        return rows.toList();
    }

    public synchronized List<Finding> findings() {
        return List.copyOf(findings);
    }

    public synchronized List<Section> sections() {
        return List.copyOf(sections);
    }

    @Override
    public void close() {
        rows.close();
    }
}
