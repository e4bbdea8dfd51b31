package dev.vigil.cli;

import dev.vigil.core.policy.Gate;
import dev.vigil.core.result.AuditResults;
import dev.vigil.core.result.ResultsJson;
import dev.vigil.reports.JunitXml;
import dev.vigil.reports.SummaryMarkdown;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vigil gate}: re-evaluates saved results against a policy, without running the model. */
@Command(name = "gate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Checks a saved results.json against a policy, without running the model.",
            "Prints every rule, failing ones first with how far they missed, and exits 1 when an error-severity rule fails."
                + " The results file is not changed; 'vigil report' re-renders the report with a new policy."},
        footer = {"", "Exit codes: 0 every error-severity rule holds (or is inconclusive), 1 one fails, 2 a usage or input error"
            + " (e.g. a rule names a metric the results lack), 3 an internal error."})
final class GateCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "RESULTS", description = "The results.json an audit wrote.")
    Path results;

    @Mixin
    PolicyOptions policy;

    @Mixin
    BaselineOptions baseline;

    @Option(names = "--junit", paramLabel = "FILE", description = "Also write the outcome as JUnit XML (one test case per rule).")
    Path junit;

    @Option(names = "--summary", paramLabel = "FILE",
            description = "Also write a short Markdown verdict, e.g. to \"$GITHUB_STEP_SUMMARY\" or for a pull-request comment.")
    Path summary;

    @Override
    public Integer call() throws Exception {
        var rules = policy.load();
        var baselineRun = baseline.open();
        AuditResults saved = ResultsJson.read(results);
        dev.vigil.core.policy.Baseline against = null;
        if (baselineRun != null) {
            var comparison = dev.vigil.core.compare.Comparer.compare(baselineRun, dev.vigil.core.compare.AuditRun.open(results),
                    baseline.allowDifferentData);
            against = comparison.asBaseline();
        }
        AuditResults gated = saved.withVerdict(Gate.evaluate(rules, saved, against, java.time.LocalDate.now(java.time.ZoneOffset.UTC)));
        String sha = dev.vigil.core.audit.Hashing.sha256(results);
        System.out.println("Results: " + results + " (" + gated.model().file() + ", SHA-256 " + sha + ")");
        VerdictPrinter.print(gated.verdict(), System.out);
        if (junit != null) {
            createParent(junit);
            JunitXml.write(gated, sha, junit);
        }
        if (summary != null) {
            createParent(summary);
            SummaryMarkdown.write(gated, sha, summary);
        }
        return gated.verdict().gateFailed() ? ExitCodes.GATE_FAILED : ExitCodes.OK;
    }

    private static void createParent(Path file) throws java.io.IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
    }
}
