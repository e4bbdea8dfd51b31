package dev.vigil.core.compare;

import dev.vigil.core.InputError;
import dev.vigil.core.result.Metric;
import dev.vigil.core.stats.Holm;
import dev.vigil.core.stats.Interval;
import dev.vigil.core.stats.PairedTable;
import dev.vigil.core.stats.ProportionDifference;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares two audits. On the same data every per-sample proportion is compared sample by sample:
 * a paired 95% interval of its change (Newcombe's method 10), McNemar's exact test on the samples
 * that changed, and Holm's adjustment (over the overall proportions, and separately over the
 * per-class ones), which decides what counts as a regression or an improvement; and per setting the
 * samples that newly fail and newly pass. Audits of different
 * data are refused unless asked for, and then compared as independent samples.
 */
public final class Comparer {
    private Comparer() {
    }

    /**
     * @param allowDifferentData compare audits of different data (unpaired) instead of refusing
     * @throws InputError when the data differ and that is not allowed, or when a run's files do not match
     */
    public static AuditComparison compare(AuditRun base, AuditRun candidate, boolean allowDifferentData) {
        String baseData = base.results().provenance().datasetSha256();
        String newData = candidate.results().provenance().datasetSha256();
        boolean sameData = baseData != null && baseData.equals(newData);
        if (!sameData && !allowDifferentData) {
            throw new InputError("The two audits are of different data (dataset SHA-256 " + shortSha(baseData) + " in " + base.source()
                    + ", " + shortSha(newData) + " in " + candidate.source() + "), so their samples cannot be paired; audit both"
                    + " models on the same data, or pass --allow-different-data to compare them unpaired.");
        }
        SampleIndex index = new SampleIndex();
        Set<String> baseNames = names(base);
        Set<String> newNames = names(candidate);
        RunRows baseRows = RunRows.read(base.samplesCsv(), index, s -> RowMetricNames.accuracyName(s, baseNames).isPresent());
        RunRows newRows = RunRows.read(candidate.samplesCsv(), index, s -> RowMetricNames.accuracyName(s, newNames).isPresent());
        Map<String, RowMetric> baseLinked = RowMetricNames.link(base.results(), baseRows, index, Path.of(base.source()));
        Map<String, RowMetric> newLinked = RowMetricNames.link(candidate.results(), newRows, index, Path.of(candidate.source()));
        if (sameData) {
            checkLabels(baseRows, newRows, index, base.source(), candidate.source());
        }
        Set<String> probes = new TreeSet<>();
        baseRows.settings().keySet().forEach(s -> probes.add(s.probe()));
        newRows.settings().keySet().forEach(s -> probes.add(s.probe()));
        baseRows.skippedSettings().forEach(s -> probes.add(s.probe()));
        newRows.skippedSettings().forEach(s -> probes.add(s.probe()));

        Map<String, Metric> baseMetrics = byName(base);
        Map<String, Metric> newMetrics = byName(candidate);
        List<String> both = baseMetrics.keySet().stream().filter(newMetrics::containsKey).sorted().toList();
        List<String> onlyInBase = baseMetrics.keySet().stream().filter(n -> !newMetrics.containsKey(n)).sorted().toList();
        List<String> onlyInNew = newMetrics.keySet().stream().filter(n -> !baseMetrics.containsKey(n)).sorted().toList();

        Map<String, PairedTable> tables = new LinkedHashMap<>();
        for (String name : both) {
            RowMetric b = baseLinked.get(name);
            RowMetric n = newLinked.get(name);
            if (sameData && comparable(b, n)) {
                tables.put(name, table(b, baseRows, newRows, index));
            }
        }
        Map<String, Double> holm = new LinkedHashMap<>();
        holm.putAll(holm(tables, name -> baseLinked.get(name).className() == null));
        holm.putAll(holm(tables, name -> baseLinked.get(name).className() != null));

        List<MetricDelta> deltas = new ArrayList<>();
        for (String name : both) {
            deltas.add(delta(baseMetrics.get(name), newMetrics.get(name), baseLinked.get(name), newLinked.get(name), tables.get(name),
                    holm.get(name), family(name, baseLinked.get(name), probes)));
        }
        List<String> regressions = deltas.stream().filter(MetricDelta::regressed).sorted(byEffect()).map(MetricDelta::name).toList();
        List<String> improvements = deltas.stream().filter(MetricDelta::improved).sorted(byEffect()).map(MetricDelta::name).toList();

        List<SettingChanges> settings = sameData ? SampleChanges.of(baseLinked, newLinked, baseRows, newRows, index) : List.of();
        Set<String> unpaired = new TreeSet<>();
        baseRows.skippedSettings().forEach(s -> unpaired.add(s.label()));
        newRows.skippedSettings().forEach(s -> unpaired.add(s.label()));

        String pairing = sameData
                ? "Paired: both audits read the same data (dataset SHA-256 " + shortSha(baseData) + "), so every per-sample proportion is"
                        + " compared sample by sample."
                : "Unpaired: the audits read different data (dataset SHA-256 " + shortSha(baseData) + " and " + shortSha(newData)
                        + "), compared as independent samples because --allow-different-data was given; a change may come from the"
                        + " data rather than the model, and no per-sample changes or McNemar tests are given.";
        return new AuditComparison(AuditComparison.SCHEMA_VERSION, sameData, pairing, base.summary(), candidate.summary(),
                SettingsDiff.between(base.json(), candidate.json()), regressions, improvements, deltas, onlyInBase, onlyInNew, settings,
                List.copyOf(unpaired), null);
    }

