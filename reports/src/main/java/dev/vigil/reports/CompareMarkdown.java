package dev.vigil.reports;

import dev.vigil.core.compare.AuditComparison;
import dev.vigil.core.compare.MetricDelta;
import dev.vigil.core.compare.SettingDifference;
import dev.vigil.core.policy.Status;
import dev.vigil.core.policy.Verdict;
import java.util.List;

/**
 * compare.md: the comparison in a few lines of GitHub-flavoured Markdown for a pull-request comment:
 * regressions and improvements, settings that differ, and the gate when a policy was given.
 * User-supplied text is escaped as in summary.md.
 */
public final class CompareMarkdown {
    /** Rows of the regression and improvement tables; the rest are counted. */
    static final int MAX_ROWS = 15;

    private CompareMarkdown() {
    }

    public static String render(AuditComparison c) {
        CompareFormat fmt = new CompareFormat();
        List<MetricDelta> regressions = c.regressionDeltas();
        List<MetricDelta> improvements = c.improvementDeltas();
        StringBuilder md = new StringBuilder("## ");
        if (!regressions.isEmpty()) {
            md.append("▼ Vigil compare: ").append(count(regressions.size(), "regression"));
            if (!improvements.isEmpty()) {
                md.append(", ").append(count(improvements.size(), "improvement"));
            }
        } else if (!improvements.isEmpty()) {
            md.append("▲ Vigil compare: ").append(count(improvements.size(), "improvement")).append(", no regression");
        } else {
            md.append("= Vigil compare: no significant change");
        }
        md.append("\n\n**new** ").append(SummaryMarkdown.code(c.candidate().model())).append(" against **base** ")
                .append(SummaryMarkdown.code(c.base().model())).append(" · ").append(SummaryMarkdown.text(c.pairing())).append("\n\n");
        List<SettingDifference> differ = c.settingDifferences();
        if (!differ.isEmpty()) {
            md.append("> ⚠ **The audits were not made the same way**, so a change is not (only) a change of the model: ");
            md.append(String.join("; ", differ.stream().limit(8).map(d -> SummaryMarkdown.text(d.key()) + " "
                    + SummaryMarkdown.code(fmt.text(d.base())) + " → " + SummaryMarkdown.code(fmt.text(d.candidate()))).toList()));
            if (differ.size() > 8) {
                md.append("; and ").append(differ.size() - 8).append(" more (compare.html)");
            }
            md.append(".\n\n");
        }
        Verdict v = c.verdict();
        if (v != null) {
            md.append("**Gate** (policy ").append(SummaryMarkdown.text(v.policy())).append("): ").append(StatusLabels.symbol(v.status()))
                    .append(' ').append(StatusLabels.headline(v)).append(" — ").append(SummaryMarkdown.text(StatusLabels.sentence(v)))
                    .append("\n\n");
            List<dev.vigil.core.policy.RuleOutcome> notable = v.rules().stream()
                    .filter(o -> o.status() == Status.FAIL || o.status() == Status.WAIVED).toList();
            for (var o : notable) {
                md.append("- ").append(StatusLabels.label(o)).append(' ').append(SummaryMarkdown.code(o.rule().text())).append(": ")
                        .append(SummaryMarkdown.text(o.reason())).append('\n');
            }
            if (!notable.isEmpty()) {
                md.append('\n');
            }
        }
        table(md, "Regressions", regressions, fmt);
        table(md, "Improvements", improvements, fmt);
        md.append("<sub>Significant: McNemar p < 0.05 after Holm's adjustment over the ")
                .append(c.metrics().stream().filter(m -> m.paired() != null && m.className() == null).count())
                .append(" overall paired proportions (per-class ones apart); intervals are Newcombe's paired 95% intervals of new − base."
                        + " The full comparison is compare.html.</sub>\n");
        return md.toString();
    }

    private static void table(StringBuilder md, String title, List<MetricDelta> rows, CompareFormat fmt) {
        if (rows.isEmpty()) {
            return;
        }
        md.append("**").append(title).append("**\n\n| metric | base | new | change [95% interval] | worse / better | p (Holm) |\n")
                .append("| --- | ---: | ---: | ---: | ---: | ---: |\n");
        for (MetricDelta m : rows.stream().limit(MAX_ROWS).toList()) {
            md.append("| ").append(SummaryMarkdown.code(m.name())).append(" | ").append(fmt.number(m.base())).append(" | ")
                    .append(fmt.number(m.candidate())).append(" | ").append(fmt.signed(m.delta())).append(' ')
                    .append(fmt.interval(m)).append(" | ").append(fmt.moves(m)).append(" | ")
                    .append(m.paired() == null ? "" : fmt.p(m.paired().holmP())).append(" |\n");
        }
        if (rows.size() > MAX_ROWS) {
            md.append("\n…and ").append(rows.size() - MAX_ROWS).append(" more in compare.html.\n");
        }
        md.append('\n');
    }

    private static String count(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
