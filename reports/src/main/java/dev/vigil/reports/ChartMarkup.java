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

    /** Body charts: two fit side by side on a printed page. */
    static final double WIDTH = 470;
    static final double PLOT_HEIGHT = 170;
    /** Page one's charts, drawn smaller still. */
    static final double COMPACT_WIDTH = 420;
    static final double COMPACT_PLOT_HEIGHT = 130;

    /**
     * The width, in CSS pixels, of a chart on the printed A4 page: half the 186 mm between the page margins
     * of the template's @page rule, as the print style sheet lays charts out two to a row.
     */
    static final double PRINTED_WIDTH = 0.49 * 186 / 25.4 * 96;

    public TemplateHTMLOutputModel svg(Chart chart) throws TemplateModelException {
        return HTMLOutputFormat.INSTANCE.fromMarkup(svg.render(chart, WIDTH, PLOT_HEIGHT, PRINTED_WIDTH));
    }

    public TemplateHTMLOutputModel compact(Chart chart) throws TemplateModelException {
        return HTMLOutputFormat.INSTANCE.fromMarkup(svg.render(chart, COMPACT_WIDTH, COMPACT_PLOT_HEIGHT, PRINTED_WIDTH));
    }
}
