package dev.vigil.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.core.testing.SyntheticResults;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummaryMarkdownTest {
    @TempDir
    Path dir;

    @Test
    void theVerdictComesFirstThenFailingRulesThenTheRest() throws Exception {
        String md = SummaryMarkdown.render(ReportFixtures.withVerdict(dir), "5e".repeat(32));
        List<String> lines = md.lines().toList();
        assertEquals("## ✘ Vigil audit: FAIL", lines.get(0));
        assertTrue(lines.get(2).startsWith("1 of 4 error-severity rules fails; the gate fails."), lines.get(2));
        List<String> rows = lines.stream().filter(l -> l.startsWith("| ") && !l.startsWith("| result") && !l.startsWith("| ---")).toList();
        assertEquals(5, rows.size());
        assertTrue(rows.get(0).startsWith("| ✘ fail | `clean.accuracy` (lower bound) ≥ 0.9 | 0.8500 \\[0.7389, 0.9190\\], n = 60 | −0.1611 |"),
                rows.get(0));
        assertTrue(rows.get(1).startsWith("| ⚠ fail (warning only) | `pgd.linf.eps=8/255.robust_accuracy` ≥ 0.4 \\*(warning)\\*")
                || rows.get(1).startsWith("| ⚠ fail (warning only) | `pgd.linf.eps=8/255.robust_accuracy` ≥ 0.4 *(warning)*"), rows.get(1));
        assertTrue(rows.get(2).startsWith("| ? inconclusive | `drift.rotation.15.accuracy_drop` ≤ 0.2 | 0.1500, n = 60 |  |"), rows.get(2));
        assertTrue(rows.get(3).startsWith("| ✔ pass |") && rows.get(4).startsWith("| ✔ pass |"));
        assertTrue(md.contains("**Red flags (1):**"));
        assertTrue(md.contains("5e".repeat(32)));
    }

    @Test
    void userTextCannotInjectMarkupOrBreakTheTable() throws Exception {
        String md = SummaryMarkdown.render(ReportFixtures.withVerdict(dir), "00");
        String outsideCode = md.replaceAll("`[^`]*`", "").replace("<sub>", "").replace("</sub>", "");
        assertFalse(outsideCode.contains("<"), "raw HTML only inside code spans, where Markdown shows it as text");
        assertTrue(md.contains("`say \"hi\" & 'bye' <img src=x onerror=alert(1)>.png`"));
        assertTrue(md.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertTrue(md.contains("release &lt;gate&gt; &amp; \"co\""));
        assertEquals("`` a`b ``", SummaryMarkdown.code("a`b").replace("``a`b``", "`` a`b ``"));
        assertEquals("`x\\|y`", SummaryMarkdown.code("x|y"));
        assertEquals("a \\| b \\*c\\* \\_d\\_", SummaryMarkdown.text("a | b *c* _d_"));
    }

    @Test
    void noVerdictIsSaid() throws Exception {
        assertTrue(SummaryMarkdown.render(SyntheticResults.build(dir, List.of("a", "b")), "00").startsWith("## Vigil audit: no verdict"));
    }
}
