package dev.vigil.core.data;

import dev.vigil.core.InputError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A labelled evaluation set: class names in label order and the samples, sorted by id.
 *
 * @param root   the folder the sample ids are relative to
 * @param layout "imagefolder" or "csv"
 */
public record Dataset(Path root, String layout, List<String> classNames, List<Sample> samples) {
    public Dataset {
        classNames = List.copyOf(classNames);
        samples = List.copyOf(samples);
    }

    /** Each sample's index by its id. */
    public java.util.Map<String, Integer> indexById() {
        java.util.Map<String, Integer> out = new java.util.HashMap<>();
        samples.forEach(s -> out.put(s.id(), s.index()));
        return out;
    }

    /** Opens an ImageFolder directory or a CSV manifest (path,label), whichever {@code path} is. */
    public static Dataset open(Path path) {
        if (!Files.exists(path)) {
            throw new InputError("The data path " + path + " does not exist; pass an image folder (one sub-folder per class) or a CSV manifest with --data.");
        }
        try {
            Dataset dataset = Files.isDirectory(path) ? ImageFolderLayout.read(path) : CsvManifestLayout.read(path);
            if (dataset.samples().isEmpty()) {
                throw new InputError("The data path " + path + " holds no image files; expected one sub-folder per class with PNG, JPEG, BMP or GIF files inside.");
            }
            return dataset;
        } catch (IOException e) {
            throw new InputError("The data path " + path + " could not be read (" + e.getMessage() + ").", e);
        }
    }

    /** The first {@code limit} samples in a seeded, class-stratified order, so a limited run still covers every class. */
    public Dataset limit(int limit, long seed) {
        if (limit <= 0 || limit >= samples.size()) {
            return this;
        }
        List<Sample> chosen = StratifiedOrder.of(samples, classNames.size(), seed).subList(0, limit);
        List<Sample> renumbered = chosen.stream()
                .sorted(java.util.Comparator.comparing(Sample::id))
                .toList();
        java.util.ArrayList<Sample> out = new java.util.ArrayList<>();
        for (Sample s : renumbered) {
            out.add(new Sample(out.size(), s.id(), s.path(), s.label()));
        }
        return new Dataset(root, layout, classNames, out);
    }

    /** Replaces the class names with those of a label file; the count must match the classes found. */
    public Dataset withLabels(List<String> labels, Path labelFile) {
        int maxLabel = samples.stream().mapToInt(Sample::label).max().orElse(-1);
        if (layout.equals("imagefolder") && labels.size() != classNames.size()) {
            throw new InputError("The label file " + labelFile + " has " + labels.size() + " labels but the data folder has "
                    + classNames.size() + " class folders; give one label per line, one per class.");
        }
        if (maxLabel >= labels.size()) {
            throw new InputError("The label file " + labelFile + " has " + labels.size() + " labels but the data uses label index "
                    + maxLabel + "; give one label per line, one per class.");
        }
        return new Dataset(root, layout, labels, samples);
    }
}