    /**
     * Holm-adjusted McNemar p-values of the tables {@code member} selects. The overall proportions form one family and
     * the per-class proportions another, so that the many class-level tests do not drown a change of the headline metrics.
     */
    private static Map<String, Double> holm(Map<String, PairedTable> tables, java.util.function.Predicate<String> member) {
        List<String> names = tables.keySet().stream().filter(member).toList();
        double[] adjusted = Holm.adjust(names.stream().mapToDouble(n -> tables.get(n).mcnemarP()).toArray());
        Map<String, Double> out = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            out.put(names.get(i), adjusted[i]);
        }
        return out;
    }

    private static boolean comparable(RowMetric b, RowMetric n) {
        return b != null && n != null && b.setting().equals(n.setting()) && b.outcome() == n.outcome()
                && Objects.equals(b.className(), n.className());
    }

    /** The paired table of a row-backed metric over the samples both runs measured in its setting. */
    static PairedTable table(RowMetric m, RunRows baseRows, RunRows newRows, SampleIndex index) {
        SettingRows b = baseRows.setting(m.setting());
        SettingRows n = newRows.setting(m.setting());
        int label = m.className() == null ? -1 : index.classNumber(m.className());
        int both = 0;
        int baseOnly = 0;
        int newOnly = 0;
        int neither = 0;
        int span = Math.min(b.span(), n.span());
        for (int i = 0; i < span; i++) {
            if (!b.has(i) || !n.has(i) || (label >= 0 && baseRows.label(i) != label)) {
                continue;
            }
            boolean x = m.outcome() == Outcome.CORRECT ? b.correct(i) : b.flipped(i);
            boolean y = m.outcome() == Outcome.CORRECT ? n.correct(i) : n.flipped(i);
            if (x && y) {
                both++;
            } else if (x) {
                baseOnly++;
            } else if (y) {
                newOnly++;
            } else {
                neither++;
            }
        }
        return new PairedTable(both, baseOnly, newOnly, neither);
    }

    private static MetricDelta delta(Metric base, Metric fresh, RowMetric b, RowMetric n, PairedTable table, Double holmP,
                                     String family) {
        double delta = fresh.value() - base.value();
        String description = fresh.description() != null ? fresh.description() : base.description();
        if (!comparable(b, n)) {
            return new MetricDelta(base.name(), family, base.value(), fresh.value(), delta, base.count(), fresh.count(), null, null,
                    null, null, null, null, description);
        }
        boolean higherBetter = b.outcome().higherIsBetter();
        if (table != null) {
            Interval ci = table.interval();
            double d = table.difference();
            PairedDelta paired = new PairedDelta(table.samples(), table, d, ci.lower(), ci.upper(), table.mcnemarP(), holmP,
                    higherBetter ? table.baseOnly() : table.newOnly(), higherBetter ? table.newOnly() : table.baseOnly());
            Change change = holmP < AuditComparison.SIGNIFICANCE && d != 0 ? ((d > 0) == higherBetter ? Change.IMPROVEMENT : Change.REGRESSION)
                    : Change.NONE;
            return new MetricDelta(base.name(), family, base.value(), fresh.value(), delta, base.count(), fresh.count(), b.outcome(),
                    b.setting().label(), b.className(), paired, null, change, description);
        }
        Interval ci = ProportionDifference.independent(b.yes(), b.trials(), n.yes(), n.trials());
        UnpairedDelta unpaired = new UnpairedDelta(b.yes(), b.trials(), n.yes(), n.trials(), ci.lower(), ci.upper());
        Change change = ci.lower() > 0 ? (higherBetter ? Change.IMPROVEMENT : Change.REGRESSION)
                : ci.upper() < 0 ? (higherBetter ? Change.REGRESSION : Change.IMPROVEMENT) : Change.NONE;
        return new MetricDelta(base.name(), family, base.value(), fresh.value(), delta, base.count(), fresh.count(), b.outcome(),
                b.setting().label(), b.className(), null, unpaired, change, description);
    }

    /** Largest changes first. */
    private static Comparator<MetricDelta> byEffect() {
        return Comparator.comparingDouble((MetricDelta m) -> -Math.abs(m.delta())).thenComparing(MetricDelta::name);
    }

    /** The row probe the metric belongs to: its own setting's, else the longest probe its name starts with, else its first part. */
    static String family(String name, RowMetric linked, Set<String> probes) {
        if (linked != null) {
            return linked.setting().probe();
        }
        String best = null;
        for (String probe : probes) {
            if (name.startsWith(probe + ".") && (best == null || probe.length() > best.length())) {
                best = probe;
            }
        }
        if (best != null) {
            return best;
        }
        int dot = name.indexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    private static void checkLabels(RunRows baseRows, RunRows newRows, SampleIndex index, String baseSource, String newSource) {
        for (int i = 0; i < index.sampleCount(); i++) {
            int a = baseRows.label(i);
            int b = newRows.label(i);
            if (a >= 0 && b >= 0 && a != b) {
                throw new InputError("Sample " + index.sampleId(i) + " is labelled " + index.className(a) + " in " + baseSource + " but "
                        + index.className(b) + " in " + newSource + ": the audits read the same files with different labels (a"
                        + " different --labels file or CSV manifest), so their results cannot be paired.");
            }
        }
    }

    private static Set<String> names(AuditRun run) {
        Set<String> out = new java.util.HashSet<>();
        run.results().metrics().forEach(m -> out.add(m.name()));
        return out;
    }

    private static Map<String, Metric> byName(AuditRun run) {
        Map<String, Metric> out = new LinkedHashMap<>();
        run.results().metrics().forEach(m -> out.put(m.name(), m));
        return out;
    }

    static String shortSha(String sha) {
        return sha == null ? "none" : sha.length() > 12 ? sha.substring(0, 12) + "…" : sha;
    }
}
