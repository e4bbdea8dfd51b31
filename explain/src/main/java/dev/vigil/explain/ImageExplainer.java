package dev.vigil.explain;

import dev.vigil.core.eval.Predictions;
import dev.vigil.core.model.Classifier;
import dev.vigil.explain.heatmap.Heatmaps;
import dev.vigil.explain.method.AttributionMethod;
import dev.vigil.explain.method.Attributions;
import dev.vigil.explain.method.BatchedPasses;
import dev.vigil.explain.method.ChannelAggregation;
import dev.vigil.explain.method.Completeness;
import dev.vigil.explain.method.Images;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * Explains a few given images outside an audit ({@code vigil explain}): the prediction of each, then every
 * method's map for the target class, written as one heatmap PNG per image and method.
 */
public final class ImageExplainer {
    private ImageExplainer() {
    }

    /** One image's prediction and the chosen target. */
    public record Prediction(int predicted, double confidence, int target, double targetProbability) {
    }

    /**
     * One method's map of one image: the heatmap file, its colour-scale top, Σ attributions, and, for
     * Integrated Gradients, the completeness gap (absolute and relative; NaN otherwise).
     */
    public record Explanation(String method, Path heatmap, double scaleTop, double attributionSum, double absoluteGap,
                              double relativeGap) {
    }

    /** How long a method took on all the images. */
    public record Timing(String method, int images, double seconds) {
        public double imagesPerSecond() {
            return seconds > 0 ? images / seconds : Double.NaN;
        }
    }

    /**
     * Everything explained: predictions by image, explanations by image then method, timings by method, and
     * every method's maps by method id.
     */
    public record Result(List<Prediction> predictions, List<List<Explanation>> explanations, List<Timing> timings,
                         Map<String, Attributions> maps) {
    }

    /**
     * @param targets the class to explain for each image, or -1 for its predicted class
     * @param names   file-name stems for the heatmaps, one per image
     */
    public static Result explain(Classifier model, Images images, int[] targets, List<AttributionMethod> methods,
                                 ChannelAggregation channels, Path outDir, List<String> names, int batchSize) throws IOException {
        int k = model.labels().size();
        float[] logits = new float[images.count() * k];
        BatchedPasses.logits(model, images.count(), batchSize,
                (p, dest, offset) -> System.arraycopy(images.pixels(), images.offset(p), dest, offset, images.size()),
                (p, out, offset) -> System.arraycopy(out, offset, logits, p * k, k));
        Predictions p = Predictions.of(logits, images.count(), k);
        int[] chosen = new int[images.count()];
        List<Prediction> predictions = new ArrayList<>();
        for (int i = 0; i < chosen.length; i++) {
            chosen[i] = targets[i] >= 0 ? targets[i] : p.predicted(i);
            predictions.add(new Prediction(p.predicted(i), p.confidence(i), chosen[i], p.probability(i, chosen[i])));
        }
        Files.createDirectories(outDir);
        List<List<Explanation>> explanations = new ArrayList<>();
        for (int i = 0; i < images.count(); i++) {
            explanations.add(new ArrayList<>());
        }
        List<Timing> timings = new ArrayList<>();
        Map<String, Attributions> maps = new LinkedHashMap<>();
        for (AttributionMethod method : methods) {
            long start = System.nanoTime();
            Attributions a = method.attribute(model, images, chosen);
            maps.put(method.id(), a);
            timings.add(new Timing(method.id(), images.count(), (System.nanoTime() - start) / 1e9));
            Completeness c = a.completeness();
            for (int i = 0; i < images.count(); i++) {
                Heatmaps.Row row = Heatmaps.row(List.of(new Heatmaps.Tile(images.image(i), a.map(i))), images.spec(), channels);
                Path file = outDir.resolve(String.format(Locale.ROOT, "%s-%s.png", names.get(i), method.id()));
                Files.write(file, row.png());
                explanations.get(i).add(new Explanation(method.id(), file, row.scaleTop(), a.sum(i),
                        c == null ? Double.NaN : c.absoluteGap(i), c == null ? Double.NaN : c.relativeGap(i)));
            }
        }
        return new Result(predictions, explanations, timings, maps);
    }
}
