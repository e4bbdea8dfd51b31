package dev.vigil.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.core.image.PngImages;
import dev.vigil.core.result.AuditResults;
import dev.vigil.core.result.Figure;
import dev.vigil.core.result.Section;
import dev.vigil.core.testing.SyntheticResults;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedImagesTest {
    @TempDir
    Path dir;

    @Test
    void theBudgetIsSharedEquallyAndSmallNeedsPassTheirRestOn() {
        Map<String, Long> q = EmbeddedImages.shares(Map.of("a", 100L, "b", 1000L, "c", 1000L), 900);
        assertEquals(Map.of("a", 100L, "b", 400L, "c", 400L), q);
        assertEquals(Map.of("a", 100L, "b", 1000L), EmbeddedImages.shares(Map.of("a", 100L, "b", 1000L), 5000));
    }

    @Test
    void filesOutsideTheFolderOrOfOtherTypesAreNeverRead() throws IOException {
        Files.writeString(dir.resolve("notes.txt"), "x");
        EmbeddedImages images = new EmbeddedImages(dir.resolve("out"), List.of(), 1000);
        assertTrue(images.embed("s", new Figure("g", "../notes.txt", "c", "a")).problem().contains("not an image inside the report folder"));
        assertTrue(images.embed("s", new Figure("g", "../x.png", "c", "a")).problem().contains("not an image inside the report folder"));
    }

    /** A heavy audit (many large noisy figures in three probes) still gives a report under 2 MB with evidence from each probe. */
    @Test
    void aReportWithManyLargeFiguresStaysUnderTwoMegabytesAndEveryProbeKeepsImages() throws IOException {
        AuditResults base = SyntheticResults.build(dir, List.of("a", "b", "c"));
        SplittableRandom random = new SplittableRandom(7);
        List<Section> sections = new ArrayList<>(base.sections().subList(0, 1));
        for (String probe : List.of("adversarial", "drift", "explain")) {
            List<Figure> figures = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                float[] noise = new float[3 * 64 * 64];
                for (int k = 0; k < noise.length; k++) {
                    noise[k] = (float) random.nextDouble();
                }
                String file = "images/" + probe + "/" + i + ".png";
                PngImages.write(PngImages.toImage(noise, 0, 3, 64, 64, 2), dir.resolve(file));
                figures.add(new Figure("examples", file, "example " + i, "noise image " + i));
            }
            sections.add(new Section(probe, probe, "a probe with many figures", Map.of(), List.of(), List.of(), figures));
        }
        AuditResults heavy = new AuditResults(1, base.provenance(), base.model(), base.dataset(), base.metrics(), base.findings(), sections);
        String html = new HtmlReport().render(heavy, dir, "00");
        assertTrue(html.getBytes(java.nio.charset.StandardCharsets.UTF_8).length < 2_000_000, "report of " + html.length() + " characters");
        Document doc = Jsoup.parse(html);
        for (String probe : List.of("adversarial", "drift", "explain")) {
            int shown = doc.select("#section-" + probe + " img").size();
            assertTrue(shown >= 5 && shown < 30, probe + " shows " + shown + " of 30 images");
            assertEquals(30 - shown, doc.select("#section-" + probe + " .missing").size());
        }
    }
}
