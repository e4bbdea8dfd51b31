package dev.vigil.core.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.core.policy.Verdict;
import java.util.List;
import java.util.Optional;

/**
 * Everything one audit found; serialized as results.json (schema in docs/results-schema.md).
 * Metrics are sorted by name so that two runs diff cleanly.
 *
 * @param verdict  the policy gate's outcome, or null when no policy was evaluated (results written
 *                 before the gate existed have none; the field is optional within schema version 1)
 * @param settings each probe's typed settings by probe id, as data, or null (results written before the
 *                 field existed); optional within schema version 1
 * @param state    {@link #INTERRUPTED} for an audit stopped before it finished (the results hold the probes that
 *                 finished), null for a complete one; optional within schema version 1
 */
public record AuditResults(int schemaVersion, Provenance provenance, ModelSummary model, DatasetSummary dataset,
                           List<Metric> metrics, List<Finding> findings, List<Section> sections,
                           @JsonInclude(JsonInclude.Include.NON_NULL) Verdict verdict,
                           @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode settings,
                           @JsonInclude(JsonInclude.Include.NON_NULL) String state) {
    public static final int SCHEMA_VERSION = 1;
    public static final String INTERRUPTED = "interrupted";

    public AuditResults {
        metrics = metrics.stream().sorted(java.util.Comparator.comparing(Metric::name)).toList();
        findings = List.copyOf(findings);
        sections = List.copyOf(sections);
    }

    /** Results without a verdict; the gate adds one with {@link #withVerdict}. */
    public AuditResults(int schemaVersion, Provenance provenance, ModelSummary model, DatasetSummary dataset,
                        List<Metric> metrics, List<Finding> findings, List<Section> sections) {
        this(schemaVersion, provenance, model, dataset, metrics, findings, sections, null, null, null);
    }

    /** Results with a verdict and without probe settings. */
    public AuditResults(int schemaVersion, Provenance provenance, ModelSummary model, DatasetSummary dataset,
                        List<Metric> metrics, List<Finding> findings, List<Section> sections, Verdict verdict) {
        this(schemaVersion, provenance, model, dataset, metrics, findings, sections, verdict, null, null);
    }

    public AuditResults withVerdict(Verdict newVerdict) {
        return new AuditResults(schemaVersion, provenance, model, dataset, metrics, findings, sections, newVerdict, settings, state);
    }

    public AuditResults withSettings(JsonNode newSettings) {
        return new AuditResults(schemaVersion, provenance, model, dataset, metrics, findings, sections, verdict, newSettings, state);
    }

    /** These results marked as those of an interrupted audit. */
    public AuditResults interrupted() {
        return new AuditResults(schemaVersion, provenance, model, dataset, metrics, findings, sections, verdict, settings, INTERRUPTED);
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isInterrupted() {
        return INTERRUPTED.equals(state);
    }

    public Optional<Metric> metric(String name) {
        return metrics.stream().filter(m -> m.name().equals(name)).findFirst();
    }
}
