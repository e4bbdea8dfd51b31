package dev.vigil.reports;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLog;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;

/**
 * Prints the report's HTML to PDF in the JVM, with openhtmltopdf (PDFBox for the PDF, Batik for the
 * inline SVG charts): the same document a browser prints, laid out by the print style sheet of the
 * template, with the DejaVu fonts bundled in this jar embedded (subset), so the PDF looks the same
 * on every machine. The renderer may read nothing outside the HTML: every image is a data URI.
 */
public final class PdfReport {
    /** The family name the print style sheet asks for; the bundled fonts are registered under it. */
    static final String FONT = "DejaVu Sans";
    static final String MONO_FONT = "DejaVu Sans Mono";
    private static final String SVG_NAMESPACE = "http://www.w3.org/2000/svg";

    static {
        // openhtmltopdf logs through java.util.logging by default; its diagnostics are collected per document instead.
        XRLog.setLoggingEnabled(false);
    }

    private PdfReport() {
    }

    /** Writes {@code html} (a rendered report) as a PDF file; on failure no partial file is left. */
    public static Path write(String html, Path file) throws IOException {
        dev.vigil.core.result.AtomicFiles.write(file, tmp -> {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                render(html, out);
            }
        });
        return file;
    }

    private static void render(String html, OutputStream out) throws IOException {
        List<Diagnostic> problems = new ArrayList<>();
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        org.jsoup.nodes.Document doc = Jsoup.parse(html);
        // HTML puts inline <svg> into the SVG namespace implicitly; the W3C DOM that Batik draws needs it declared.
        doc.select("svg").attr("xmlns", SVG_NAMESPACE);
        // openhtmltopdf would size an inline SVG box from the style sheet's "height: auto" as if it had no height;
        // its width and height attributes already hold the printed size.
        for (org.jsoup.nodes.Element svg : doc.select("svg[width][height]")) {
            svg.attr("style", "width: " + svg.attr("width") + "px; height: " + svg.attr("height") + "px");
        }
        // openhtmltopdf 1.1.31 writes a PNG drawn with "image-rendering: pixelated" without its PNG predictor
        // (DecodeParms), which garbles every row; images are drawn smoothed instead (PdfReportTest checks the pixels).
        doc.head().appendElement("style").text("img { image-rendering: auto !important; }");
        builder.withW3cDocument(new W3CDom().fromJsoup(doc), "about:blank");
        builder.useSVGDrawer(new BatikSVGDrawer());
        builder.useExternalResourceAccessControl((uri, type) -> uri != null && uri.startsWith("data:"),
                ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
        builder.useExternalResourceAccessControl((uri, type) -> uri != null && uri.startsWith("data:"),
                ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI);
        builder.withDiagnosticConsumer(d -> {
            if (d.getLevel().intValue() >= Level.SEVERE.intValue()) {
                problems.add(d);
            }
        });
        builder.useFont(() -> font("DejaVuSans.ttf"), FONT, 400, FontStyle.NORMAL, true);
        builder.useFont(() -> font("DejaVuSans-Bold.ttf"), FONT, 700, FontStyle.NORMAL, true);
        builder.useFont(() -> font("DejaVuSansMono.ttf"), MONO_FONT, 400, FontStyle.NORMAL, true);
        builder.withProducer("Vigil (openhtmltopdf, PDFBox)");
        builder.toStream(out);
        builder.run();
        if (!problems.isEmpty()) {
            throw new IOException("the PDF renderer failed: " + problems.get(0).getFormattedMessage());
        }
    }

    private static InputStream font(String name) {
        InputStream in = PdfReport.class.getResourceAsStream("/fonts/" + name);
        if (in == null) {
            throw new IllegalStateException("the bundled font /fonts/" + name + " is missing from the classpath");
        }
        return in;
    }
}
