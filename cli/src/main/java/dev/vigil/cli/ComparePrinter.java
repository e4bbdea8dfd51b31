package dev.vigil.cli;

import dev.vigil.core.compare.AuditComparison;
import dev.vigil.core.compare.MetricDelta;
import dev.vigil.core.compare.SettingDifference;
import dev.vigil.reports.CompareFormat;
import java.io.PrintStream;
import java.util.List;

/** Prints a comparison on the console: how it paired, settings that differ, then regressions and improvements. */
final class ComparePrinter {
    /** Lines per list; compare.html has the rest. */
    static final int SHOWN = 10;

    private ComparePrinter() {
    }

    static void print(AuditComparison c, PrintStream out) {
        CompareFormat fmt = new CompareFormat();
        out.println("Compared " + c.candidate().model() + " (" + c.candidate().results() + ") against " + c.base().model() + " ("
                + c.base().results() + ").");
        out.println(c.pairing());
        List<SettingDifference> differ = c.settingDifferences();
        if (!differ.isEmpty()) {
            out.println("Settings differ, so a change is not (only) a change of the model:");
            differ.stream().limit(SHOWN).forEach(d -> out.println("  " + d.group() + ": " + d.key() + ": " + fmt.text(d.base()) + " -> "
                    + fmt.text(d.candidate())));
            if (differ.size() > SHOWN) {
                out.println("  ... and " + (differ.size() - SHOWN) + " more (compare.html)");
            }
        }
        list(out, "Regressions", c.regressionDeltas(), fmt);
        list(out, "Improvements", c.improvementDeltas(), fmt);
    }

    private static void list(PrintStream out, String title, List<MetricDelta> rows, CompareFormat fmt) {
        List<MetricDelta> sorted = rows;
        out.println(title + ": " + (sorted.isEmpty() ? "none" : sorted.size()));
        for (MetricDelta m : sorted.stream().limit(SHOWN).toList()) {
            out.println("  " + fmt.label(m) + "  " + m.name() + ": " + fmt.number(m.base()) + " -> " + fmt.number(m.candidate()) + " ("
                    + fmt.signed(m.delta()) + " " + fmt.interval(m) + ")" + (m.paired() == null ? ""
                    : ", " + m.paired().newlyWorse() + " worse / " + m.paired().newlyBetter() + " better, Holm p " + fmt.p(m.paired().holmP())));
        }
        if (sorted.size() > SHOWN) {
            out.println("  ... and " + (sorted.size() - SHOWN) + " more (compare.html)");
        }
    }
}
