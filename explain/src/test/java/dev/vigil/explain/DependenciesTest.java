package dev.vigil.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.core.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Explanations build on audit-core alone: the perturbations they share with the probes live there. */
class DependenciesTest {
    @Test
    void explainMainSourcesImportNothingFromTheAttackOrDriftProbes() throws IOException {
        Path sources = Fixtures.repoRoot().resolve("explain/src/main/java");
        List<String> offending;
        int files;
        try (Stream<Path> walk = Files.walk(sources)) {
            List<Path> java = walk.filter(p -> p.toString().endsWith(".java")).toList();
            files = java.size();
            offending = java.stream().filter(p -> read(p).contains("dev.vigil.attacks")).map(Path::toString).toList();
        }
        assertTrue(files > 20, "found the explain sources");
        assertEquals(List.of(), offending);
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
