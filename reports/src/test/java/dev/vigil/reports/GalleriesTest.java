package dev.vigil.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.core.result.Figure;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GalleriesTest {
    /** {@code cards} triplets of one attack, each a sample's original, adversarial image and perturbation. */
    private static List<Figure> triplets(String attack, int cards) {
        List<Figure> out = new ArrayList<>();
        for (int i = 0; i < cards; i++) {
            for (String kind : List.of("original", "adversarial", "perturbation")) {
                out.add(new Figure(attack + " · sample " + i, "images/" + attack + "/" + i + "-" + kind + ".png",
                        "the long caption of the " + kind, kind + " image", kind + " " + i, attack + ": what each card shows"));
            }
        }
        return out;
    }

    @Test
    void cardsWithOneLegendFormOneGalleryThatStatesItOnceAndShowsASample() {
        List<Figure> figures = new ArrayList<>(triplets("FGSM L∞", 20));
        figures.addAll(triplets("FGSM L2", 2));
        List<Galleries.Gallery> galleries = Galleries.of(figures);
        assertEquals(2, galleries.size(), "one gallery per legend");
        Galleries.Gallery linf = galleries.get(0);
        assertEquals("FGSM L∞: what each card shows", linf.legend());
        assertEquals(Galleries.MAX_GALLERY_IMAGES / 3, linf.cards().size(), "alike cards are sampled: the first ones");
        assertEquals("sample 0", linf.cards().get(0).title(), "the lead every card shares is the legend's to say");
        Galleries.Tile tile = linf.cards().get(0).tiles().get(1);
        assertEquals("adversarial 0", tile.label(), "the short label under the image");
        assertEquals("the long caption of the adversarial", tile.caption(), "the caption stays, as the image's title");
        assertTrue(linf.note().contains("Showing 6 of 20 cards; the other 14 cards' 42 images are beside this report under images/FGSM L∞/"),
                linf.note());
        assertEquals(2, galleries.get(1).cards().size());
        assertEquals("", galleries.get(1).note());
        assertEquals(6 * 3 + 2 * 3, Galleries.shown(galleries).size());
    }

    @Test
    void unlikeCardsAreShownWholeAndFiguresWithoutLabelsShowTheirCaptions() {
        List<Figure> figures = new ArrayList<>();
        figures.add(new Figure("Example: the original", "images/drift/clean.png", "clean: cat (0.9)", "unchanged"));
        for (int k = 0; k < 10; k++) {
            for (int severity = 1; severity <= 5; severity++) {
                figures.add(new Figure("Example: corruption " + k, "images/drift/c" + k + "-" + severity + ".png",
                        "corruption " + k + ", severity " + severity, "changed"));
            }
        }
        List<Galleries.Gallery> galleries = Galleries.of(figures);
        assertEquals(1, galleries.size());
        assertEquals(11, galleries.get(0).cards().size(), "one card per setting, all shown");
        assertEquals("clean: cat (0.9)", galleries.get(0).cards().get(0).tiles().get(0).label());
        assertEquals("", galleries.get(0).cards().get(0).tiles().get(0).caption());
        assertEquals("", galleries.get(0).legend());
    }

    @Test
    void aSectionShowsAtMostItsCapAndNamesWhatItLeftOut() {
        List<Figure> figures = new ArrayList<>();
        for (int g = 0; g < 12; g++) {
            figures.addAll(triplets("attack " + g, 1));
        }
        // twelve galleries of one card each: 36 images, within the section's cap
        assertEquals(12, Galleries.of(figures).size());
        for (int g = 12; g < 40; g++) {
            figures.addAll(triplets("attack " + g, 1));
        }
        List<Galleries.Gallery> galleries = Galleries.of(figures);
        assertTrue(Galleries.shown(galleries).size() <= Galleries.MAX_SECTION_IMAGES);
        Galleries.Gallery last = galleries.get(galleries.size() - 1);
        assertTrue(last.cards().isEmpty());
        assertTrue(last.note().startsWith("18 further cards (54 images) are not shown"), last.note());
    }
}
