package dev.vigil.reports;

import dev.vigil.core.policy.RuleOutcome;
import dev.vigil.core.policy.Verdict;
import dev.vigil.core.result.AuditResults;
import dev.vigil.core.result.Finding;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * summary.md: the verdict in a few lines of GitHub-flavoured Markdown, for CI job summaries and
 * pull-request comments. Failing rules come first; user-supplied text is escaped so that a class or
 * file name cannot inject Markdown or HTML.
 */
public final class SummaryMarkdown {
    private static final Map<String, Integer> ORDER = Map.of("fail", 0, "warn", 1, "waived", 2, "inconclusive", 3, "pass", 4);

    private SummaryMarkdown() {
    }

    public static void write(AuditResults results, String resultsSha256, Path file) throws IOException {
        dev.vigil.core.result.AtomicFiles.writeString(file, render(results, resultsSha256));
    }

    public static String render(AuditResults results, String resultsSha256) {
        ReportFormat fmt = new ReportFormat();
        Verdict v = results.verdict();
        StringBuilder md = new StringBuilder();
        if (results.isInterrupted()) {
            md.append("## ✖ Vigil audit: INTERRUPTED\n\nThe audit was stopped before it finished: these results hold only the probes"
                    + " that finished, and no verdict was evaluated. Run the audit again to completion.\n\n");
        } else if (v == null) {
            md.append("## Vigil audit: no verdict\n\nNo policy was evaluated for these results.\n\n");
        } else {
            md.append("## ").append(dev.vigil.reports.StatusLabels.symbol(v.status())).append(" Vigil audit: ")
                    .append(StatusLabels.headline(v)).append("\n\n").append(text(StatusLabels.sentence(v))).append("\n\n");
        }
        md.append("**Model** ").append(code(results.model().file())).append(" · **data** ").append(results.dataset().samplesRead())
                .append(" images in ").append(results.dataset().classNames().size()).append(" classes");
        if (v != null) {
            md.append(" · **policy** ").append(text(v.policy()));
            if (v.baseline() != null) {
                md.append(" · **baseline** ").append(code(v.baseline()));
            }
        }
        results.metric("clean.accuracy").ifPresent(m -> md.append(" · **clean accuracy** ").append(fmt.value(m))
                .append(m.hasInterval() ? " " + fmt.interval(m) : ""));
        md.append("\n\n");
        if (v != null && !v.rules().isEmpty()) {
            md.append("| result | rule | measured [95% interval], n | margin | why |\n| --- | --- | --- | ---: | --- |\n");
            List<RuleOutcome> sorted = v.rules().stream()
                    .sorted(Comparator.comparingInt(o -> ORDER.getOrDefault(StatusLabels.kind(o), 5))).toList();
            for (RuleOutcome o : sorted) {
                md.append("| ").append(StatusLabels.label(o)).append(" | ").append(code(o.rule().metric()))
                        .append(o.rule().bound() == dev.vigil.core.policy.Bound.VALUE ? "" : " (" + o.rule().bound().word() + " bound)")
                        .append(' ').append(text(fmt.condition(o.rule()))).append(o.rule().severity() == dev.vigil.core.policy.Severity.WARNING ? " *(warning)*" : "")
                        .append(" | ").append(text(fmt.measured(o))).append(" | ").append(text(fmt.margin(o)))
                        .append(" | ").append(text(o.reason())).append(" |\n");
            }
            md.append('\n');
        }
        List<Finding> findings = results.findings();
        if (!findings.isEmpty()) {
            md.append("**Red flags (").append(findings.size()).append("):** ");
            md.append(String.join("; ", findings.stream().map(f -> (Finding.ERROR.equals(f.severity()) ? "✖ " : "⚠ ") + text(f.title())).toList())).append("\n\n");
        }
        md.append("<sub>Vigil ").append(text(results.provenance().vigilVersion())).append(" · results.json SHA-256 ")
                .append(code(resultsSha256)).append(" · the full report is index.html</sub>\n");
        return md.toString();
    }

    /** Plain text safe in a table cell: Markdown punctuation and HTML escaped, no line breaks. */
    static String text(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.replaceAll("[\\r\\n]+", " ").toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '|' -> b.append("\\|");
                case '\\', '`', '*', '_', '[', ']', '#', '~', '!' -> b.append('\\').append(c);
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** A code span that holds any text: fenced by more backticks than it contains; '|' escaped for tables. */
    static String code(String s) {
        String body = s.replaceAll("[\\r\\n]+", " ").replace("|", "\\|");
        int run = 0;
        int longest = 0;
        for (char c : body.toCharArray()) {
            run = c == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(longest + 1);
        String pad = body.startsWith("`") || body.endsWith("`") ? " " : "";
        return fence + pad + body + pad + fence;
    }
}
