package dev.vigil.reports;

import dev.vigil.core.result.AuditResults;
import freemarker.core.HTMLOutputFormat;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Renders index.html from reports/templates/ with Freemarker. Auto-escaping is forced to HTML for
 * every template, so every user-supplied string (class names, paths) is escaped.
 */
public final class HtmlReport {
    private final Configuration config;

    public HtmlReport() {
        config = new Configuration(Configuration.VERSION_2_3_34);
        config.setClassForTemplateLoading(HtmlReport.class, "/templates");
        config.setDefaultEncoding("UTF-8");
        config.setOutputFormat(HTMLOutputFormat.INSTANCE);
        config.setAutoEscapingPolicy(Configuration.ENABLE_IF_SUPPORTED_AUTO_ESCAPING_POLICY);
        config.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        config.setLogTemplateExceptions(false);
        config.setNumberFormat("computer");
    }

    /** The report as a string; {@code outputDir} is where figure files referenced by the results lie. */
    public String render(AuditResults results, Path outputDir) throws IOException {
        Map<String, Object> model = new HashMap<>();
        model.put("r", results);
        model.put("images", new EmbeddedImages(outputDir));
        Template template = config.getTemplate("index.ftlh");
        StringWriter out = new StringWriter();
        try {
            template.process(model, out);
        } catch (TemplateException e) {
            throw new IllegalStateException("report template failed: " + e.getMessage(), e);
        }
        return out.toString();
    }

    public Path write(AuditResults results, Path outputDir) throws IOException {
        Path file = outputDir.resolve("index.html");
        Files.writeString(file, render(results, outputDir), StandardCharsets.UTF_8);
        return file;
    }
}
