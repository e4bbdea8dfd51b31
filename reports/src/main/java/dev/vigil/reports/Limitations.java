package dev.vigil.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The standing list of what an audit does not show, read from templates/limitations.yaml. */
public final class Limitations {
    public record Limitation(String title, String text) {
    }

    private static final String RESOURCE = "/templates/limitations.yaml";

    private Limitations() {
    }

    public static List<Limitation> bundled() {
        try (InputStream in = Limitations.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            List<Limitation> out = new ArrayList<>();
            for (JsonNode n : new ObjectMapper(new YAMLFactory()).readTree(in).get("limitations")) {
                out.add(new Limitation(n.get("title").asText(), n.get("text").asText()));
            }
            return List.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
