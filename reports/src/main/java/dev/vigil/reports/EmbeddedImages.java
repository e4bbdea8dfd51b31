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
    /** Base64 characters of images one report embeds at most: keeps index.html under 2 MB with room for text. */
    public static final long DEFAULT_BUDGET = 1_200_000;

    private static final Map<String, String> TYPES = Map.of("png", "image/png", "jpg", "image/jpeg", "jpeg", "image/jpeg",
            "gif", "image/gif", "webp", "image/webp");

    /**
     * The data URI of a figure, or "" and a sentence saying why there is none; {@code width} and
     * {@code height} are the PNG's pixels (0 when unknown).
     */
    public record Embedded(String uri, String problem, int width, int height) {
        Embedded(String uri, String problem) {
            this(uri, problem, 0, 0);
        }

        /** Whether the image is much wider than tall (a row of heatmaps), so that it is laid out on its own line. */
        public boolean wide() {
            return height > 0 && width >= 2.5 * height;
        }

        /** Whether the image is about twice as wide as tall (a clean and a changed image side by side), so its tile is twice as wide. */
        public boolean broad() {
            return height > 0 && !wide() && width >= 1.5 * height;
        }
    }

    private final Path root;
    private final Map<String, Long> quota;
    private final Map<String, Long> used = new HashMap<>();

    /** @param shown the figures each section (by id) shows; only these count against the budget */
    EmbeddedImages(Path root, Map<String, List<Figure>> shown, long budget) {
        this.root = root.toAbsolutePath().normalize();
        Map<String, Long> need = new LinkedHashMap<>();
        shown.forEach((section, figures) -> {
            long total = 0;
            for (Figure f : figures) {
                Path file = resolve(f);
                total += file == null ? 0 : encodedSize(file);
            }
            need.merge(section, total, Long::sum);
        });
        this.quota = shares(need, budget);
    }

    EmbeddedImages(Path root, List<Section> sections, long budget) {
        this(root, byId(sections), budget);
    }

    private static Map<String, List<Figure>> byId(List<Section> sections) {
        Map<String, List<Figure>> out = new LinkedHashMap<>();
        sections.forEach(s -> out.computeIfAbsent(s.id(), k -> new ArrayList<>()).addAll(s.figures()));
        return out;
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
            byte[] bytes = Files.readAllBytes(file);
            String uri = "data:" + type(file) + ";base64," + Base64.getEncoder().encodeToString(bytes);
            used.put(sectionId, spent + encoded);
            int[] size = pngSize(bytes);
            return new Embedded(uri, "", size[0], size[1]);
        } catch (IOException e) {
            return new Embedded("", "The figure file " + relative + " could not be read (" + e.getMessage() + ").");
        }
    }

    /** Width and height from a PNG's header, or zeros for anything else. */
    static int[] pngSize(byte[] bytes) {
        byte[] signature = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        if (bytes.length < 24 || !java.util.Arrays.equals(java.util.Arrays.copyOf(bytes, 8), signature)) {
            return new int[] {0, 0};
        }
        java.nio.ByteBuffer header = java.nio.ByteBuffer.wrap(bytes, 16, 8);
        return new int[] {header.getInt(), header.getInt()};
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
