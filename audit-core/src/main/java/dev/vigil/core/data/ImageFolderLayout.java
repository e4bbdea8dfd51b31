package dev.vigil.core.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * torchvision's ImageFolder layout: one sub-folder per class, sorted folder names give the label
 * indices, image files anywhere below each class folder.
 */
final class ImageFolderLayout {
    private ImageFolderLayout() {
    }

    static Dataset read(Path root) throws IOException {
        List<Path> classDirs;
        try (Stream<Path> children = Files.list(root)) {
            classDirs = children.filter(Files::isDirectory)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .toList();
        }
        List<String> classNames = classDirs.stream().map(p -> p.getFileName().toString()).toList();
        List<Sample> samples = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (int label = 0; label < classDirs.size(); label++) {
            try (Stream<Path> walk = Files.walk(classDirs.get(label))) {
                List<Path> images = walk.filter(Files::isRegularFile).filter(ImageFiles::isImageName).sorted().toList();
                for (Path image : images) {
                    files.add(image);
                    labels.add(label);
                }
            }
        }
        Integer[] order = new Integer[files.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, Comparator.comparing(i -> ImageFiles.id(root, files.get(i))));
        for (int i : order) {
            samples.add(new Sample(samples.size(), ImageFiles.id(root, files.get(i)), files.get(i), labels.get(i)));
        }
        return new Dataset(root, "imagefolder", classNames, samples);
    }
}
