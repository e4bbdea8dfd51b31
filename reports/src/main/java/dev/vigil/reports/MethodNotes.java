package dev.vigil.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.vigil.core.result.Metric;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The definitions of metrics and the papers they come from, read from templates/method-notes.yaml.
 * A metric takes the first note one of whose name patterns matches it.
 */
public final class MethodNotes {
    /** One note: its anchor id, title, definition, reference and the name patterns it covers. */
    public record Note(String id, String title, String definition, String reference, List<String> patterns) {
        boolean covers(String metric) {
            return patterns.stream().anyMatch(p -> glob(p).matcher(metric).matches());
        }
    }

    /** A note with the metrics of one set of results it covers. */
    public record Use(Note note, List<String> metrics) {
    }

    private static final String RESOURCE = "/templates/method-notes.yaml";
    private static final Map<String, Pattern> GLOBS = new java.util.concurrent.ConcurrentHashMap<>();

    private final List<Note> notes;

    MethodNotes(List<Note> notes) {
        this.notes = List.copyOf(notes);
    }

    public static MethodNotes bundled() {
        try (InputStream in = MethodNotes.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
            List<Note> notes = new ArrayList<>();
            for (JsonNode n : root.get("notes")) {
                List<String> patterns = new ArrayList<>();
                n.get("metrics").forEach(p -> patterns.add(p.asText()));
                notes.add(new Note(n.get("id").asText(), n.get("title").asText(), n.get("definition").asText(),
                        n.get("reference").asText(), patterns));
            }
            return new MethodNotes(notes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    public List<Note> all() {
        return notes;
    }

    public Optional<Note> noteFor(String metric) {
        return notes.stream().filter(n -> n.covers(metric)).findFirst();
    }

    /** The notes that cover at least one of {@code metrics}, in file order, each with its metrics. */
    public List<Use> uses(List<Metric> metrics) {
        Map<Note, List<String>> byNote = new LinkedHashMap<>();
        notes.forEach(n -> byNote.put(n, new ArrayList<>()));
        for (Metric m : metrics) {
            noteFor(m.name()).ifPresent(n -> byNote.get(n).add(m.name()));
        }
        return byNote.entrySet().stream().filter(e -> !e.getValue().isEmpty()).map(e -> new Use(e.getKey(), e.getValue())).toList();
    }

    /** The metrics no note covers. */
    public List<String> uncovered(List<Metric> metrics) {
        return metrics.stream().map(Metric::name).filter(name -> noteFor(name).isEmpty()).toList();
    }

    /** A pattern where '*' matches any run of characters and everything else is literal. */
    static Pattern glob(String pattern) {
        return GLOBS.computeIfAbsent(pattern, p -> Pattern.compile(
                String.join(".*", java.util.Arrays.stream(p.split("\\*", -1)).map(Pattern::quote).toList())));
    }
}
