package dev.vigil.reports;

import dev.vigil.core.result.AuditResults;
import dev.vigil.core.result.Figure;
import dev.vigil.core.result.Metric;
import dev.vigil.core.result.Section;
import freemarker.core.HTMLOutputFormat;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders index.html from reports/templates/ with Freemarker. The output format is forced to HTML
 * with auto-escaping for every template, so every user-supplied string (class names, file names,
 * paths, command lines) is escaped; only charts, which {@link ChartMarkup} escapes itself, enter as markup.
 */
public final class HtmlReport {
    private final Configuration config;
    private final long imageBudget;

    public HtmlReport() {
        this(EmbeddedImages.DEFAULT_BUDGET);
    }

    HtmlReport(long imageBudget) {
        this.imageBudget = imageBudget;
        config = configure();
    }

    /** The Freemarker set-up of every Vigil page: templates from the jar, HTML auto-escaping forced, errors rethrown. */
    static Configuration configure() {
        Configuration config = new Configuration(Configuration.VERSION_2_3_34);
        config.setClassForTemplateLoading(HtmlReport.class, "/templates");
        config.setDefaultEncoding("UTF-8");
        config.setOutputFormat(HTMLOutputFormat.INSTANCE);
        config.setRecognizeStandardFileExtensions(false);
        config.setAutoEscapingPolicy(Configuration.ENABLE_IF_SUPPORTED_AUTO_ESCAPING_POLICY);
        config.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        config.setLogTemplateExceptions(false);
        config.setWrapUncheckedExceptions(true);
        config.setNumberFormat("computer");
        return config;
    }

    Configuration configuration() {
        return config;
    }

    /**
     * The report as a string.
     *
     * @param imagesRoot    the folder that figure paths in the results are relative to
     * @param resultsSha256 SHA-256 of the results.json beside the report, for provenance
     */
    public String render(AuditResults results, Path imagesRoot, String resultsSha256) throws IOException {
        MethodNotes notes = MethodNotes.bundled();
        Map<String, String> noteIds = new LinkedHashMap<>();
        for (Metric m : results.metrics()) {
            notes.noteFor(m.name()).ifPresent(n -> noteIds.put(m.name(), n.id()));
        }
        Map<String, Object> model = new HashMap<>();
        model.put("r", results);
        if (results.verdict() != null) {
            model.put("v", results.verdict());
        }
        if (resultsSha256 != null) {
            model.put("resultsSha256", resultsSha256);
        }
        List<SectionView> views = new ArrayList<>();
        Map<String, List<Figure>> shown = new LinkedHashMap<>();
        for (Section s : results.sections()) {
            SectionView view = SectionView.of(s, results.dataset().classNames());
            views.add(view);
            shown.computeIfAbsent(s.id(), k -> new ArrayList<>()).addAll(Galleries.shown(view.galleries()));
        }
        model.put("views", views);
        model.put("glance", Glance.of(results));
        model.put("notRun", results.findings().stream().filter(f -> f.id().contains("not-run")).toList());
        model.put("footer", footer(results, resultsSha256));
        model.put("images", new EmbeddedImages(imagesRoot, shown, imageBudget));
        model.put("charts", new ChartMarkup());
        model.put("fmt", new ReportFormat());
        model.put("noteUses", notes.uses(results.metrics()));
        model.put("uncovered", notes.uncovered(results.metrics()));
        model.put("noteIds", noteIds);
        model.put("limitations", Limitations.bundled());
        Template template = config.getTemplate("index.ftlh");
        StringWriter out = new StringWriter();
        try {
            template.process(model, out);
        } catch (TemplateException e) {
            throw new IllegalStateException("report template failed: " + e.getMessage(), e);
        }
        return out.toString();
    }

    /**
     * The running footer of every printed page (browser print and report.pdf): the verdict and the SHA-256
     * of results.json, the record this report renders. It goes into a CSS string, so it holds only fixed
     * words, the verdict word and hex digits, never a user-supplied name.
     */
    static String footer(AuditResults results, String resultsSha256) {
        String verdict = results.verdict() == null ? "no verdict" : "verdict " + results.verdict().status().name();
        String sha = resultsSha256 == null ? "results.json not recorded"
                : "results.json SHA-256 " + (resultsSha256.matches("[0-9a-f]{64}") ? resultsSha256 : "(malformed)");
        return "Vigil audit report · " + verdict + " · " + sha;
    }

    /** The report of results that have no results.json (yet): figures under {@code outputDir}, no results hash. */
    public String render(AuditResults results, Path outputDir) throws IOException {
        return render(results, outputDir, null);
    }

}
