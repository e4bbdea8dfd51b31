package dev.vigil.reports;

import dev.vigil.core.policy.Gate;
import dev.vigil.core.policy.Policy;
import dev.vigil.core.policy.PolicyFile;
import dev.vigil.core.result.AuditResults;
import dev.vigil.core.testing.SyntheticResults;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Synthetic results with hostile class and file names, and a verdict with every kind of rule outcome. */
final class ReportFixtures {
    static final List<String> CLASSES = List.of(SyntheticResults.HOSTILE_CLASS, "keep left", "one & \"two\"");

    /** Fails clean accuracy on its lower bound, fails a warning, is inconclusive on one rule and passes the rest. */
    static final String POLICY = """
            name: release <gate> & "co"
            rules:
              - rule: clean.accuracy >= 0.9
                bound: lower
                description: the model must be right on nine images in ten
              - fgsm.linf.eps=8/255.robust_accuracy >= 0.05
              - {rule: pgd.linf.eps=8/255.robust_accuracy >= 0.4, severity: warning}
              - {rule: drift.rotation.15.accuracy_drop <= 0.2, min_count: 1000}
              - explain.ig.completeness_gap <= 0.05
            """;

    private ReportFixtures() {
    }

    static AuditResults withVerdict(Path dir) throws IOException {
        AuditResults results = SyntheticResults.build(dir, CLASSES);
        Policy policy = PolicyFile.parse(POLICY, "policies/ci & <x>.yaml", "ab".repeat(32), false, "ci");
        return results.withVerdict(Gate.evaluate(policy, results));
    }
}
