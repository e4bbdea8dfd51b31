package dev.vigil.reports;

import dev.vigil.core.policy.RuleOutcome;
import dev.vigil.core.policy.Verdict;
import dev.vigil.core.result.AuditResults;
import dev.vigil.core.result.Chart;
import dev.vigil.core.result.ChartSeries;
import dev.vigil.core.result.Metric;
import dev.vigil.core.result.Section;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Page one of the report, "the audit at a glance": one row per probe family with its headline number,
 * interval, sample count and policy status, and the data for one compact figure. Every row is derived
 * from the metric names of results.json (README.md, docs/results-schema.md), never from a list of
 * probes, so a new attack that names its metrics {@code <attack>.<norm>.eps=<ε>.robust_accuracy}
 * or a new drift family {@code drift.<family>.<setting>.accuracy_drop} gets its row by itself.
 */
public final class Glance {
    /**
     * One headline.
     *
     * @param metric     the headline metric, or null for a row that summarises several (explanations)
     * @param result     the headline in words when there is no single metric, else ""
     * @param note       a second line: the comparison that gives the number its meaning
     * @param statusKind pass, fail, warn, inconclusive or none (no policy rule names this family)
     * @param status     the status in words and a symbol
     * @param gatedBy    the rule behind the status when it gates another number than the headline ("rule on
     *                   drift.rotation.15.accuracy_drop ≤ 0.1"), so that a pass is never read as the headline's; "" otherwise
     * @param anchor     the id of the report section with the detail, or ""
     */
    public record Row(String probe, String measure, Metric metric, String result, String note, String statusKind, String status,
                      String gatedBy, String anchor) {
    }

    private static final String ROBUST = ".robust_accuracy";
    private static final String EPS = ".eps=";
    private static final String DROP = ".accuracy_drop";

    private final List<Row> rows;
    private final List<Chart> charts;

    private Glance(List<Row> rows, List<Chart> charts) {
        this.rows = List.copyOf(rows);
        this.charts = List.copyOf(charts);
    }

    public List<Row> rows() {
        return rows;
    }

    /** Robust accuracy against ε (one norm, every attack) and accuracy against rotation angle, where measured. */
    public List<Chart> charts() {
        return charts;
    }

    public static Glance of(AuditResults results) {
        Map<String, Metric> metrics = new LinkedHashMap<>();
        results.metrics().forEach(m -> metrics.put(m.name(), m));
        List<Row> rows = new ArrayList<>();
        List<Chart> charts = new ArrayList<>();
        Verdict verdict = results.verdict();
        Metric clean = metrics.get("clean.accuracy");
        if (clean != null) {
            rows.add(row("Clean performance", "accuracy on the unchanged images", clean, "", "", "clean.", verdict, results));
        }
        List<AttackScope> scopes = attackScopes(results.metrics());
        for (AttackScope scope : scopes) {
            rows.add(attackRow(scope, verdict, results));
        }
        attackChart(scopes, clean).ifPresent(charts::add);
        List<Map.Entry<String, List<Metric>>> families = new ArrayList<>(driftFamilies(results.metrics()).entrySet());
        // in the order of the report's sections (rotation, grayscale, corruptions), not of the sorted metric names
        families.sort(Comparator.comparingInt(f -> sectionIndex(results, "drift-" + f.getKey())));
        for (Map.Entry<String, List<Metric>> family : families) {
            rows.add(driftRow(family.getKey(), family.getValue(), metrics, verdict, results));
        }
        rotationChart(results.metrics(), clean).ifPresent(charts::add);
        explainRow(metrics, verdict, results).ifPresent(rows::add);
        return new Glance(rows, charts);
    }

    // ---- attacks: <attack>.<norm>[.target=T].eps=<ε>.robust_accuracy

    /** One attack in one norm (and targeting), with its robust accuracy at every ε, in ε order. */
    record AttackScope(String prefix, String attack, String norm, String target, TreeMap<Double, Metric> byEpsilon,
                       Map<Double, String> epsilonText) {
        String title() {
            return attack.toUpperCase(Locale.ROOT) + " " + normSymbol(norm) + (target.isEmpty() ? "" : " (" + target.replace('=', ' ') + ")");
        }
    }

