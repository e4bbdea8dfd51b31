package dev.vigil.cli;

import dev.vigil.core.policy.Policy;
import dev.vigil.core.policy.PolicyFile;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --policy FILE}: the rules the results are gated on; the bundled default when absent. */
final class PolicyOptions {
    @Option(names = "--policy", paramLabel = "FILE",
            description = {"YAML policy of rules over named metrics (docs/policy.md). Exit code 1 when an error-severity rule fails.",
                "Default: the bundled default policy (policies/default.yaml in the jar)."})
    Path policy;

    /** The policy, read and checked now, so that a broken file stops a command before any work. */
    Policy load() {
        return policy == null ? BundledPolicy.load() : PolicyFile.read(policy);
    }
}
