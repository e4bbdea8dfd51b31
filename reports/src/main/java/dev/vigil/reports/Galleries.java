package dev.vigil.reports;

import dev.vigil.core.result.Figure;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Lays a section's figures out as compact galleries: the figures of one {@code group} form a card
 * (one sample's original, adversarial image and perturbation; one image's heatmap rows), consecutive
 * cards whose figures share a legend (or all lack one) form one gallery that states the legend once, and
 * each image carries its short label instead of the full caption. Evidence is sampled, not proportional
 * to the data: a gallery of alike cards shows its first cards up to {@link #MAX_GALLERY_IMAGES} images,
 * a section shows up to {@link #MAX_SECTION_IMAGES}; the probes put the most telling cards first, and the
 * files of the rest are named.
 */
public final class Galleries {
    static final int MAX_GALLERY_IMAGES = 18;
    static final int MAX_SECTION_IMAGES = 66;
    private static final String SEPARATOR = " · ";

    /** One image of a card, with the words shown under it and its full caption. */
    public record Tile(Figure figure, String label, String caption) {
    }

    public record Card(String title, List<Tile> tiles) {
    }

    /**
     * @param legend what every card shows, stated once; "" for none
     * @param note   what was left out, "" when every card is shown
     */
    public record Gallery(String legend, List<Card> cards, String note) {
    }

    private Galleries() {
    }

    static List<Gallery> of(List<Figure> figures) {
        Map<String, List<Figure>> byGroup = new LinkedHashMap<>();
        for (Figure f : figures) {
            byGroup.computeIfAbsent(f.group() == null ? "" : f.group(), g -> new ArrayList<>()).add(f);
        }
        List<List<Map.Entry<String, List<Figure>>>> runs = new ArrayList<>();
        String previous = null;
        for (Map.Entry<String, List<Figure>> group : byGroup.entrySet()) {
            String legend = legend(group.getValue());
            if (runs.isEmpty() || !Objects.equals(legend, previous)) {
                runs.add(new ArrayList<>());
            }
            runs.get(runs.size() - 1).add(group);
            previous = legend;
        }
        List<Gallery> out = new ArrayList<>();
        int sectionImages = 0;
        int hiddenCards = 0;
        int hiddenImages = 0;
        List<Figure> hidden = new ArrayList<>();
        for (List<Map.Entry<String, List<Figure>>> run : runs) {
            List<Card> cards = new ArrayList<>();
            int images = 0;
            List<Figure> left = new ArrayList<>();
            boolean sampled = alike(run);
            for (Map.Entry<String, List<Figure>> group : run) {
                int size = group.getValue().size();
                boolean fits = cards.isEmpty() ? sectionImages < MAX_SECTION_IMAGES
                        : (!sampled || images + size <= MAX_GALLERY_IMAGES) && sectionImages + size <= MAX_SECTION_IMAGES;
                if (fits) {
                    cards.add(card(group.getKey(), group.getValue()));
                    images += size;
                    sectionImages += size;
                } else {
                    left.addAll(group.getValue());
                }
            }
            int leftCards = run.size() - cards.size();
            if (cards.isEmpty()) {
                hiddenCards += leftCards;
                hiddenImages += left.size();
                hidden.addAll(left);
                continue;
            }
            String note = leftCards == 0 ? "" : "Showing " + cards.size() + " of " + run.size() + " cards; the other " + leftCards
                    + (leftCards == 1 ? " card's " : " cards' ") + left.size() + (left.size() == 1 ? " image is" : " images are")
                    + " beside this report" + folder(left) + ".";
            String legend = legend(run.get(0).getValue());
            out.add(new Gallery(legend == null ? "" : legend, legend == null ? cards : withoutSharedLead(cards), note));
        }
        if (hiddenCards > 0) {
            out.add(new Gallery("", List.of(), hiddenCards + " further " + (hiddenCards == 1 ? "card" : "cards") + " (" + hiddenImages
                    + (hiddenImages == 1 ? " image" : " images") + ") are not shown, to keep the report short; the files are beside this report"
                    + folder(hidden) + "."));
        }
        return out;
    }

    /**
     * Whether a gallery's cards are alike (several, with the same number of images): then each card is one
     * piece of evidence (a sample's triplet, an image's heatmaps) and the gallery shows a sample of them.
     * Unlike cards (one per setting: each corruption's severities, say) are shown whole, within the section's cap.
     */
    private static boolean alike(List<Map.Entry<String, List<Figure>>> run) {
        return run.size() > 1 && run.stream().allMatch(g -> g.getValue().size() == run.get(0).getValue().size());
    }

    /**
     * Card titles without the lead they all share ("FGSM L∞ · " before each sample): the gallery's legend says it once.
     * Only a lead that ends at a " · " separator goes, and only when every card has more after it.
     */
    static List<Card> withoutSharedLead(List<Card> cards) {
        if (cards.size() < 2) {
            return cards;
        }
        String first = cards.get(0).title();
        int cut = first.indexOf(SEPARATOR);
        if (cut < 0) {
            return cards;
        }
        String lead = first.substring(0, cut + SEPARATOR.length());
        if (!cards.stream().allMatch(c -> c.title().startsWith(lead) && c.title().length() > lead.length())) {
            return cards;
        }
        return cards.stream().map(c -> new Card(c.title().substring(lead.length()), c.tiles())).toList();
    }

    /** The figures the galleries show, for the image budget. */
    static List<Figure> shown(List<Gallery> galleries) {
        List<Figure> out = new ArrayList<>();
        galleries.forEach(g -> g.cards().forEach(c -> c.tiles().forEach(t -> out.add(t.figure()))));
        return out;
    }

    private static Card card(String title, List<Figure> figures) {
        List<Tile> tiles = new ArrayList<>();
        for (Figure f : figures) {
            String caption = f.caption() == null ? "" : f.caption();
            boolean labelled = f.label() != null && !f.label().isBlank();
            tiles.add(new Tile(f, labelled ? f.label() : caption, labelled ? caption : ""));
        }
        return new Card(title, tiles);
    }

    /** The legend the group's figures share, or null when they have none (or differ). */
    private static String legend(List<Figure> figures) {
        String legend = figures.get(0).legend();
        if (legend == null || legend.isBlank()) {
            return null;
        }
        return figures.stream().allMatch(f -> legend.equals(f.legend())) ? legend : null;
    }

    /** " under images/x/" when the files share a folder, else "". */
    private static String folder(List<Figure> figures) {
        Path common = null;
        for (Figure f : figures) {
            if (f.file() == null) {
                return "";
            }
            Path parent;
            try {
                parent = Path.of(f.file()).getParent();
            } catch (java.nio.file.InvalidPathException e) {
                return "";
            }
            if (parent == null) {
                return "";
            }
            if (common == null) {
                common = parent;
            }
            while (common != null && !parent.startsWith(common)) {
                common = common.getParent();
            }
            if (common == null) {
                return "";
            }
        }
        return common == null ? "" : " under " + common.toString().replace('\\', '/') + "/";
    }
}
