package dev.vigil.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.core.result.AuditResults;
import dev.vigil.core.result.Metric;
import dev.vigil.core.testing.SyntheticResults;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** report.pdf read back with PDFBox: its length, page one, the footer, embedded fonts, and hostile names as plain text. */
class PdfReportTest {
    /** The bound for the default audit of a few hundred images. */
    static final int MAX_PAGES = 20;
    static final String SHA = "5e".repeat(32);

    @TempDir
    static Path dir;
    static AuditResults cifar;
    static Path cifarPdf;

    @BeforeAll
    static void renderTheCifarFixtureOnce() throws IOException {
        Path out = Files.createDirectories(dir.resolve("cifar"));
        cifar = CifarFixture.load(out);
        ReportFiles.write(cifar, SHA, out, out);
        cifarPdf = out.resolve(ReportFiles.PDF);
    }

    private static String text(PDDocument pdf, int from, int to) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(from);
        stripper.setEndPage(to);
        return stripper.getText(pdf);
    }

    @Test
    void theCifarFixtureReportIsAtMostTwentyA4PagesWithTheVerdictAndCleanAccuracyOnPageOne() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(cifarPdf.toFile())) {
            int pages = pdf.getNumberOfPages();
            assertTrue(pages >= 8 && pages <= MAX_PAGES, pages + " pages");
            PDPage first = pdf.getPage(0);
            assertEquals(595.3, first.getMediaBox().getWidth(), 0.5, "A4 width in points");
            assertEquals(841.9, first.getMediaBox().getHeight(), 0.5, "A4 height in points");
            String one = text(pdf, 1, 1);
            assertTrue(one.contains("Audit at a glance"), one);
            assertTrue(one.contains("✔ PASS"), "the verdict in words and a symbol on page one");
            Metric clean = cifar.metric("clean.accuracy").orElseThrow();
            assertTrue(one.contains(String.format(Locale.ROOT, "%.4f", clean.value())), "clean accuracy on page one");
            assertTrue(one.contains(String.format(Locale.ROOT, "[%.4f, %.4f]", clean.lower(), clean.upper())), "with its interval");
            for (String probe : new String[] {"FGSM L∞", "PGD L∞", "PGD L2", "Drift: rotation", "Drift: grayscale", "Explanations"}) {
                assertTrue(one.contains(probe), probe + " has a headline row on page one");
            }
            assertTrue(one.contains("Red flags (3)"), "the red flags, one line each");
        }
    }

    @Test
    void everyPageHasTheVerdictTheResultsHashAndItsNumberInTheFooter() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(cifarPdf.toFile())) {
            int pages = pdf.getNumberOfPages();
            for (int p = 1; p <= pages; p++) {
                String page = text(pdf, p, p);
                assertTrue(page.contains("verdict PASS"), "page " + p);
                assertTrue(page.contains("results.json SHA-256 " + SHA), "page " + p);
                assertTrue(page.contains("page " + p + " of " + pages), "page " + p);
            }
        }
    }

    @Test
    void theFullListOfMetricsIsNotPrinted() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(cifarPdf.toFile())) {
            String all = text(pdf, 1, pdf.getNumberOfPages());
            assertTrue(all.contains("left out of the printed report"));
            assertFalse(all.contains("drift.corruption.pixelate.4.class.c3_cross.accuracy"), "a per-class metric name of the full list");
        }
    }

    @Test
    void everyFontIsEmbedded() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(cifarPdf.toFile())) {
            Set<String> fonts = new HashSet<>();
            for (PDPage page : pdf.getPages()) {
                PDResources resources = page.getResources();
                for (COSName name : resources.getFontNames()) {
                    PDFont font = resources.getFont(name);
                    assertTrue(font.isEmbedded(), font.getName() + " is embedded");
                    fonts.add(font.getName());
                }
            }
            assertTrue(fonts.stream().anyMatch(f -> f.contains("DejaVuSans")), fonts.toString());
        }
    }

    @Test
    void hostileClassAndFileNamesArePlainTextAndThePdfHasNoScriptOrOutsideLink(@TempDir Path out) throws IOException {
        AuditResults results = ReportFixtures.withVerdict(out);
        ReportFiles.write(results, SHA, out, out);
        try (PDDocument pdf = Loader.loadPDF(out.resolve(ReportFiles.PDF).toFile())) {
            String all = text(pdf, 1, pdf.getNumberOfPages()).replaceAll("\\s+", " ");
            assertTrue(all.contains(SyntheticResults.HOSTILE_CLASS), "the class name is printed as text");
            assertTrue(all.contains("release <gate> & \"co\""), "the policy name is printed as text");
            assertTrue(all.contains("✘ FAIL"));
            assertNull(pdf.getDocumentCatalog().getOpenAction(), "nothing runs when the PDF opens");
            assertTrue(pdf.getDocumentCatalog().getNames() == null || pdf.getDocumentCatalog().getNames().getJavaScript() == null,
                    "no document JavaScript");
            for (PDPage page : pdf.getPages()) {
                for (PDAnnotation a : page.getAnnotations()) {
                    if (a instanceof PDAnnotationLink link) {
                        assertFalse(link.getAction() instanceof PDActionURI, "a link out of the document: " + link.getAction());
                    }
                }
            }
        }
    }

    @Test
    void imagesInThePdfHaveTheirFilesPixels(@TempDir Path out) throws IOException {
        AuditResults results = SyntheticResults.build(out, java.util.List.of("a", "b"));
        ReportFiles.write(results, SHA, out, out);
        java.awt.image.BufferedImage expected = javax.imageio.ImageIO.read(out.resolve("images/drift/rotation-15.png").toFile());
        int matched = 0;
        try (PDDocument pdf = Loader.loadPDF(out.resolve(ReportFiles.PDF).toFile())) {
            for (PDPage page : pdf.getPages()) {
                for (COSName name : page.getResources().getXObjectNames()) {
                    if (page.getResources().getXObject(name) instanceof org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject image
                            && image.getWidth() == expected.getWidth() && image.getHeight() == expected.getHeight()) {
                        java.awt.image.BufferedImage actual = image.getImage();
                        boolean same = true;
                        for (int y = 0; y < expected.getHeight() && same; y++) {
                            for (int x = 0; x < expected.getWidth() && same; x++) {
                                same = (actual.getRGB(x, y) & 0xFFFFFF) == (expected.getRGB(x, y) & 0xFFFFFF);
                            }
                        }
                        matched += same ? 1 : 0;
                    }
                }
            }
        }
        assertTrue(matched >= 1, "the rotation figure is in the PDF pixel for pixel (a PNG copied without its predictor is garbled)");
    }

    @Test
    void withoutAPdfAnOlderReportPdfIsRemoved(@TempDir Path out) throws IOException {
        AuditResults results = SyntheticResults.build(out, java.util.List.of("a", "b"));
        ReportFiles.write(results, SHA, out, out, true);
        assertTrue(Files.size(out.resolve(ReportFiles.PDF)) > 1000);
        ReportFiles.write(results, SHA, out, out, false);
        assertFalse(Files.exists(out.resolve(ReportFiles.PDF)), "no PDF of older results beside the new index.html");
        assertTrue(Files.exists(out.resolve(ReportFiles.HTML)));
    }
}
