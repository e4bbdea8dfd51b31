package dev.vigil.cli;

import dev.vigil.core.policy.RuleOutcome;
import dev.vigil.core.policy.Verdict;
import dev.vigil.reports.StatusLabels;
import java.io.PrintStream;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Prints a verdict on the console: failing rules first, each with how far it missed, then the verdict line. */
final class VerdictPrinter {
    private static final Map<String, Integer> ORDER = Map.of("fail", 0, "warn", 1, "waived", 2, "inconclusive", 3, "pass", 4);

    private VerdictPrinter() {
    }

    static void print(Verdict v, PrintStream out) {
        out.println("Policy \"" + v.policy() + "\" (" + v.policySource() + "), " + v.rules().size() + " rules:");
        List<RuleOutcome> sorted = v.rules().stream()
                .sorted(Comparator.comparingInt(o -> ORDER.getOrDefault(StatusLabels.kind(o), 4))).toList();
        for (RuleOutcome o : sorted) {
            out.println("  " + StatusLabels.label(o).toUpperCase(java.util.Locale.ROOT) + "  " + o.rule().text()
                    + (o.rule().severity() == dev.vigil.core.policy.Severity.WARNING ? " [warning]" : "") + ": " + o.reason());
        }
        out.println("Verdict: " + StatusLabels.symbol(v.status()) + " " + StatusLabels.headline(v) + " — " + StatusLabels.sentence(v));
    }
}
