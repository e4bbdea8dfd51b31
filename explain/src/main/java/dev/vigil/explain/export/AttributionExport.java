package dev.vigil.explain.export;

import dev.vigil.explain.method.Attributions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Attributions users can take away ({@code --save-attributions}): under {@code attributions/}, one
 * {@code <method>.npy} per method — NumPy .npy v1.0, little-endian float32, shape [N, C, H, W], in pixel
 * space, the raw signed attribution of every pixel value before any channel aggregation — and
 * {@code index.csv} with one line per image: {@code row,sample_id,target,label,prediction}, where row is
 * the position in the arrays' first axis and the classes are 0-based indices in the model's label order
 * (label empty when unknown).
 */
public final class AttributionExport {
    public static final String FOLDER = "attributions";

    private AttributionExport() {
    }

    /** One image of the arrays: its id, the explained class, the true class (-1 when unknown) and the prediction. */
    public record Row(String sampleId, int target, int label, int prediction) {
    }

    /** Writes every method's array and the index into {@code out}/attributions/; returns that folder. */
    public static Path write(Path out, Map<String, Attributions> byMethod, List<Row> rows) throws IOException {
        Path dir = Files.createDirectories(out.resolve(FOLDER));
        for (Map.Entry<String, Attributions> e : byMethod.entrySet()) {
            Attributions a = e.getValue();
            if (a.count() != rows.size()) {
                throw new IllegalArgumentException(e.getKey() + " has " + a.count() + " maps for " + rows.size() + " index rows");
            }
            Npy.write(dir.resolve(e.getKey() + ".npy"), new Npy.Array(
                    new int[] {a.count(), a.spec().channels(), a.spec().height(), a.spec().width()}, a.values()));
        }
        StringBuilder csv = new StringBuilder("row,sample_id,target,label,prediction\n");
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            csv.append(i).append(',').append(field(r.sampleId())).append(',').append(r.target()).append(',')
                    .append(r.label() < 0 ? "" : String.valueOf(r.label())).append(',').append(r.prediction()).append('\n');
        }
        Files.writeString(dir.resolve("index.csv"), csv.toString(), StandardCharsets.UTF_8);
        return dir;
    }

    /** RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled. */
    static String field(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
