package dev.vigil.core.data;

import dev.vigil.core.model.InputSpec;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Decoded images kept between the passes of one process, least recently used first out, within a
 * memory budget. Every probe streams the dataset again; with the cache only the first pass decodes.
 * An entry is keyed by the file's path (or URI), size and modification time and by the input spec, so a
 * changed file or another model input shape is decoded afresh.
 * The budget is the system property {@code vigil.cacheMb} (default 1024; 0 turns the cache off).
 */
final class DecodedImageCache {
    static final DecodedImageCache SHARED = new DecodedImageCache(Long.getLong("vigil.cacheMb", 1024) << 20);

    /** @param location the sample's {@link Sample#location()}: the absolute local path or the URI */
    record Key(String location, long size, long modified, InputSpec spec) {
        static Key of(Sample sample, InputSpec spec) throws IOException {
            RemoteStore.Stamp stamp = SampleFiles.stamp(sample);
            return new Key(sample.location(), stamp.size(), stamp.modifiedMillis(), spec);
        }
    }

    /** A decoded image, or the reason it could not be decoded; the file's SHA-256 either way. */
    record Entry(float[] pixels, String sha256, String unreadableReason) {
        long bytes() {
            return 64 + (pixels == null ? 0 : 4L * pixels.length);
        }
    }

    private final long budgetBytes;
    private long usedBytes;
    private final LinkedHashMap<Key, Entry> entries = new LinkedHashMap<>(256, 0.75f, true);

    DecodedImageCache(long budgetBytes) {
        this.budgetBytes = budgetBytes;
    }

    synchronized Entry get(Key key) {
        return entries.get(key);
    }

    synchronized void put(Key key, Entry entry) {
        if (entry.bytes() > budgetBytes) {
            return;
        }
        Entry old = entries.put(key, entry);
        usedBytes += entry.bytes() - (old == null ? 0 : old.bytes());
        var it = entries.entrySet().iterator();
        while (usedBytes > budgetBytes && it.hasNext()) {
            Map.Entry<Key, Entry> eldest = it.next();
            usedBytes -= eldest.getValue().bytes();
            it.remove();
        }
    }

    synchronized void clear() {
        entries.clear();
        usedBytes = 0;
    }
}
