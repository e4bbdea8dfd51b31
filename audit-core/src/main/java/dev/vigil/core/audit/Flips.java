package dev.vigil.core.audit;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * For each sample that an attack or drift setting moved off its clean prediction, the first such probe
 * setting to report it ("fgsm.linf eps=8/255"). Probes report in the order they run and, within one,
 * in the order of their settings; the explanation probe picks "flipped" images from it.
 */
public final class Flips implements Serializable {
    private static final long serialVersionUID = 1L;
    public static final ProbeResults.Key<Flips> KEY = new ProbeResults.Key<>("flipped samples", Flips.class);

    private final LinkedHashMap<String, String> first = new LinkedHashMap<>();

    /** Records that {@code setting} flipped the sample, unless an earlier setting did. */
    public synchronized void offer(String sampleId, String setting) {
        first.putIfAbsent(sampleId, setting);
    }

    public synchronized Map<String, String> bySample() {
        return Map.copyOf(first);
    }

    /** The flips recorded by {@code context}'s probes so far, created empty on first use. */
    public static Flips of(AuditContext context) {
        synchronized (context.results()) {
            if (!context.results().has(KEY)) {
                context.results().publish(KEY, new Flips());
            }
            return context.results().get(KEY);
        }
    }
}
