package dev.vigil.core.audit;

import java.io.IOException;
import java.io.Serializable;
import java.util.List;

/**
 * Where finished probes are kept so that an interrupted audit can continue after them: a probe's rows and
 * shard results are saved once its conclusion is done, and a resumed audit restores them (rows back into the
 * recorder) and concludes from them instead of running the pass again. Conclusions are pure functions of rows
 * and shard results, so a resumed audit's results equal an uninterrupted one's.
 */
public interface Checkpoints {
    /** No checkpoints: every probe runs. */
    Checkpoints NONE = new Checkpoints() {
        @Override
        public <S extends Serializable> List<S> restore(Probe<S> probe, AuditContext context) {
            return null;
        }

        @Override
        public <S extends Serializable> void save(Probe<S> probe, AuditContext context, List<S> shards) {
        }
    };

    /** The shard results of {@code probe} saved by an earlier run, with its rows appended to the recorder; null when none. */
    <S extends Serializable> List<S> restore(Probe<S> probe, AuditContext context) throws IOException;

    /** Saves the finished {@code probe}'s rows (from the recorder) and shard results. */
    <S extends Serializable> void save(Probe<S> probe, AuditContext context, List<S> shards) throws IOException;

    /** Runs {@code probe} on one machine, or concludes it from its checkpoint, and checkpoints it once it finished. */
    static <S extends Serializable> void run(Probe<S> probe, AuditContext context, Checkpoints checkpoints) throws Exception {
        run(probe, context, checkpoints, PassRunner.LOCAL);
    }

    /** As above, with the probe's per-sample passes run by {@code passes} (here, or sharded on a cluster). */
    static <S extends Serializable> void run(Probe<S> probe, AuditContext context, Checkpoints checkpoints, PassRunner passes)
            throws Exception {
        List<S> restored = checkpoints.restore(probe, context);
        if (restored != null) {
            probe.conclude(context, restored);
            return;
        }
        List<S> shards = passes.passes(probe, context, probe.samples(context));
        probe.conclude(context, shards);
        checkpoints.save(probe, context, shards);
    }
}
