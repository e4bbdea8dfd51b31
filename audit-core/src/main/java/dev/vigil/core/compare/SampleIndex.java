package dev.vigil.core.compare;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Numbers for the sample ids and class names of two runs, shared by both, so that their rows are
 * stored as small arrays and paired by index.
 */
final class SampleIndex {
    private final Map<String, Integer> sampleNumbers = new HashMap<>();
    private final List<String> samples = new ArrayList<>();
    private final Map<String, Integer> classNumbers = new HashMap<>();
    private final List<String> classes = new ArrayList<>();

    int sample(String id) {
        return sampleNumbers.computeIfAbsent(id, k -> {
            samples.add(k);
            return samples.size() - 1;
        });
    }

    int className(String name) {
        return classNumbers.computeIfAbsent(name, k -> {
            classes.add(k);
            return classes.size() - 1;
        });
    }

    /** The class number of {@code name}, or -1 when no row named it. */
    int classNumber(String name) {
        return classNumbers.getOrDefault(name, -1);
    }

    String sampleId(int index) {
        return samples.get(index);
    }

    String className(int index) {
        return classes.get(index);
    }

    int classCount() {
        return classes.size();
    }

    int sampleCount() {
        return samples.size();
    }
}
