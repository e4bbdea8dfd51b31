package dev.vigil.cli;

import java.io.PrintStream;
import java.util.Locale;

/** Runs an audit request, writes its outputs and prints the closing summary; shared by audit and demo. */
final class AuditSession {
    private AuditSession() {
    }

    static int runAndWrite(AuditRequest request, RunOptions run) throws Exception {
        PrintStream err = System.err;
        AuditRunner.Outcome outcome = new AuditRunner(ConsoleProgress.forStderr(run.quiet), err).run(request);
        OutputWriter.write(outcome.results(), outcome.recorder().rows(), request.out());
        var accuracy = outcome.results().metric("clean.accuracy").orElseThrow();
        System.out.printf(Locale.ROOT, "Clean accuracy: %.4f (95%% CI %.4f-%.4f) on %d images, %d skipped%n",
                accuracy.value(), accuracy.lower(), accuracy.upper(), outcome.results().dataset().samplesRead(),
                outcome.results().dataset().samplesSkipped());
        outcome.results().findings().forEach(f -> System.out.println("Warning: " + f.title()));
        System.out.println("Report: " + request.out().resolve("index.html").toAbsolutePath().normalize());
        return outcome.probeFailed() ? ExitCodes.INTERNAL_ERROR : ExitCodes.OK;
    }
}
