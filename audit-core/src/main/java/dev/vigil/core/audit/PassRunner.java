package dev.vigil.core.audit;

import dev.vigil.core.data.Sample;
import java.io.Serializable;
import java.util.List;

/**
 * Where a probe's per-sample passes run: here, in one pass over every sample ({@link #LOCAL}), or split
 * into shards on a cluster. Whatever the split, the runner leaves the passes' rows in the context's
 * recorder in sample order and returns the shard results in the same order, so that the probe's
 * conclusion sees exactly what one local pass would have given.
 */
@FunctionalInterface
public interface PassRunner {
    /** One pass over all of {@code samples} in this JVM. */
    PassRunner LOCAL = new PassRunner() {
        @Override
        public <S extends Serializable> List<S> passes(Probe<S> probe, AuditContext context, List<Sample> samples)
                throws Exception {
            return List.of(probe.pass(context, samples));
        }
    };

    /** Runs {@code probe}'s pass over {@code samples}, in one or more shards, and returns each shard's result. */
    <S extends Serializable> List<S> passes(Probe<S> probe, AuditContext context, List<Sample> samples) throws Exception;
}
