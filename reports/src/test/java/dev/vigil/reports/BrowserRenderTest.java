package dev.vigil.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vigil.core.result.AuditResults;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the report in headless Chromium (Debian's chromium; CI installs it with scripts/ensure-chromium.sh)
 * and checks what the browser built: the verdict and every section, from the DOM after parsing, a
 * screenshot that is not blank, and the length of the report of the CIFAR fixture printed to PDF.
 * Skipped where no Chromium is installed.
 */
class BrowserRenderTest {
    static final Path CHROMIUM = Path.of(System.getProperty("vigil.chromium", "/usr/bin/chromium"));

    @TempDir
    Path dir;

    private String chromium(String... extra) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + Files.createDirectories(dir.resolve("profile"))));
        command.addAll(List.of(extra));
        Process p = new ProcessBuilder(command).redirectError(dir.resolve("chromium.log").toFile()).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish within 120 s");
        }
        assertEquals(0, p.exitValue(), Files.readString(dir.resolve("chromium.log")));
        return new String(out, StandardCharsets.UTF_8);
    }

    @Test
    void chromiumShowsTheVerdictAndEverySection() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "chromium is not installed here; CI installs it (scripts/ensure-chromium.sh)");
        Path out = Files.createDirectories(dir.resolve("report"));
        AuditResults results = ReportFixtures.withVerdict(out);
        ReportFiles.write(results, "5e".repeat(32), out, out);
        String url = out.resolve("index.html").toUri().toString();

        Document dom = Jsoup.parse(chromium("--dump-dom", url));
        assertEquals("✘ FAIL", dom.selectFirst("#glance .verdict .word").text());
        assertEquals(results.verdict().rules().size(), dom.select("#verdict table.rules tbody tr").size());
        for (String id : HtmlReportTest.SECTION_IDS) {
            assertNotNull(dom.getElementById(id), "section " + id + " in the browser's DOM");
        }
        assertEquals(6, dom.select("svg[role=img]").size(), "four sections' charts and page one's two");
        assertTrue(dom.select("script").isEmpty());

        Path shot = dir.resolve("shot.png");
        chromium("--screenshot=" + shot, "--window-size=1200,3000", url);
        BufferedImage image = ImageIO.read(shot.toFile());
        assertEquals(1200, image.getWidth());
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 7) {
            for (int x = 0; x < image.getWidth(); x += 7) {
                colours.add(image.getRGB(x, y));
            }
        }
        assertTrue(colours.size() > 50, "the screenshot shows a rendered page, not a blank one (" + colours.size() + " colours)");
    }

    @Test
    void chromiumPrintsTheCifarFixtureReportOnAtMostTwentyA4Pages() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "chromium is not installed here; CI installs it (scripts/ensure-chromium.sh)");
        Path out = Files.createDirectories(dir.resolve("cifar"));
        AuditResults results = CifarFixture.load(out);
        ReportFiles.write(results, "5e".repeat(32), out, out, false);
        assertTrue(Files.size(out.resolve(ReportFiles.HTML)) <= 2_000_000, "index.html is at most 2 MB");
        Path printed = dir.resolve("printed.pdf");
        chromium("--no-pdf-header-footer", "--print-to-pdf=" + printed, out.resolve(ReportFiles.HTML).toUri().toString());
        try (PDDocument pdf = Loader.loadPDF(printed.toFile())) {
            int pages = pdf.getNumberOfPages();
            assertTrue(pages >= 6 && pages <= PdfReportTest.MAX_PAGES, pages + " printed pages");
            assertEquals(595, pdf.getPage(0).getMediaBox().getWidth(), 1, "the style sheet asks for A4");
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(1);
            stripper.setEndPage(1);
            String one = stripper.getText(pdf);
            assertTrue(one.contains("Audit at a glance") && one.contains("PASS"), one);
            stripper.setEndPage(pages);
            assertFalse(stripper.getText(pdf).contains("drift.corruption.pixelate.4.class.c3_cross.accuracy"),
                    "the full list of metrics is not printed");
        }
    }
}
