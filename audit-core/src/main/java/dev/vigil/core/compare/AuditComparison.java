package dev.vigil.core.compare;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.vigil.core.InputError;
import dev.vigil.core.policy.Baseline;
import dev.vigil.core.policy.DeltaTerm;
import dev.vigil.core.policy.Verdict;
import dev.vigil.core.result.Metric;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Two audits compared, written as compare.json (docs/compare-schema.md): how they were made
 * differently, every metric both have with its change, and for each probe setting the samples whose
 * outcome changed. Paired when both audited the same data (same dataset SHA-256), unpaired otherwise.
 *
 * @param paired            whether samples were paired (same data)
 * @param pairing           one sentence saying how the runs were compared
 * @param candidate         the new run (written as "new")
 * @param differences       how the runs were made differently; those that change what a delta means first
 * @param regressions       names of the metrics that got significantly worse
 * @param improvements      names of the metrics that got significantly better
 * @param metrics           every metric both runs have, by name
 * @param onlyInBase        metric names only the base run has
 * @param onlyInNew         metric names only the new run has
 * @param settings          per probe setting, the samples that newly fail and newly pass (paired runs only)
 * @param unpairedSettings  row settings whose rows match no metric (e.g. explanations), so they are not compared
 * @param verdict           the policy's outcome when one was given, else null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditComparison(int schemaVersion, boolean paired, String pairing, RunSummary base,
                              @JsonProperty("new") RunSummary candidate, List<SettingDifference> differences,
                              List<String> regressions, List<String> improvements, List<MetricDelta> metrics,
                              List<String> onlyInBase, List<String> onlyInNew, List<SettingChanges> settings,
                              List<String> unpairedSettings, Verdict verdict) {
    public static final int SCHEMA_VERSION = 1;
    /** Adjusted p-values below this mark a regression or improvement (Holm: 5% family-wise, overall and per-class proportions apart). */
    public static final double SIGNIFICANCE = 0.05;

    public AuditComparison {
        differences = List.copyOf(differences);
        regressions = List.copyOf(regressions);
        improvements = List.copyOf(improvements);
        metrics = List.copyOf(metrics);
        onlyInBase = List.copyOf(onlyInBase);
        onlyInNew = List.copyOf(onlyInNew);
        settings = List.copyOf(settings);
        unpairedSettings = List.copyOf(unpairedSettings);
    }

    public AuditComparison withVerdict(Verdict v) {
        return new AuditComparison(schemaVersion, paired, pairing, base, candidate, differences, regressions, improvements, metrics,
                onlyInBase, onlyInNew, settings, unpairedSettings, v);
    }

    public AuditComparison withNewResultsSha256(String sha) {
        return new AuditComparison(schemaVersion, paired, pairing, base, candidate.withResultsSha256(sha), differences, regressions,
                improvements, metrics, onlyInBase, onlyInNew, settings, unpairedSettings, verdict);
    }

    public Optional<MetricDelta> metric(String name) {
        return metrics.stream().filter(m -> m.name().equals(name)).findFirst();
    }

    /** The regressions, largest change first. */
    public List<MetricDelta> regressionDeltas() {
        return regressions.stream().map(n -> metric(n).orElseThrow()).toList();
    }

    /** The improvements, largest change first. */
    public List<MetricDelta> improvementDeltas() {
        return improvements.stream().map(n -> metric(n).orElseThrow()).toList();
    }

    /** The differences that change what a delta means (settings, seed, data, software), not the model itself. */
    public List<SettingDifference> settingDifferences() {
        return differences.stream().filter(SettingDifference::affectsDeltas).toList();
    }

    /** The metrics grouped by family, families in name order. */
    public Map<String, List<MetricDelta>> families() {
        Map<String, List<MetricDelta>> out = new java.util.TreeMap<>();
        metrics.forEach(m -> out.computeIfAbsent(m.family(), k -> new ArrayList<>()).add(m));
        return new LinkedHashMap<>(out);
    }

    /** The comparison as the gate sees it: the numbers behind delta rules. */
    public Baseline asBaseline() {
        return new Baseline() {
            @Override
            public String description() {
                return base.results() + (base.resultsSha256() == null ? "" : " (results.json SHA-256 " + base.resultsSha256() + ")");
            }

            @Override
            public boolean knows(String name) {
                return metric(name).isPresent() || onlyInBase.contains(name) || onlyInNew.contains(name);
            }

            @Override
            public List<String> metricNames() {
                List<String> names = new ArrayList<>(metrics.stream().map(MetricDelta::name).toList());
                names.addAll(onlyInBase);
                names.addAll(onlyInNew);
                return names;
            }

            @Override
            public Measured measure(DeltaTerm term) {
                return AuditComparison.this.measure(term);
            }
        };
    }

    private Baseline.Measured measure(DeltaTerm term) {
        String name = term.metric();
        Optional<MetricDelta> found = metric(name);
        if (found.isEmpty()) {
            return Baseline.Measured.undecided(onlyInNew.contains(name)
                    ? "The baseline audit has no " + name + " (its probe did not run there), so " + term.name() + " cannot be measured."
                    : "The new audit has no " + name + " (its probe did not run), so " + term.name() + " cannot be measured.");
        }
        MetricDelta m = found.get();
        if (term.kind() == DeltaTerm.Kind.DELTA) {
            if (m.paired() != null) {
                PairedDelta p = m.paired();
                return Baseline.Measured.of(new Metric(term.name(), p.difference(), p.lower(), p.upper(), p.samples(),
                        "change of " + name + " on " + p.samples() + " paired samples, with its paired 95% interval"));
            }
            if (m.unpaired() != null) {
                UnpairedDelta u = m.unpaired();
                return Baseline.Measured.of(new Metric(term.name(), m.delta(), u.lower(), u.upper(),
                        Math.min(u.baseTrials(), u.newTrials()), "change of " + name + " between different data, with its unpaired 95% interval"));
            }
            return Baseline.Measured.of(new Metric(term.name(), m.delta(), null, null, null, "change of " + name));
        }
        if (m.outcome() == null) {
            throw new InputError("The rule on " + term.name() + " needs a per-sample proportion (an accuracy, robust accuracy, recall"
                    + " or flip rate), but " + name + " is not one; use delta(" + name + ") instead.");
        }
        if (m.paired() == null) {
            return Baseline.Measured.undecided("The two audits were of different data, so no sample of " + name
                    + " can be paired and " + term.name() + " cannot be counted.");
        }
        PairedDelta p = m.paired();
        boolean failures = term.kind() == DeltaTerm.Kind.NEW_FAILURES;
        int count = failures ? p.newlyWorse() : p.newlyBetter();
        return Baseline.Measured.of(new Metric(term.name(), count, null, null, p.samples(), "samples of " + name + " that got "
                + (failures ? "worse" : "better") + " against the baseline, of " + p.samples() + " paired"));
    }
}
