package dev.vigil.explain.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vigil.core.model.InputSpec;
import dev.vigil.explain.method.Attributions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AttributionExportTest {
    private static final InputSpec SPEC = new InputSpec(3, 5, 7);
    private static final Path PYTHON = Path.of("/usr/bin/python3");

    private static Map<String, Attributions> maps() {
        Random random = new Random(3);
        Map<String, Attributions> out = new LinkedHashMap<>();
        for (String id : List.of("ig", "occlusion")) {
            float[] v = new float[2 * SPEC.pixelsPerImage()];
            for (int j = 0; j < v.length; j++) {
                v[j] = (float) random.nextGaussian();
            }
            v[0] = -0f;
            v[1] = Float.MIN_VALUE;
            v[2] = -1e30f;
            out.put(id, new Attributions(SPEC, 2, v));
        }
        return out;
    }

    private static final List<AttributionExport.Row> ROWS = List.of(new AttributionExport.Row("cat/a,1.png", 3, 3, 5),
            new AttributionExport.Row("dog/\"b\".png", 1, -1, 1));

    @Test
    void arraysRoundTripWithShapeDtypeAndEveryValue(@TempDir Path dir) throws IOException {
        Map<String, Attributions> maps = maps();
        Path folder = AttributionExport.write(dir, maps, ROWS);
        for (Map.Entry<String, Attributions> e : maps.entrySet()) {
            Path file = folder.resolve(e.getKey() + ".npy");
            assertEquals(0, (Files.size(file) - 4L * e.getValue().values().length) % 64, "the data starts at a multiple of 64 bytes");
            Npy.Array back = Npy.read(file);
            assertArrayEquals(new int[] {2, 3, 5, 7}, back.shape());
            assertArrayEquals(e.getValue().values(), back.values(), 0f);
            assertEquals(Float.floatToRawIntBits(-0f), Float.floatToRawIntBits(back.values()[0]), "bit-exact, the sign of zero too");
        }
        assertEquals("row,sample_id,target,label,prediction\n0,\"cat/a,1.png\",3,3,5\n1,\"dog/\"\"b\"\".png\",1,,1\n",
                Files.readString(folder.resolve("index.csv"), StandardCharsets.UTF_8));
    }

    /** Debian's numpy reads the files with numpy.load; skipped, with the reason, where /usr/bin/python3 or numpy is absent. */
    @Test
    void debiansNumpyLoadsTheArraysAndTheIndex(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(PYTHON), "/usr/bin/python3 is absent: the numpy check is skipped");
        Process probe = new ProcessBuilder(PYTHON.toString(), "-c", "import numpy").redirectErrorStream(true).start();
        assumeTrue(probe.waitFor(60, TimeUnit.SECONDS) && probe.exitValue() == 0, "numpy is not installed for /usr/bin/python3: the numpy check is skipped");
        Map<String, Attributions> maps = maps();
        Path folder = AttributionExport.write(dir, maps, ROWS);
        String script = String.join("\n",
                "import csv, sys, numpy as np",
                "d = sys.argv[1]",
                "for m in ['ig', 'occlusion']:",
                "    a = np.load(d + '/' + m + '.npy')",
                "    assert a.dtype == np.dtype('<f4') and a.shape == (2, 3, 5, 7), (a.dtype, a.shape)",
                "    print(m, repr(float(a.astype(np.float64).sum())), repr(float(a[1, 2, 4, 6])))",
                "rows = list(csv.DictReader(open(d + '/index.csv')))",
                "print(rows[0]['sample_id'], rows[1]['sample_id'], rows[1]['label'] == '', rows[0]['prediction'])");
        Process p = new ProcessBuilder(PYTHON.toString(), "-c", script, folder.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), output);
        String[] lines = output.strip().split("\n");
        int k = 0;
        for (Map.Entry<String, Attributions> e : maps.entrySet()) {
            float[] v = e.getValue().values();
            double sum = 0;
            for (float x : v) {
                sum += x;
            }
            String[] f = lines[k++].split(" ");
            assertEquals(e.getKey(), f[0]);
            assertEquals(sum, Double.parseDouble(f[1]), Math.abs(sum) * 1e-12);
            assertEquals(v[v.length - 1], (float) Double.parseDouble(f[2]), 0f, "the last value is [1, 2, 4, 6]: C order");
        }
        assertEquals("cat/a,1.png dog/\"b\".png True 5", lines[k]);
    }
}
