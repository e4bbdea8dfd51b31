package dev.vigil.core.result;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RowLogTest {
    @TempDir
    Path dir;

    private static List<SampleRow> rows(int n) {
        List<SampleRow> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, String> extra = i % 3 == 0 ? Map.of() : Map.of("min_flip_eps", i % 2 == 0 ? "none" : "8/255",
                    "perturbation_l2", Double.toString(i / 7.0), i % 5 == 0 ? "flipped" : "target", "é, \"quoted\"");
            out.add(new SampleRow("class " + (i % 4) + "/img_" + i + ".png", i % 2 == 0 ? "fgsm.linf" : "drift.rotation",
                    i % 2 == 0 ? "eps=8/255" : "", "cät " + (i % 4), "dog", i / (double) n, i % 3 == 1, extra));
        }
        return out;
    }

    @Test
    void rowsComeBackEqualAndInOrder() {
        List<SampleRow> rows = rows(1000);
        try (RowLog log = new RowLog()) {
            log.append(rows.subList(0, 400));
            assertEquals(rows.subList(0, 400), log.toList(), "reading while the log is still open for writing");
            log.append(rows.subList(400, 1000));
            assertEquals(1000, log.size());
            assertEquals(rows, log.toList());
            assertEquals(List.of("flipped", "min_flip_eps", "perturbation_l2", "target"), List.copyOf(log.extraColumns()));
        }
    }

    @Test
    void anEmptyLogMakesNoFileAndReadsNothing() {
        try (RowLog log = new RowLog()) {
            log.append(List.of());
            assertEquals(List.of(), log.toList());
            assertEquals(0, log.size());
        }
    }

    @Test
    void closingRemovesTheTemporaryFile() throws Exception {
        RowLog log = new RowLog();
        long before = countRowFiles();
        log.append(rows(10));
        assertEquals(before + 1, countRowFiles());
        log.close();
        assertEquals(before, countRowFiles());
    }

    @Test
    void theStreamedCsvEqualsTheOneWrittenFromAListAcrossChunks() throws Exception {
        List<SampleRow> rows = rows(SamplesCsv.CHUNK_ROWS + 1234);
        Path fromList = dir.resolve("list.csv");
        Path fromLog = dir.resolve("log.csv");
        SamplesCsv.write(rows, fromList);
        try (RowLog log = new RowLog()) {
            log.append(rows);
            SamplesCsv.write(log, fromLog);
        }
        assertArrayEquals(Files.readAllBytes(fromList), Files.readAllBytes(fromLog));
        List<String> lines = Files.readAllLines(fromLog);
        assertEquals(rows.size() + 1, lines.size());
        assertTrue(lines.get(0).startsWith("sample_id,"));
        assertFalse(lines.subList(1, lines.size()).stream().anyMatch(l -> l.startsWith("sample_id,")), "one header");
    }

    @Test
    void anEmptyLogStillWritesTheHeader() throws Exception {
        Path file = dir.resolve("empty.csv");
        try (RowLog log = new RowLog()) {
            SamplesCsv.write(log, file);
        }
        assertEquals(List.of("sample_id,probe,parameter,label,prediction,confidence,correct"), Files.readAllLines(file));
    }

    private static long countRowFiles() throws Exception {
        try (var files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(f -> f.getFileName().toString().startsWith("vigil-rows-")).count();
        }
    }
}
