package dev.vigil.core.audit;

import dev.vigil.core.data.Sample;
import dev.vigil.core.model.Capability;
import java.io.Serializable;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One family of checks in an audit (clean evaluation, the attacks, drift, explanations), in two steps:
 *
 * <ol>
 *   <li>{@link #pass}: the per-sample work on some samples — all of them, or one shard of them on a
 *       cluster. It writes one row per sample and setting to the recorder and returns what the second
 *       step needs beyond the rows (soundness counters, evidence pixels). Its output for a sample may
 *       depend only on that sample, the audit's seed and settings, and earlier probes' results, so
 *       that any split of the samples gives the same rows.</li>
 *   <li>{@link #conclude}: everything that is not per-sample, once all shards are in — the metrics,
 *       computed from the rows by pure functions, findings, figures and the report section, and the
 *       typed results later probes read ({@link AuditContext#results()}).</li>
 * </ol>
 *
 * @param <S> what one shard's pass hands to the conclusion; serializable, so that it can travel
 */
public interface Probe<S extends Serializable> {
    /** Short identifier, e.g. "adversarial"; the key of this probe's rows and settings. */
    String id();

    /** What the probe needs from the model; the audit skips it, with a finding, when the model lacks any. */
    default Set<Capability> needs() {
        return EnumSet.of(Capability.LOGITS);
    }

    /** The probe's settings as a typed value, written to results.json so that a run can be reproduced and compared. */
    Object settings();

    /** The per-sample passes over {@code samples}, which the clean pass could read (or every sample, for the clean pass). */
    S pass(AuditContext context, List<Sample> samples) throws Exception;

    /** The steps after every shard's pass: metrics from the rows, findings, figures, the report section. */
    void conclude(AuditContext context, List<S> shards) throws Exception;

    /** The samples the pass takes on one machine: those the clean pass could read. */
    default List<Sample> samples(AuditContext context) {
        return BatchRunner.readSamples(context);
    }

    /** The whole probe on one machine: one pass over {@link #samples}, then the conclusion. */
    default void run(AuditContext context) throws Exception {
        run(context, PassRunner.LOCAL);
    }

    /** The whole probe with its passes run by {@code runner} (here, or sharded on a cluster), then the conclusion. */
    default void run(AuditContext context, PassRunner runner) throws Exception {
        conclude(context, runner.passes(this, context, samples(context)));
    }
}
