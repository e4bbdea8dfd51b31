package dev.vigil.core.audit;

import dev.vigil.core.InputError;
import dev.vigil.core.model.Capability;
import dev.vigil.core.model.ModelFailure;
import dev.vigil.core.result.Finding;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs an audit's probes in order on one machine, after the clean probe: each probe the model can
 * serve runs (its pass, then its conclusion); one whose needs the model lacks is skipped with a finding
 * that says why; one that fails is recorded as a finding while the others still run, so nothing
 * already computed is lost. Input errors stop the audit; so does an interruption, which first drops what
 * the abandoned probe had recorded, so that only finished probes are reported.
 */
public final class AuditPipeline {
    private AuditPipeline() {
    }

    /** Runs {@code probes} and returns whether any failed (an internal error, exit code 3). */
    public static boolean run(AuditContext context, List<Probe<?>> probes, Consumer<String> log) {
        return run(context, probes, log, false, Checkpoints.NONE);
    }

    /**
     * As {@link #run(AuditContext, List, Consumer)}; a failure is told by its last line (a TorchScript error's
     * cause, not its two tracebacks), and in full on {@code log} when {@code verbose}.
     */
    public static boolean run(AuditContext context, List<Probe<?>> probes, Consumer<String> log, boolean verbose) {
        return run(context, probes, log, verbose, Checkpoints.NONE);
    }

    /** As above; each probe that finishes is saved to {@code checkpoints}, and one saved there by an earlier run is concluded from it. */
    public static boolean run(AuditContext context, List<Probe<?>> probes, Consumer<String> log, boolean verbose,
                              Checkpoints checkpoints) {
        return run(context, probes, log, verbose, checkpoints, PassRunner.LOCAL);
    }

    /** As above, with the probes' per-sample passes run by {@code passes} (here, or sharded on a cluster). */
    public static boolean run(AuditContext context, List<Probe<?>> probes, Consumer<String> log, boolean verbose,
                              Checkpoints checkpoints, PassRunner passes) {
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
            AuditRecorder.Mark mark = context.recorder().mark();
            try {
                Checkpoints.run(probe, context, checkpoints, passes);
            } catch (AuditInterrupted e) {
                context.recorder().rollback(mark);
                throw e.during(probe.id());
            } catch (InputError e) {
                throw e;
            } catch (Exception | OutOfMemoryError e) {
                failed = true;
                String cause = e.getClass().getSimpleName() + ": " + ModelFailure.lastLine(e);
                log.accept("vigil: the " + probe.id() + " probe failed (" + cause + "); the other results are kept.");
                if (verbose) {
                    java.io.StringWriter trace = new java.io.StringWriter();
                    e.printStackTrace(new java.io.PrintWriter(trace));
                    log.accept(trace.toString().strip());
                }
                context.recorder().finding(Finding.warning("probe-failed-" + probe.id(), "The " + probe.id() + " probe failed",
                        "It stopped with " + cause + ". Its results are missing from this report; the other probes ran."));
            }
        }
        return failed;
    }
}
