package dev.vigil.cli;

import dev.vigil.core.InputError;
import dev.vigil.core.policy.Gate;
import dev.vigil.core.policy.Policy;
import dev.vigil.core.policy.Verdict;
import dev.vigil.core.result.AuditResults;
import dev.vigil.reports.ReportFiles;
import java.io.PrintStream;
import java.util.Locale;

/** Runs an audit request, gates it on the policy, writes its outputs and prints the closing summary; shared by audit and demo. */
final class AuditSession {
    private AuditSession() {
    }

    static int runAndWrite(AuditRequest request, RunOptions run, PolicyOptions policyOptions) throws Exception {
        PrintStream err = System.err;
        Policy policy = policyOptions.load();
        AuditRunner.Outcome outcome = new AuditRunner(ConsoleProgress.forStderr(run.quiet), err).run(request);
        AuditResults results = outcome.results();
        InputError policyError = null;
        try {
            results = results.withVerdict(Gate.evaluate(policy, results));
        } catch (InputError e) {
            policyError = e;
        }
        try (var recorder = outcome.recorder()) {
            OutputWriter.write(results, recorder.rowLog(), request.out(), run.pdf);
        }
        var accuracy = results.metric("clean.accuracy").orElseThrow();
        System.out.printf(Locale.ROOT, "Clean accuracy: %.4f (95%% CI %.4f-%.4f) on %d images, %d skipped%n",
                accuracy.value(), accuracy.lower(), accuracy.upper(), results.dataset().samplesRead(),
                results.dataset().samplesSkipped());
        results.findings().forEach(f -> System.out.println("Warning: " + f.title()));
        System.out.println("Report: " + request.out().resolve(ReportFiles.HTML).toAbsolutePath().normalize()
                + (run.pdf ? " (and " + ReportFiles.PDF + ")" : ""));
        if (policyError != null) {
            err.println("vigil: the results are saved in " + request.out() + "; after fixing the policy, gate them with 'vigil gate "
                    + request.out().resolve("results.json") + " --policy " + policyOptions.policy + "'.");
            throw policyError;
        }
        Verdict verdict = results.verdict();
        VerdictPrinter.print(verdict, System.out);
        if (outcome.probeFailed()) {
            return ExitCodes.INTERNAL_ERROR;
        }
        return verdict.gateFailed() ? ExitCodes.GATE_FAILED : ExitCodes.OK;
    }
}
