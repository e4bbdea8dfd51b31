package dev.vigil.attacks.drift.corruptions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.core.testing.Fixtures;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** docs/corruptions.md states every corruption's parameter at every severity exactly as the code has it. */
class CorruptionDocsTest {
    @Test
    void theDocumentedConstantsAreTheOnesInTheCode() throws Exception {
        List<String> lines = Files.readAllLines(Fixtures.repoRoot().resolve("docs/corruptions.md"));
        Map<String, String[]> rows = lines.stream().filter(l -> l.startsWith("| `"))
                .map(l -> Arrays.stream(l.split("\\|")).map(String::trim).toArray(String[]::new))
                .collect(Collectors.toMap(cells -> cells[1].replace("`", ""), Function.identity(), (a, b) -> a));
        for (Corruption c : Corruptions.all()) {
            String[] cells = rows.get(c.id());
            assertTrue(cells != null, c.id() + " has a row in docs/corruptions.md");
            int severities = c.graded() ? 5 : 1;
            for (int s = 1; s <= severities; s++) {
                assertEquals(c.parameter(s, 32, 32), cells[1 + s], c.id() + " at severity " + s);
            }
            assertTrue(cells[7].length() > 10, c.id() + " says where its numbers come from");
        }
    }
}
