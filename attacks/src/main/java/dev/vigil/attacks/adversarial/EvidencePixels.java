package dev.vigil.attacks.adversarial;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

/**
 * The pixels the report's evidence figures need, kept during the attack passes for the few images
 * chosen as evidence: each one's clean image and, per attack spec, its adversarial image at every
 * budget of the sweep. Shards' pixels merge by union.
 */
final class EvidencePixels implements Serializable {
    private final Map<Integer, float[]> originals = new HashMap<>();
    private final Map<String, Map<Integer, float[][]>> adversarial = new HashMap<>();

    void original(int sampleIndex, float[] chw) {
        originals.putIfAbsent(sampleIndex, chw);
    }

    void adversarial(String specId, int sampleIndex, int budget, int budgets, float[] chw) {
        adversarial.computeIfAbsent(specId, k -> new HashMap<>())
                .computeIfAbsent(sampleIndex, k -> new float[budgets][])[budget] = chw;
    }

    /** The clean image, or null when the sample was not evidence. */
    float[] original(int sampleIndex) {
        return originals.get(sampleIndex);
    }

    /** The adversarial image of a spec at a budget, or null. */
    float[] adversarial(String specId, int sampleIndex, int budget) {
        float[][] byBudget = adversarial.getOrDefault(specId, Map.of()).get(sampleIndex);
        return byBudget == null ? null : byBudget[budget];
    }

    void merge(EvidencePixels other) {
        other.originals.forEach(originals::putIfAbsent);
        other.adversarial.forEach((spec, bySample) -> adversarial.computeIfAbsent(spec, k -> new HashMap<>()).putAll(bySample));
    }
}