    /** A point of an attack sweep, parsed from a metric name; empty for per-class and other metrics. */
    record AttackPoint(String prefix, String attack, String norm, String target, String epsilon, double epsilonValue) {
        static Optional<AttackPoint> parse(String name) {
            if (!name.endsWith(ROBUST) || name.startsWith("drift.") || name.startsWith("explain.") || name.startsWith("clean.")) {
                return Optional.empty();
            }
            int e = name.indexOf(EPS);
            if (e <= 0) {
                return Optional.empty();
            }
            String epsilon = name.substring(e + EPS.length(), name.length() - ROBUST.length());
            Double value = Glance.epsilonValue(epsilon);
            String prefix = name.substring(0, e);
            int dot = prefix.indexOf('.');
            if (value == null || dot <= 0) {
                return Optional.empty();
            }
            String attack = prefix.substring(0, dot);
            String rest = prefix.substring(dot + 1);
            int next = rest.indexOf('.');
            String norm = next < 0 ? rest : rest.substring(0, next);
            String target = next < 0 ? "" : rest.substring(next + 1);
            return norm.isEmpty() ? Optional.empty() : Optional.of(new AttackPoint(prefix, attack, norm, target, epsilon, value));
        }
    }

    /** "8/255" → 0.0314, "0.5" → 0.5; null for anything else (a per-class name, say). */
    static Double epsilonValue(String text) {
        try {
            int slash = text.indexOf('/');
            if (slash > 0) {
                return Double.parseDouble(text.substring(0, slash)) / Double.parseDouble(text.substring(slash + 1));
            }
            return text.matches("[0-9.eE+-]+") ? Double.parseDouble(text) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String normSymbol(String norm) {
        return switch (norm) {
            case "linf" -> "L∞";
            case "l2" -> "L2";
            case "l1" -> "L1";
            case "l0" -> "L0";
            default -> norm;
        };
    }

    private static int normOrder(String norm) {
        return switch (norm) {
            case "linf" -> 0;
            case "l2" -> 1;
            case "l1" -> 2;
            case "l0" -> 3;
            default -> 4;
        };
    }

    static List<AttackScope> attackScopes(List<Metric> metrics) {
        Map<String, AttackScope> scopes = new LinkedHashMap<>();
        for (Metric m : metrics) {
            AttackPoint.parse(m.name()).ifPresent(p -> {
                AttackScope s = scopes.computeIfAbsent(p.prefix(),
                        k -> new AttackScope(p.prefix(), p.attack(), p.norm(), p.target(), new TreeMap<>(), new LinkedHashMap<>()));
                s.byEpsilon().put(p.epsilonValue(), m);
                s.epsilonText().put(p.epsilonValue(), p.epsilon());
            });
        }
        List<AttackScope> out = new ArrayList<>(scopes.values());
        List<String> attacks = out.stream().map(AttackScope::attack).distinct().toList();
        out.sort(Comparator.comparingInt((AttackScope s) -> normOrder(s.norm())).thenComparing(AttackScope::norm)
                .thenComparingInt(s -> attackOrder(s.attack(), attacks)).thenComparing(AttackScope::target));
        return out;
    }

    /** FGSM, then PGD, then any other attack in name order: the cheap estimate above the strong ones. */
    private static int attackOrder(String attack, List<String> attacks) {
        return switch (attack) {
            case "fgsm" -> 0;
            case "pgd" -> 1;
            default -> 2 + attacks.stream().sorted().toList().indexOf(attack);
        };
    }

    private static Row attackRow(AttackScope scope, Verdict verdict, AuditResults results) {
        String chosen = null;
        String why = "the largest ε of the sweep";
        if (verdict != null) {
            for (RuleOutcome o : verdict.rules()) {
                Optional<AttackPoint> p = AttackPoint.parse(o.rule().metric());
                if (p.isPresent() && p.get().prefix().equals(scope.prefix()) && scope.byEpsilon().containsKey(p.get().epsilonValue())) {
                    chosen = p.get().epsilon();
                    why = "the ε of the policy's rule";
                    break;
                }
            }
            if (chosen == null) {
                for (RuleOutcome o : verdict.rules()) {
                    Optional<AttackPoint> p = AttackPoint.parse(o.rule().metric());
                    if (p.isPresent() && p.get().norm().equals(scope.norm()) && scope.byEpsilon().containsKey(p.get().epsilonValue())) {
                        chosen = p.get().epsilon();
                        why = "the ε of the policy's " + normSymbol(scope.norm()) + " rule";
                        break;
                    }
                }
            }
        }
        double eps = chosen == null ? scope.byEpsilon().lastKey() : epsilonValue(chosen);
        Metric m = scope.byEpsilon().get(eps);
        String measure = "robust accuracy at ε = " + scope.epsilonText().get(eps) + " (" + why + ")";
        String note = scope.byEpsilon().size() > 1 ? "swept ε " + String.join(", ", scope.epsilonText().values()) : "";
        return row(scope.title(), measure, m, "", note, scope.prefix() + ".", verdict, results);
    }

    private static Optional<Chart> attackChart(List<AttackScope> scopes, Metric clean) {
        if (scopes.isEmpty()) {
            return Optional.empty();
        }
        String norm = scopes.get(0).norm();
        List<AttackScope> shown = scopes.stream().filter(s -> s.norm().equals(norm) && s.target().isEmpty()).toList();
        if (shown.isEmpty()) {
            shown = List.of(scopes.get(0));
        }
        TreeMap<Double, String> xs = new TreeMap<>();
        shown.forEach(s -> xs.putAll(s.epsilonText()));
        boolean zero = clean != null && xs.firstKey() > 0;
        List<String> x = new ArrayList<>();
        if (zero) {
            x.add("0");
        }
        x.addAll(xs.values());
        List<ChartSeries> series = new ArrayList<>();
        for (AttackScope s : shown) {
            List<Double> y = new ArrayList<>();
            List<Double> lo = new ArrayList<>();
            List<Double> hi = new ArrayList<>();
            if (zero) {
                add(clean, y, lo, hi);
            }
            for (Double e : xs.keySet()) {
                add(s.byEpsilon().get(e), y, lo, hi);
            }
            series.add(new ChartSeries(s.title(), y, lo, hi));
        }
        return Optional.of(new Chart("Robust accuracy vs ε (" + normSymbol(norm) + ")", "line", "ε (" + normSymbol(norm) + ", pixel units)",
                "robust accuracy", x, series));
    }

    /** A chart point; NaN (drawn as a gap) where the sweep has no such ε, or the metric no interval. */
    private static void add(Metric m, List<Double> y, List<Double> lo, List<Double> hi) {
        y.add(m == null ? Double.NaN : m.value());
        lo.add(m == null || m.lower() == null ? Double.NaN : m.lower());
        hi.add(m == null || m.upper() == null ? Double.NaN : m.upper());
    }

    // ---- drift: drift.<family>[.<setting>].accuracy_drop beside .accuracy

    /** Each drift family's accuracy-drop metrics, one per setting, per-class and summary settings left out. */
    static Map<String, List<Metric>> driftFamilies(List<Metric> metrics) {
        Map<String, List<Metric>> out = new LinkedHashMap<>();
        for (Metric m : metrics) {
            String n = m.name();
            if (!n.startsWith("drift.") || !n.endsWith(DROP) || n.contains(".class.") || n.contains(".worst_of_k.")) {
                continue;
            }
            String rest = n.substring("drift.".length(), n.length() - DROP.length());
            int dot = rest.indexOf('.');
            out.computeIfAbsent(dot < 0 ? rest : rest.substring(0, dot), f -> new ArrayList<>()).add(m);
        }
        return out;
    }

    private static Row driftRow(String family, List<Metric> drops, Map<String, Metric> metrics, Verdict verdict, AuditResults results) {
        Metric worst = drops.get(0);
        for (Metric m : drops) {
            if (!Double.isNaN(m.value()) && (Double.isNaN(worst.value()) || m.value() > worst.value())) {
                worst = m;
            }
        }
        String base = worst.name().substring(0, worst.name().length() - DROP.length());
        String setting = base.length() > ("drift." + family).length() ? base.substring(("drift." + family + ".").length()) : "";
        Metric accuracy = metrics.getOrDefault(base + ".accuracy", worst);
        Section section = section(results, "drift-" + family);
        String probe = section != null ? section.title() : "Drift: " + family;
        String measure = drops.size() == 1 ? "accuracy, changed images" + (setting.isEmpty() ? "" : " (" + settingText(family, setting) + ")")
                : "accuracy at the worst of " + drops.size() + " settings: " + settingText(family, setting);
        String note = (worst.value() >= 0 ? "−" : "+") + ReportFormat.fourDecimals(Math.abs(worst.value())) + " against clean on the same images";
        return row(probe, measure, accuracy, "", note, "drift." + family + ".", verdict, results);
    }

    /** A setting in words: rotation angles in degrees, "name.3" as "name, severity 3", anything else as named. */
    static String settingText(String family, String setting) {
        if (family.equals("rotation") && epsilonValue(setting.replace("-", "")) != null) {
            return setting.replace("-", "−") + "°";
        }
        int dot = setting.lastIndexOf('.');
        if (dot > 0 && setting.substring(dot + 1).matches("[0-9]+")) {
            return setting.substring(0, dot) + ", severity " + setting.substring(dot + 1);
        }
        return setting;
    }

    private static Optional<Chart> rotationChart(List<Metric> metrics, Metric clean) {
        TreeMap<Double, Metric> byAngle = new TreeMap<>();
        Map<Double, String> text = new LinkedHashMap<>();
        for (Metric m : metrics) {
            String n = m.name();
            if (n.startsWith("drift.rotation.") && n.endsWith(".accuracy") && !n.contains(".class.")) {
                String angle = n.substring("drift.rotation.".length(), n.length() - ".accuracy".length());
                try {
                    double a = Double.parseDouble(angle);
                    byAngle.put(a, m);
                    text.put(a, angle);
                } catch (NumberFormatException e) {
                    // worst_of_k and other summaries are not angles
                }
            }
        }
        if (byAngle.isEmpty()) {
            return Optional.empty();
        }
        if (clean != null && !byAngle.containsKey(0.0)) {
            byAngle.put(0.0, clean);
            text.put(0.0, "0");
        }
        List<Double> y = new ArrayList<>();
        List<Double> lo = new ArrayList<>();
        List<Double> hi = new ArrayList<>();
        List<String> x = new ArrayList<>();
        byAngle.forEach((a, m) -> {
            x.add(text.get(a));
            add(m, y, lo, hi);
        });
        return Optional.of(new Chart("Accuracy vs rotation angle (0 = unchanged)", "line", "angle (degrees, counter-clockwise)", "accuracy",
                x, List.of(new ChartSeries("accuracy", y, lo, hi))));
    }

    // ---- explanations: explain.<method>.<check>

    private static Optional<Row> explainRow(Map<String, Metric> metrics, Verdict verdict, AuditResults results) {
        if (metrics.keySet().stream().noneMatch(n -> n.startsWith("explain."))) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        Metric gap = metrics.get("explain.ig.completeness_gap");
        if (gap != null) {
            parts.add("Integrated Gradients completeness gap " + ReportFormat.fourDecimals(gap.value()));
        }
        Optional<String> faithful = moreFaithfulThanRandom(metrics);
        if (faithful.isPresent()) {
            parts.add(faithful.get());
        } else {
            beatsRandom(metrics, "deletion_auc", true).ifPresent(parts::add);
            beatsRandom(metrics, "insertion_auc", false).ifPresent(parts::add);
        }
        double rho = Double.NEGATIVE_INFINITY;
        String rhoMethod = "";
        for (Metric m : metrics.values()) {
            String n = m.name();
            if (n.startsWith("explain.") && n.endsWith(".randomization.spearman") && !Double.isNaN(m.value()) && m.value() > rho) {
                rho = m.value();
                rhoMethod = n.substring("explain.".length(), n.length() - ".randomization.spearman".length());
            }
        }
        if (rhoMethod.length() > 0) {
            parts.add("after randomizing the model, maps still correlate at most ρ = " + String.format(Locale.ROOT, "%.2f", rho) + " (" + rhoMethod + ")");
        }
        long flagged = results.findings().stream().filter(f -> f.id().startsWith("explain")).count();
        String result = flagged == 0 ? "no red flag" : flagged + (flagged == 1 ? " red flag" : " red flags");
        Section section = section(results, "explain");
        return Optional.of(row(section != null ? section.title() : "Explanations", "quality checks of the attributions", null, result,
                parts.isEmpty() ? "" : String.join("; ", parts), "explain.", verdict, results));
    }

    /**
     * "4 of 5 methods are more faithful than a random map", from explain.<m>.faithfulness.gain_over_random: a
     * method counts when the 95% interval of its paired gain over the random control lies above 0.
     */
    private static Optional<String> moreFaithfulThanRandom(Map<String, Metric> metrics) {
        String suffix = ".faithfulness.gain_over_random";
        int methods = 0;
        int better = 0;
        for (Metric m : metrics.values()) {
            if (m.name().startsWith("explain.") && m.name().endsWith(suffix)) {
                methods++;
                better += m.lower() != null && m.lower() > 0 ? 1 : 0;
            }
        }
        return methods == 0 ? Optional.empty()
                : Optional.of(better + " of " + methods + " methods significantly more faithful than a random map");
    }

    /** Results without faithfulness gains: "4 of 5 methods beat the random order on deletion AUC", from explain.<m>.<auc> and explain.random_order.<auc>. */
    private static Optional<String> beatsRandom(Map<String, Metric> metrics, String auc, boolean lowerIsBetter) {
        Metric random = metrics.get("explain.random_order." + auc);
        if (random == null) {
            return Optional.empty();
        }
        int methods = 0;
        int beat = 0;
        for (Metric m : metrics.values()) {
            String n = m.name();
            if (n.startsWith("explain.") && n.endsWith("." + auc) && !n.equals(random.name()) && n.split("\\.").length == 3) {
                methods++;
                if (lowerIsBetter ? m.value() < random.value() : m.value() > random.value()) {
                    beat++;
                }
            }
        }
        String what = auc.startsWith("deletion") ? "deletion" : "insertion";
        return methods == 0 ? Optional.empty() : Optional.of(beat + " of " + methods + " methods beat a random pixel order on " + what);
    }

    // ---- shared

    private static Row row(String probe, String measure, Metric m, String result, String note, String scope, Verdict verdict,
                           AuditResults results) {
        String kind = "none";
        String status = "not gated";
        String gatedBy = "";
        if (verdict != null) {
            List<RuleOutcome> rules = verdict.rules().stream().filter(o -> o.rule().metric().startsWith(scope)).toList();
            RuleOutcome worst = null;
            for (RuleOutcome o : rules) {
                if (worst == null || rank(StatusLabels.kind(o)) > rank(StatusLabels.kind(worst))) {
                    worst = o;
                }
            }
            if (worst != null) {
                kind = StatusLabels.kind(worst);
                status = StatusLabels.label(worst) + (rules.size() == 1 ? "" : " (worst of " + rules.size() + " rules)");
                if (m == null || !worst.rule().metric().equals(m.name())) {
                    gatedBy = "rule on " + worst.rule().metric() + " " + new ReportFormat().condition(worst.rule());
                }
            }
        }
        Section section = section(results, scope.substring(0, scope.length() - 1).replace('.', '-'));
        return new Row(probe, measure, m, result, note, kind, status, gatedBy, section == null ? "" : "section-" + section.id());
    }

    private static int rank(String kind) {
        return switch (kind) {
            case "fail" -> 4;
            case "warn" -> 3;
            case "waived" -> 2;
            case "inconclusive" -> 1;
            default -> 0;
        };
    }

    private static int sectionIndex(AuditResults results, String id) {
        Section s = section(results, id);
        return s == null ? Integer.MAX_VALUE : results.sections().indexOf(s);
    }

    /** The section whose id is {@code id}, or failing that the first whose id starts with it ("drift-corruption" finds "drift-corruptions"). */
    private static Section section(AuditResults results, String id) {
        for (Section s : results.sections()) {
            if (s.id().equals(id)) {
                return s;
            }
        }
        for (Section s : results.sections()) {
            if (s.id().startsWith(id)) {
                return s;
            }
        }
        int dash = id.indexOf('-');
        if (dash > 0) {
            for (Section s : results.sections()) {
                if (s.id().equals(id.substring(0, dash))) {
                    return s;
                }
            }
        }
        return null;
    }
}
