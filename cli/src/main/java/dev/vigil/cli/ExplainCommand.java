package dev.vigil.cli;

import dev.vigil.core.InputError;
import dev.vigil.core.data.ImageDecoder;
import dev.vigil.core.data.InputSizes;
import dev.vigil.core.data.LabelFile;
import dev.vigil.core.data.UnreadableImageException;
import dev.vigil.core.model.Classifier;
import dev.vigil.core.model.EngineSetup;
import dev.vigil.core.model.InputSpec;
import dev.vigil.core.model.ModelLoader;
import dev.vigil.core.model.ModelRequest;
import dev.vigil.core.result.ResultsJson;
import dev.vigil.explain.ImageExplainer;
import dev.vigil.explain.MethodSettings;
import dev.vigil.explain.export.AttributionExport;
import dev.vigil.explain.method.Images;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code vigil explain}: attribution heatmaps of single images, outside an audit. */
@Command(name = "explain", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Explains the model's answer for single images: one attribution heatmap per image and method",
            "(and, for Integrated Gradients, the completeness gap), written into the output folder with explanations.json."})
final class ExplainCommand implements Callable<Integer> {
    @Mixin
    ModelOptions model;

    @Option(names = "--image", required = true, paramLabel = "FILE",
            description = "An image to explain (PNG, JPEG, BMP or GIF); repeat for several.")
    List<Path> images;

    @Option(names = "--target", paramLabel = "K",
            description = "The class to explain, by index or label; default: each image's predicted class.")
    String target;

    @Mixin
    AttributionOptions methods;

