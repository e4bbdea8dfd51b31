package dev.vigil.cli;

import dev.vigil.core.compare.AuditRun;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --baseline DIR} and {@code --allow-different-data}: the earlier audit that delta rules compare with. */
final class BaselineOptions {
    @Option(names = "--baseline", paramLabel = "DIR|RESULTS",
            description = {"An earlier audit of the same data (its output folder, or its results.json with samples.csv beside it),"
                    + " e.g. of the model in production. The results are compared with it sample by sample (compare.html,"
                    + " compare.json and compare.md in the output folder) and the policy's delta rules, such as"
                    + " 'delta(clean.accuracy) >= -0.01' or 'no_new_failures(clean.accuracy)', are gated on the comparison.",
                "Without it, delta rules are inconclusive."})
    Path baseline;

    @Option(names = "--allow-different-data",
            description = "Compare with a baseline audited on different data (another dataset SHA-256) as independent samples,"
                    + " instead of refusing; no per-sample changes then.")
    boolean allowDifferentData;

    /** The baseline run, read and checked now so that a wrong path stops the command before any work; null when none was given. */
    AuditRun open() {
        return baseline == null ? null : AuditRun.open(baseline);
    }
}
