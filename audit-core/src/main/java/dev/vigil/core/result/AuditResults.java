package dev.vigil.core.result;

import java.util.List;
import java.util.Optional;

/**
 * Everything one audit found; serialized as results.json (schema in docs/results-schema.md).
 * Metrics are sorted by name so that two runs diff cleanly.
 */
public record AuditResults(int schemaVersion, Provenance provenance, ModelSummary model, DatasetSummary dataset,
                           List<Metric> metrics, List<Finding> findings, List<Section> sections) {
    public static final int SCHEMA_VERSION = 1;

    public AuditResults {
        metrics = metrics.stream().sorted(java.util.Comparator.comparing(Metric::name)).toList();
        findings = List.copyOf(findings);
        sections = List.copyOf(sections);
    }

    public Optional<Metric> metric(String name) {
        return metrics.stream().filter(m -> m.name().equals(name)).findFirst();
    }
}
