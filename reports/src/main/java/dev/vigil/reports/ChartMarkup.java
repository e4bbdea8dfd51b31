package dev.vigil.reports;

import dev.vigil.core.result.Chart;
import dev.vigil.reports.svg.ChartSvg;
import freemarker.core.HTMLOutputFormat;
import freemarker.template.TemplateModelException;
import freemarker.core.TemplateHTMLOutputModel;

/**
 * Gives the template each chart as already-safe HTML markup. ChartSvg escapes every string it
 * draws, so the template needs no {@code ?no_esc} and auto-escaping stays on everywhere else.
 */
public final class ChartMarkup {
    private final ChartSvg svg = new ChartSvg();

    public TemplateHTMLOutputModel svg(Chart chart) throws TemplateModelException {
        return HTMLOutputFormat.INSTANCE.fromMarkup(svg.render(chart));
    }
}
