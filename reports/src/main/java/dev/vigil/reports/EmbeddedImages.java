package dev.vigil.reports;

import dev.vigil.core.result.Figure;
import dev.vigil.core.result.Section;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns figure files into data URIs so that the report is one self-contained file. The images share
 * a budget so that the report stays small enough to open and mail: when they do not all fit, each
 * section gets an equal share (a section needing less passes its rest on), so that every probe keeps
 * some evidence; figures past a section's share are named in the report instead. Files outside the
 * output folder are never read.
 */
public final class EmbeddedImages {
    /** Base64 characters of images one report embeds at most: keeps a report under 5 MB with room for text. */
    public static final long DEFAULT_BUDGET = 4_000_000;

    private static final Map<String, String> TYPES = Map.of("png", "image/png", "jpg", "image/jpeg", "jpeg", "image/jpeg",
            "gif", "image/gif", "webp", "image/webp");

    /** The data URI of a figure, or "" and a sentence saying why there is none. */
    public record Embedded(String uri, String problem) {
    }

    private final Path root;
    private final Map<String, Long> quota;
    private final Map<String, Long> used = new HashMap<>();

    EmbeddedImages(Path root, List<Section> sections, long budget) {
        this.root = root.toAbsolutePath().normalize();
        Map<String, Long> need = new LinkedHashMap<>();
        for (Section s : sections) {
            long total = 0;
            for (Figure f : s.figures()) {
                Path file = resolve(f);
                total += file == null ? 0 : encodedSize(file);
            }
            need.merge(s.id(), total, Long::sum);
        }
        this.quota = shares(need, budget);
    }

    /** Water-filling: sections in order of need each take the smaller of their need and an equal share of what is left. */
    static Map<String, Long> shares(Map<String, Long> need, long budget) {
        List<Map.Entry<String, Long>> order = new ArrayList<>(need.entrySet());
        order.sort(Map.Entry.comparingByValue(Comparator.naturalOrder()));
        Map<String, Long> out = new HashMap<>();
        long left = budget;
        for (int i = 0; i < order.size(); i++) {
            long share = left / (order.size() - i);
            long q = Math.min(order.get(i).getValue(), share);
            out.put(order.get(i).getKey(), q);
            left -= q;
        }
        return out;
    }

    public Embedded embed(String sectionId, Figure figure) {
        String relative = figure.file() == null ? "" : figure.file();
        Path file = resolve(figure);
        if (file == null) {
            return new Embedded("", "The figure file " + relative + " is not an image inside the report folder, so it is not shown.");
        }
        if (!Files.isRegularFile(file)) {
            return new Embedded("", "The figure file " + relative + " is missing.");
        }
        long encoded = encodedSize(file);
        long spent = used.getOrDefault(sectionId, 0L);
        if (spent + encoded > quota.getOrDefault(sectionId, 0L)) {
            return new Embedded("", "Not embedded, to keep the report small; the image is the file " + relative + " beside it.");
        }
        try {
            String uri = "data:" + type(file) + ";base64," + Base64.getEncoder().encodeToString(Files.readAllBytes(file));
            used.put(sectionId, spent + encoded);
            return new Embedded(uri, "");
        } catch (IOException e) {
            return new Embedded("", "The figure file " + relative + " could not be read (" + e.getMessage() + ").");
        }
    }

    /** The figure's file inside the output folder with an image type, or null. */
    private Path resolve(Figure figure) {
        if (figure.file() == null) {
            return null;
        }
        Path file = root.resolve(figure.file()).normalize();
        return file.startsWith(root) && type(file) != null ? file : null;
    }

    private static String type(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        return TYPES.get(name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT));
    }

    private static long encodedSize(Path file) {
        try {
            return Files.isRegularFile(file) ? 4 * ((Files.size(file) + 2) / 3) : 0;
        } catch (IOException e) {
            return 0;
        }
    }
}
