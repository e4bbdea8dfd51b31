package dev.vigil.core.audit;

import dev.vigil.core.InputError;
import dev.vigil.core.model.Capability;
import dev.vigil.core.result.Finding;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs an audit's probes in order on one machine, after the clean probe: each probe the model can
 * serve runs (its pass, then its conclusion); one whose needs the model lacks is skipped with a finding
 * that says why; one that fails is recorded as a finding while the others still run, so nothing
 * already computed is lost. Input errors stop the audit.
 */
public final class AuditPipeline {
    private AuditPipeline() {
    }

    /** Runs {@code probes} and returns whether any failed (an internal error, exit code 3). */
    public static boolean run(AuditContext context, List<Probe<?>> probes, Consumer<String> log) {
        return run(context, probes, log, PassRunner.LOCAL);
    }

    /** Runs {@code probes} with their per-sample passes run by {@code runner}; returns whether any failed. */
    public static boolean run(AuditContext context, List<Probe<?>> probes, Consumer<String> log, PassRunner runner) {
        boolean failed = false;
        for (Probe<?> probe : probes) {
            List<String> missing = probe.needs().stream().filter(c -> !context.classifier().can(c))
                    .map(Capability::description).sorted().toList();
            if (!missing.isEmpty()) {
                context.recorder().finding(new Finding("probe-not-run." + probe.id(), "warning", "The " + probe.id() + " probe did not run",
                        "It needs " + String.join(" and ", missing) + ", which this " + context.classifier().engine().format()
                                + " model does not give; its metrics are missing and policy rules on them are inconclusive."));
                continue;
            }
            try {
                probe.run(context, runner);
            } catch (InputError e) {
                throw e;
            } catch (Exception | OutOfMemoryError e) {
                failed = true;
                log.accept("vigil: the " + probe.id() + " probe failed (" + e + "); the other results are kept.");
                context.recorder().finding(Finding.warning("probe-failed-" + probe.id(), "The " + probe.id() + " probe failed",
                        "It stopped with " + e + ". Its results are missing from this report; the other probes ran."));
            }
        }
        return failed;
    }
}
