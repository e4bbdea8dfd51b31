package dev.vigil.reports.svg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.core.result.Chart;
import dev.vigil.core.result.ChartSeries;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class ChartSvgTest {
    static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    static List<Element> all(Document doc, String tag) {
        NodeList nodes = doc.getElementsByTagName(tag);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }

    static Chart robustness() {
        return new Chart("Robust accuracy vs ε", "line", "ε", "robust accuracy", List.of("0", "1/255", "2/255", "8/255"),
                List.of(new ChartSeries("FGSM", List.of(1.0, 0.75, 0.5, 0.0), List.of(0.9, 0.6, 0.4, 0.0), List.of(1.0, 0.85, 0.6, 0.1)),
                        new ChartSeries("PGD", Arrays.asList(1.0, Double.NaN, 0.25, 0.0), null, null)));
    }

    @Test
    void aLineChartIsWellFormedWithBandsLinesMarkersAndItsDataInTheDescription() throws Exception {
        Document doc = parse(new ChartSvg().render(robustness()));
        Element root = doc.getDocumentElement();
        assertEquals("svg", root.getTagName());
        assertEquals("img", root.getAttribute("role"));
        assertEquals("Robust accuracy vs ε", all(doc, "title").get(0).getTextContent());
        String desc = all(doc, "desc").get(0).getTextContent();
        assertTrue(desc.startsWith("Line chart of robust accuracy (vertical axis) against ε (horizontal axis), with shaded bands"), desc);
        assertTrue(desc.contains("FGSM — 0: 1.0000 [0.9000, 1.0000]; 1/255: 0.7500 [0.6000, 0.8500]"), desc);
        assertTrue(desc.contains("PGD — 0: 1.0000; 1/255: no value; 2/255: 0.2500"), desc);
        List<Element> bands = all(doc, "polygon").stream().filter(p -> "0.16".equals(p.getAttribute("fill-opacity"))).toList();
        assertEquals(1, bands.size(), "one band over FGSM's four intervals");
        assertEquals(8, bands.get(0).getAttribute("points").split(" ").length);
        List<Element> lines = all(doc, "path").stream().filter(p -> "2".equals(p.getAttribute("stroke-width"))
                && "none".equals(p.getAttribute("fill"))).toList();
        assertEquals(2, lines.size());
        assertEquals(1, lines.get(0).getAttribute("d").chars().filter(c -> c == 'M').count());
        assertEquals(2, lines.get(1).getAttribute("d").chars().filter(c -> c == 'M').count(), "the missing PGD point breaks its line");
        assertNotEquals(lines.get(0).getAttribute("stroke-dasharray"), lines.get(1).getAttribute("stroke-dasharray"),
                "series differ by dash pattern, not only colour");
    }

    @Test
    void valuesLandWhereTheScaleSays() throws Exception {
        Document doc = parse(new ChartSvg().render(robustness()));
        String first = all(doc, "path").stream().filter(p -> "2".equals(p.getAttribute("stroke-width"))).findFirst().orElseThrow()
                .getAttribute("d");
        // FGSM: y = 1 at the top of the plot, 0.5 halfway, 0 at the bottom; x at the centre of each of 4 slots.
        double plotWidth = ChartSvg.WIDTH - ChartSvg.LEFT - ChartSvg.RIGHT;
        String[] moves = first.substring(1).split("L");
        double[] y = new double[4];
        for (int i = 0; i < 4; i++) {
            String[] xy = moves[i].split(" ");
            assertEquals(ChartSvg.LEFT + (i + 0.5) * plotWidth / 4, Double.parseDouble(xy[0]), 0.01);
            y[i] = Double.parseDouble(xy[1]);
        }
        assertEquals(ChartSvg.PLOT_HEIGHT, y[3] - y[0], 0.01);
        assertEquals((y[0] + y[3]) / 2, y[2], 0.01);
        assertEquals(y[3] - 0.75 * ChartSvg.PLOT_HEIGHT, y[1], 0.01);
    }

    @Test
    void aBarChartHasOneBarPerValueAndAnErrorBarPerInterval() throws Exception {
        Chart chart = new Chart("Recall per class", "bar", "class", "recall", List.of("a", "b", "c"),
                List.of(new ChartSeries("clean", List.of(0.9, 0.8, 0.7), List.of(0.8, 0.7, 0.6), List.of(0.95, 0.9, 0.8)),
                        new ChartSeries("grayscale", Arrays.asList(0.5, Double.NaN, 0.3), null, null)));
        Document doc = parse(new ChartSvg().render(chart));
        List<Element> bars = all(doc, "rect").stream().filter(r -> r.getElementsByTagName("title").getLength() == 1).toList();
        assertEquals(5, bars.size(), "3 + 2 bars; the missing value draws none");
        assertTrue(bars.get(3).getAttribute("fill").startsWith("url(#chart-1-hatch-1)"), "the second series is hatched");
        long whiskers = all(doc, "path").stream().filter(p -> "1.3".equals(p.getAttribute("stroke-width"))).count();
        assertEquals(3, whiskers);
        assertEquals(1, all(doc, "pattern").size());
        assertTrue(all(doc, "desc").get(0).getTextContent().contains("with error bars for 95% intervals"));
    }

    @Test
    void everyLabelIsEscapedAndLongOnesKeepTheirFullTextInATooltip() throws Exception {
        String hostile = "<script>alert(1)</script> & \"x\"";
        Chart chart = new Chart(hostile, "bar", hostile, hostile, List.of(hostile, "b\u0001"),
                List.of(new ChartSeries(hostile, List.of(0.5, 0.4), null, null)));
        String svg = new ChartSvg().render(chart);
        assertFalse(svg.contains("<script"));
        Document doc = parse(svg);
        assertEquals(hostile, all(doc, "title").get(0).getTextContent());
        assertTrue(all(doc, "text").stream().anyMatch(t -> t.getTextContent().startsWith("<script>alert(1)</scr")));
        assertTrue(all(doc, "text").stream().anyMatch(t -> t.getTextContent().equals("b")), "control characters are dropped");
        assertTrue(all(doc, "title").stream().anyMatch(t -> t.getTextContent().equals(hostile)));
    }

    @Test
    void idsDifferBetweenChartsOfOneReport() throws Exception {
        ChartSvg svg = new ChartSvg();
        String a = parse(svg.render(robustness())).getDocumentElement().getAttribute("aria-labelledby");
        String b = parse(svg.render(robustness())).getDocumentElement().getAttribute("aria-labelledby");
        assertNotEquals(a, b);
    }

    @Test
    void emptyChartsSayNoData() throws Exception {
        Document doc = parse(new ChartSvg().render(new Chart("empty", "line", "x", "y", List.of(), List.of())));
        assertTrue(all(doc, "text").stream().anyMatch(t -> t.getTextContent().equals("no data")));
    }

    @Test
    void scalesUseNiceTicksAndKeepSharesOnTheUnitInterval() {
        assertEquals(List.of(0.0, 0.2, 0.4, 0.6, 0.8, 1.0), Scale.of(0.31, 0.35).ticks());
        Scale counts = Scale.of(3, 37);
        assertEquals(List.of(0.0, 10.0, 20.0, 30.0, 40.0), counts.ticks());
        assertEquals("40", counts.label(40));
        Scale signed = Scale.of(-0.2, 0.3);
        assertEquals(-0.2, signed.min(), 1e-12);
        assertEquals(0.3, signed.max(), 1e-12);
        assertEquals("-0.1", signed.label(signed.ticks().get(1)));
        assertEquals(0.0, signed.ticks().get(2));
        assertEquals(5.0, Scale.niceStep(3.3));
        assertEquals(0.2, Scale.niceStep(0.15), 1e-12);
    }

    @Test
    void aThousandCategoriesGetEveryTwentyFifthLabelButEveryBar() throws Exception {
        List<String> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            x.add("class" + i);
            y.add(i / 1000.0);
        }
        Document doc = parse(new ChartSvg().render(new Chart("recall", "bar", "class", "recall", x, List.of(new ChartSeries("recall", y, null, null)))));
        long labels = all(doc, "text").stream().filter(t -> t.getTextContent().matches("class\\d+")).count();
        assertEquals(40, labels);
        assertEquals(1000, all(doc, "rect").stream().filter(r -> r.getElementsByTagName("title").getLength() == 1).count());
    }
}
