package dev.vigil.cli;

import dev.vigil.core.InputError;
import dev.vigil.core.compare.AuditComparison;
import dev.vigil.core.compare.AuditRun;
import dev.vigil.core.compare.Comparer;
import dev.vigil.core.policy.Gate;
import dev.vigil.core.policy.Policy;
import dev.vigil.core.policy.Verdict;
import dev.vigil.core.result.AuditResults;
import dev.vigil.reports.CompareFiles;
import dev.vigil.reports.ReportFiles;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * Runs an audit request, compares it with a baseline audit when one is given, gates it on the policy,
 * writes its outputs and prints the closing summary; shared by audit and demo.
 */
final class AuditSession {
    private AuditSession() {
    }

    static int runAndWrite(AuditRequest request, RunOptions run, PolicyOptions policyOptions) throws Exception {
        return runAndWrite(request, run, policyOptions, new BaselineOptions(), dev.vigil.core.audit.PassRunner.LOCAL);
    }

    static int runAndWrite(AuditRequest request, RunOptions run, PolicyOptions policyOptions, BaselineOptions baselineOptions,
                           dev.vigil.core.audit.PassRunner passes) throws Exception {
        PrintStream err = System.err;
        Policy policy = policyOptions.load();
        AuditRun baseline = baselineOptions.open();
        try (Interruption interruption = Interruption.install(err)) {
            AuditRunner.Outcome outcome = new AuditRunner(ConsoleProgress.forStderr(run.quiet), err,
                    java.util.function.UnaryOperator.identity(), run.verbose, passes).run(request, interruption);
            RunFolder folder = outcome.folder();
            try {
                return outcome.results().isInterrupted() ? writeInterrupted(outcome, request)
                        : write(outcome, request, run, policy, policyOptions, baseline, baselineOptions);
            } catch (Exception | Error e) {
                folder.finish(RunFolder.FAILED, null);
                throw e;
            }
        }
    }

    /**
     * An interrupted audit: its finished probes' results, reports that say INTERRUPTED, no verdict and no PDF (so
     * that it ends within seconds), exit code 3.
     */
    private static int writeInterrupted(AuditRunner.Outcome outcome, AuditRequest request) throws Exception {
        try (var recorder = outcome.recorder()) {
            OutputWriter.writeRows(recorder.rowLog(), request.out());
        }
        String sha = OutputWriter.writeResults(outcome.results(), request.out(), false);
        outcome.folder().finish(AuditResults.INTERRUPTED, sha);
        System.out.println("Interrupted: the results of the probes that finished are in "
                + request.out().resolve("results.json").toAbsolutePath().normalize() + "; no verdict was evaluated.");
        return ExitCodes.INTERNAL_ERROR;
    }

    private static int write(AuditRunner.Outcome outcome, AuditRequest request, RunOptions run, Policy policy, PolicyOptions policyOptions,
                             AuditRun baseline, BaselineOptions baselineOptions) throws Exception {
        PrintStream err = System.err;
        AuditResults results = outcome.results();
        Path csv;
        try (var recorder = outcome.recorder()) {
            csv = OutputWriter.writeRows(recorder.rowLog(), request.out());
        }
        AuditComparison comparison = null;
        InputError stop = null;
        String stopHint = null;
        if (baseline != null) {
            try {
                comparison = Comparer.compare(baseline, AuditRun.ofResults(request.out().resolve("results.json").toString(), results, csv),
                        baselineOptions.allowDifferentData);
            } catch (InputError e) {
                stop = e;
                stopHint = "'vigil compare " + baselineOptions.baseline + " " + request.out() + "'";
            }
        }
        if (stop == null) {
            try {
                results = results.withVerdict(Gate.evaluate(policy, results, comparison == null ? null : comparison.asBaseline(),
                        LocalDate.now(ZoneOffset.UTC)));
            } catch (InputError e) {
                stop = e;
                stopHint = "'vigil gate " + request.out().resolve("results.json") + " --policy " + policyOptions.policy
                        + (baseline == null ? "" : " --baseline " + baselineOptions.baseline) + "'";
            }
        }
        String sha = OutputWriter.writeResults(results, request.out(), run.pdf);
        if (comparison != null) {
            CompareFiles.write(comparison.withNewResultsSha256(sha).withVerdict(results.verdict()), request.out());
        }
        outcome.folder().finish(RunFolder.COMPLETE, sha);
        var accuracy = results.metric("clean.accuracy").orElseThrow();
        System.out.printf(Locale.ROOT, "Clean accuracy: %.4f (95%% CI %.4f-%.4f) on %d images, %d skipped%n",
                accuracy.value(), accuracy.lower(), accuracy.upper(), results.dataset().samplesRead(),
                results.dataset().samplesSkipped());
        results.findings().forEach(f -> System.out.println(switch (f.severity()) {
            case dev.vigil.core.result.Finding.ERROR -> "Error: ";
            case "info" -> "Note: ";
            default -> "Warning: ";
        } + f.title()));
        System.out.println("Report: " + request.out().resolve(ReportFiles.HTML).toAbsolutePath().normalize()
                + (run.pdf ? " (and " + ReportFiles.PDF + ")" : ""));
        if (stop != null) {
            err.println("vigil: the results are saved in " + request.out() + "; after fixing the problem below, gate them with "
                    + stopHint + ".");
            throw stop;
        }
        if (comparison != null) {
            ComparePrinter.print(comparison, System.out);
            System.out.println("Comparison: " + request.out().resolve("compare.html").toAbsolutePath().normalize());
        }
        Verdict verdict = results.verdict();
        VerdictPrinter.print(verdict, System.out);
        if (outcome.probeFailed()) {
            return ExitCodes.INTERNAL_ERROR;
        }
        return verdict.gateFailed() ? ExitCodes.GATE_FAILED : ExitCodes.OK;
    }
}
