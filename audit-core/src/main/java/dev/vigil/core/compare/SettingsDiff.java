package dev.vigil.core.compare;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How two runs were made differently, from their results.json trees: the typed {@code settings}
 * object (compared generically, leaf by leaf), the probe settings each report section states, the
 * seed, the model's input, the data, the model itself, the software and machine, and the command
 * line. Differences that change what a delta means come first.
 */
final class SettingsDiff {
    private record Field(String group, String key, String pointer, boolean affectsDeltas) {
    }

    private static final List<Field> FIELDS = List.of(
            new Field("audit", "seed", "/provenance/seed", true),
            new Field("audit", "model input", "/model/inputShape", true),
            new Field("audit", "normalization", "/model/normalization", true),
            new Field("audit", "classes", "/dataset/classNames", true),
            new Field("data", "dataset SHA-256", "/provenance/datasetSha256", true),
            new Field("data", "layout", "/dataset/layout", true),
            new Field("data", "samples read", "/dataset/samplesRead", true),
            new Field("data", "samples skipped", "/dataset/samplesSkipped", true),
            new Field("data", "data path", "/provenance/dataPath", false),
            new Field("model", "model SHA-256", "/provenance/modelSha256", false),
            new Field("model", "model file", "/model/file", false),
            new Field("environment", "Vigil", "/provenance/vigilVersion", true),
            new Field("environment", "DJL", "/provenance/djlVersion", true),
            new Field("environment", "PyTorch", "/provenance/pytorchVersion", true),
            new Field("environment", "Java", "/provenance/javaVersion", false),
            new Field("environment", "operating system", "/provenance/os", false),
            new Field("environment", "device", "/provenance/device", true),
            new Field("environment", "threads", "/provenance/threads", false),
            new Field("command line", "command line", "/provenance/commandLine", false));

    private SettingsDiff() {
    }

    static List<SettingDifference> between(JsonNode base, JsonNode candidate) {
        List<SettingDifference> out = new ArrayList<>();
        diffTree("settings", "", base.path("settings"), candidate.path("settings"), out);
        Map<String, String> baseProbe = sectionSettings(base);
        Map<String, String> newProbe = sectionSettings(candidate);
        TreeMap<String, Boolean> keys = new TreeMap<>();
        baseProbe.keySet().forEach(k -> keys.put(k, true));
        newProbe.keySet().forEach(k -> keys.put(k, true));
        for (String key : keys.keySet()) {
            add(out, "probe settings", key, baseProbe.get(key), newProbe.get(key), true);
        }
        for (Field f : FIELDS) {
            add(out, f.group(), f.key(), text(base.at(f.pointer())), text(candidate.at(f.pointer())), f.affectsDeltas());
        }
        List<SettingDifference> sorted = new ArrayList<>(out.stream().filter(SettingDifference::affectsDeltas).toList());
        sorted.addAll(out.stream().filter(d -> !d.affectsDeltas()).toList());
        return sorted;
    }

    /** Every leaf of two JSON trees that differs, keyed by its dotted path; arrays compare whole. */
    private static void diffTree(String group, String path, JsonNode a, JsonNode b, List<SettingDifference> out) {
        boolean aTree = a.isObject() || a.isMissingNode();
        boolean bTree = b.isObject() || b.isMissingNode();
        if ((a.isObject() || b.isObject()) && aTree && bTree) {
            TreeMap<String, Boolean> names = new TreeMap<>();
            for (JsonNode n : List.of(a, b)) {
                for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
                    names.put(it.next(), true);
                }
            }
            for (String name : names.keySet()) {
                diffTree(group, path.isEmpty() ? name : path + "." + name, a.path(name), b.path(name), out);
            }
            return;
        }
        add(out, group, path, text(a), text(b), true);
    }

    private static Map<String, String> sectionSettings(JsonNode results) {
        Map<String, String> out = new TreeMap<>();
        for (JsonNode section : results.path("sections")) {
            String id = section.path("id").asText();
            section.path("settings").fields().forEachRemaining(e -> out.put(id + ": " + e.getKey(), e.getValue().asText()));
        }
        return out;
    }

    private static String text(JsonNode n) {
        if (n == null || n.isMissingNode() || n.isNull()) {
            return null;
        }
        return n.isValueNode() ? n.asText() : n.toString();
    }

    private static void add(List<SettingDifference> out, String group, String key, String a, String b, boolean affects) {
        if (!Objects.equals(a, b)) {
            out.add(new SettingDifference(group, key, a, b, affects));
        }
    }
}
