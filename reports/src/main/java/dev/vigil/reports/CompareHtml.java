package dev.vigil.reports;

import dev.vigil.core.compare.AuditComparison;
import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import java.io.IOException;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;

/** Renders compare.html from reports/templates/compare.ftlh: self-contained like the audit report (inline CSS, no scripts). */
public final class CompareHtml {
    /** Newly failing and newly passing samples listed per setting; compare.json has them all. */
    static final int SHOWN_SAMPLES = 20;

    private final Configuration config = HtmlReport.configure();

    public String render(AuditComparison comparison) throws IOException {
        Map<String, Object> model = new HashMap<>();
        model.put("c", comparison);
        if (comparison.verdict() != null) {
            model.put("v", comparison.verdict());
        }
        model.put("fmt", new CompareFormat());
        model.put("gate", new ReportFormat());
        model.put("shown", SHOWN_SAMPLES);
        StringWriter out = new StringWriter();
        try {
            config.getTemplate("compare.ftlh").process(model, out);
        } catch (TemplateException e) {
            throw new IllegalStateException("comparison template failed: " + e.getMessage(), e);
        }
        return out.toString();
    }
}
