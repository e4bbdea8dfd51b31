package dev.vigil.core.audit;

import java.io.Serializable;
import java.util.LinkedHashMap;

/**
 * What probes hand to later probes of the same audit, under typed keys: the clean predictions, the
 * samples an attack or drift setting flipped. A probe reads only keys that earlier probes publish.
 * Values are serializable, so that a cluster's executors can receive what their passes read.
 */
public final class ProbeResults implements Serializable {
    private static final long serialVersionUID = 1L;

    /** A typed name for one result. */
    public record Key<T>(String name, Class<T> type) implements Serializable {
    }

    private final LinkedHashMap<Key<?>, Object> values = new LinkedHashMap<>();

    public synchronized <T> void publish(Key<T> key, T value) {
        values.put(key, key.type().cast(value));
    }

    /** The value, which an earlier probe must have published. */
    public synchronized <T> T get(Key<T> key) {
        Object value = values.get(key);
        if (value == null) {
            throw new IllegalStateException("no probe has published " + key.name() + " yet");
        }
        return key.type().cast(value);
    }

    public synchronized boolean has(Key<?> key) {
        return values.containsKey(key);
    }
}