    @Option(names = "--batch-size", defaultValue = "128", paramLabel = "N",
            description = "Path points, noisy copies or occluded copies per pass. Default: ${DEFAULT-VALUE}.")
    int batchSize;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "N", description = "Seed of SmoothGrad noise and noise baselines. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--out", defaultValue = "vigil-explain", paramLabel = "DIR",
            description = "Folder for the heatmaps and explanations.json. Default: ${DEFAULT-VALUE}.")
    Path out;

    @Option(names = "--save-attributions", description = "Also write every method's raw attributions as NumPy arrays:"
            + " attributions/<method>.npy (float32, [N, C, H, W], pixel space, signed, before channel aggregation) and"
            + " attributions/index.csv (row,sample_id,target,label,prediction).")
    boolean saveAttributions;

    @Option(names = "--verbose", description = "Show engine log lines and stack traces of internal errors.")
    boolean verbose;

    @Override
    public Integer call() throws Exception {
        OptionChecks.atLeast("--batch-size", batchSize, 1, "");
        model.check();
        MethodSettings settings = methods.settings();
        if (settings.ids().isEmpty()) {
            throw new InputError("--explain none leaves nothing to do; name at least one method, e.g. --explain ig.");
        }
        EngineSetup.start(model.threads);
        InputSpec spec = model.imageSize != null ? InputSpec.parse(model.imageSize, model.channels) : sizeOf(images.get(0));
        List<String> labels = model.labels == null ? List.of() : LabelFile.read(model.labels);
        float[] pixels = new float[images.size() * spec.pixelsPerImage()];
        for (int i = 0; i < images.size(); i++) {
            System.arraycopy(decode(images.get(i), spec), 0, pixels, i * spec.pixelsPerImage(), spec.pixelsPerImage());
        }
        try (Classifier classifier = ModelLoader.open(new ModelRequest(model.model, spec, model.normalization(), labels,
                model.deviceChoice()))) {
            int chosen = target == null ? -1 : classIndex(target, classifier.labels());
            int[] targets = new int[images.size()];
            java.util.Arrays.fill(targets, chosen);
            ImageExplainer.Result result = ImageExplainer.explain(classifier, new Images(spec, images.size(), pixels), targets,
                    settings.create(batchSize, seed), methods.channels(), out, stems(images), batchSize);
            report(result, classifier.labels());
            if (saveAttributions) {
                List<String> ids = images.stream().map(Path::toString).toList();
                List<AttributionExport.Row> rows = new ArrayList<>();
                for (int i = 0; i < images.size(); i++) {
                    ImageExplainer.Prediction p = result.predictions().get(i);
                    rows.add(new AttributionExport.Row(ids.get(i), p.target(), -1, p.predicted()));
                }
                System.out.println("attributions: " + AttributionExport.write(out, result.maps(), rows));
            }
        }
        return ExitCodes.OK;
    }

    private void report(ImageExplainer.Result result, List<String> labels) throws IOException {
        List<Map<String, Object>> json = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            ImageExplainer.Prediction p = result.predictions().get(i);
            System.out.printf(Locale.ROOT, "%s: predicted %s (%.4f); explaining %s (probability %.4f)%n", images.get(i),
                    labels.get(p.predicted()), p.confidence(), labels.get(p.target()), p.targetProbability());
            List<Map<String, Object>> maps = new ArrayList<>();
            for (ImageExplainer.Explanation e : result.explanations().get(i)) {
                String gap = Double.isNaN(e.relativeGap()) ? ""
                        : String.format(Locale.ROOT, ", completeness gap %.5f (%.2f%%)", e.absoluteGap(), 100 * e.relativeGap());
                System.out.printf(Locale.ROOT, "  %-13s %s (Σ attributions %.4f, colour scale top %.3g%s)%n", e.method(),
                        e.heatmap(), e.attributionSum(), e.scaleTop(), gap);
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("method", e.method());
                m.put("heatmap", out.relativize(e.heatmap()).toString());
                m.put("attributionSum", e.attributionSum());
                m.put("scaleTop", e.scaleTop());
                if (!Double.isNaN(e.relativeGap())) {
                    m.put("completenessGapAbsolute", e.absoluteGap());
                    m.put("completenessGapRelative", e.relativeGap());
                }
                maps.add(m);
            }
            Map<String, Object> image = new LinkedHashMap<>();
            image.put("image", images.get(i).toString());
            image.put("predicted", labels.get(p.predicted()));
            image.put("confidence", p.confidence());
            image.put("target", labels.get(p.target()));
            image.put("targetProbability", p.targetProbability());
            image.put("explanations", maps);
            json.add(image);
        }
        for (ImageExplainer.Timing t : result.timings()) {
            System.err.printf(Locale.ROOT, "explain %s: %d images, %.1f images/s%n", t.method(), t.images(), t.imagesPerSecond());
        }
        Files.writeString(out.resolve("explanations.json"), ResultsJson.mapper().writerWithDefaultPrettyPrinter()
                .writeValueAsString(Map.of("images", json)));
    }

    static int classIndex(String target, List<String> labels) {
        int byName = labels.indexOf(target);
        if (byName >= 0) {
            return byName;
        }
        try {
            int index = Integer.parseInt(target.strip());
            if (index >= 0 && index < labels.size()) {
                return index;
            }
        } catch (NumberFormatException ignored) {
            // one message below
        }
        throw new InputError("--target '" + target + "' is neither a label nor a class index from 0 to " + (labels.size() - 1)
                + "; give one of them.");
    }

    private static float[] decode(Path file, InputSpec spec) {
        exists(file);
        try {
            return ImageDecoder.decode(Files.readAllBytes(file), spec);
        } catch (IOException e) {
            throw new InputError("The image " + file + " could not be read (" + e.getMessage() + "); check the path given to --image.", e);
        } catch (UnreadableImageException e) {
            throw new InputError("The image " + file + " is unreadable (" + e.getMessage() + "); pass a PNG, JPEG, BMP or GIF file.", e);
        }
    }

    private InputSpec sizeOf(Path file) {
        exists(file);
        return InputSizes.ofImage(file, model.channels);
    }

    private static void exists(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InputError("The image " + file + " does not exist; check the path given to --image.");
        }
    }

    /** File-name stems for the heatmaps: the image's name, made unique with its position when names repeat. */
    private static List<String> stems(List<Path> files) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            String name = files.get(i).getFileName().toString();
            int dot = name.lastIndexOf('.');
            String stem = (dot > 0 ? name.substring(0, dot) : name).replaceAll("[^A-Za-z0-9._-]", "_");
            out.add(out.contains(stem) ? stem + "-" + (i + 1) : stem);
        }
        return out;
    }
}
