package dev.vigil.cli;

import dev.vigil.core.compare.AuditComparison;
import dev.vigil.core.compare.AuditRun;
import dev.vigil.core.compare.Comparer;
import dev.vigil.core.policy.Gate;
import dev.vigil.core.policy.Policy;
import dev.vigil.core.policy.PolicyFile;
import dev.vigil.core.policy.Verdict;
import dev.vigil.reports.CompareFiles;
import dev.vigil.reports.JunitXml;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vigil compare BASE NEW}: a paired, per-sample comparison of two saved audits, optionally gated on a policy. */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Compares two saved audits of the same data, sample by sample, without running a model.",
            "For every metric both have: base, new and the change; for per-sample proportions (accuracy, robust accuracy,"
                + " recall, flip rate) a paired 95%% interval of the change (Newcombe), McNemar's exact test and the samples that"
                + " newly fail and newly pass, per setting and class. Settings that differ between the audits are listed first."
                + " Writes compare.html, compare.json and compare.md (and junit.xml with --policy) into the output folder."},
        footer = {"", "BASE and NEW are audit output folders, or results.json files with their samples.csv beside them.",
            "Exit codes: 0 compared (and every error-severity rule holds), 1 a rule fails, 2 a usage or input error"
                + " (e.g. the audits are of different data), 3 an internal error."})
final class CompareCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "BASE", description = "The earlier audit, e.g. of the model in production.")
    Path base;

    @Parameters(index = "1", paramLabel = "NEW", description = "The audit of the candidate model.")
    Path candidate;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "vigil-compare",
            description = "Folder for compare.html, compare.json, compare.md and junit.xml. Default: ${DEFAULT-VALUE}.")
    Path out;

    @Option(names = "--policy", paramLabel = "FILE",
            description = {"Gate on this YAML policy (docs/policy.md): rules on one audit are checked on NEW, rules on"
                    + " delta(METRIC), new_failures(METRIC) and no_new_failures(METRIC) on the comparison. Exit code 1 when an"
                    + " error-severity rule fails. Default: no gate."})
    Path policyFile;

    @Option(names = "--allow-different-data",
            description = "Compare audits of different data (another dataset SHA-256) as independent samples instead of refusing;"
                    + " no per-sample changes or McNemar tests then.")
    boolean allowDifferentData;

    @Override
    public Integer call() throws Exception {
        Policy policy = policyFile == null ? null : PolicyFile.read(policyFile);
        AuditRun baseRun = AuditRun.open(base);
        AuditRun newRun = AuditRun.open(candidate);
        AuditComparison comparison = Comparer.compare(baseRun, newRun, allowDifferentData);
        Verdict verdict = null;
        if (policy != null) {
            verdict = Gate.evaluate(policy, newRun.results(), comparison.asBaseline(), LocalDate.now(ZoneOffset.UTC));
            comparison = comparison.withVerdict(verdict);
        }
        Files.createDirectories(out);
        CompareFiles.write(comparison, out);
        if (verdict != null) {
            JunitXml.write(newRun.results().withVerdict(verdict), newRun.resultsSha256(), out.resolve("junit.xml"));
        }
        ComparePrinter.print(comparison, System.out);
        System.out.println("Comparison: " + out.resolve("compare.html").toAbsolutePath().normalize());
        if (verdict != null) {
            VerdictPrinter.print(verdict, System.out);
            return verdict.gateFailed() ? ExitCodes.GATE_FAILED : ExitCodes.OK;
        }
        return ExitCodes.OK;
    }
}
