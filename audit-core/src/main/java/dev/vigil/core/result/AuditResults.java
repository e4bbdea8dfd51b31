package dev.vigil.core.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.vigil.core.policy.Verdict;
import java.util.List;
import java.util.Optional;

/**
 * Everything one audit found; serialized as results.json (schema in docs/results-schema.md).
 * Metrics are sorted by name so that two runs diff cleanly.
 *
 * @param verdict the policy gate's outcome, or null when no policy was evaluated (results written
 *                before the gate existed have none; the field is optional within schema version 1)
 */
public record AuditResults(int schemaVersion, Provenance provenance, ModelSummary model, DatasetSummary dataset,
                           List<Metric> metrics, List<Finding> findings, List<Section> sections,
                           @JsonInclude(JsonInclude.Include.NON_NULL) Verdict verdict) {
    public static final int SCHEMA_VERSION = 1;

    public AuditResults {
        metrics = metrics.stream().sorted(java.util.Comparator.comparing(Metric::name)).toList();
        findings = List.copyOf(findings);
        sections = List.copyOf(sections);
    }

    /** Results without a verdict; the gate adds one with {@link #withVerdict}. */
    public AuditResults(int schemaVersion, Provenance provenance, ModelSummary model, DatasetSummary dataset,
                        List<Metric> metrics, List<Finding> findings, List<Section> sections) {
        this(schemaVersion, provenance, model, dataset, metrics, findings, sections, null);
    }

    public AuditResults withVerdict(Verdict newVerdict) {
        return new AuditResults(schemaVersion, provenance, model, dataset, metrics, findings, sections, newVerdict);
    }

    public Optional<Metric> metric(String name) {
        return metrics.stream().filter(m -> m.name().equals(name)).findFirst();
    }
}
