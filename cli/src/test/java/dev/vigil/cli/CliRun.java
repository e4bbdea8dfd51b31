package dev.vigil.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs the vigil command line in-process and captures its exit code, stdout and stderr. */
record CliRun(int exitCode, String out, String err) {
    static CliRun of(String... args) {
        return of(dev.vigil.attacks.adversarial.AttackCatalogue.builtIn(), args);
    }

    /** With the attacks of {@code catalogue}, e.g. the built-in ones and a test's own. */
    static synchronized CliRun of(dev.vigil.attacks.adversarial.AttackCatalogue catalogue, String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Main.run(catalogue, args);
            return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    /** The stderr lines that start with "vigil:" — the one-sentence error, when there is one. */
    String errorLine() {
        return err.lines().filter(l -> l.startsWith("vigil: ")).reduce((a, b) -> b).orElse("");
    }
}
