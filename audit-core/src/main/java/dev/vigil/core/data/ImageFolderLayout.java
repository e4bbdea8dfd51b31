package dev.vigil.core.data;

import dev.vigil.core.InputError;
import dev.vigil.core.result.Finding;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * torchvision's ImageFolder layout: one sub-folder per class, image files anywhere below each class folder.
 * Without a label file the sorted folder names are the classes and give the label indices; with one, each
 * folder name is looked up in it by name. Symbolic links are followed, as torchvision does; a link whose
 * target is missing is kept as a sample, so that reading it fails and it is listed as skipped.
 * A class folder that cannot be listed is an input error: skipping it would drop a whole class unseen.
 * The same rules read a remote file system's listing ({@link DataListing.Folder}).
 */
final class ImageFolderLayout {
    private ImageFolderLayout() {
    }

    /** One image file of the listing: its id and where it is (a local path or a URI). */
    private record Entry(String id, Path path, String uri) {
    }

    static Dataset read(Path root, ModelClasses model) throws IOException {
        List<Path> classDirs;
        List<Path> looseImages;
        try (Stream<Path> children = Files.list(root)) {
            List<Path> all = children.filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
            classDirs = all.stream().filter(Files::isDirectory).toList();
            looseImages = all.stream().filter(p -> !Files.isDirectory(p) && ImageFiles.isImageName(p)).toList();
        }
        List<List<Entry>> files = new ArrayList<>();
        for (Path classDir : classDirs) {
            files.add(images(classDir).stream().map(f -> new Entry(ImageFiles.id(root, f), f, null)).toList());
        }
        return build(root.toString(), classDirs.stream().map(p -> p.getFileName().toString()).toList(), files,
                looseImages.stream().map(p -> p.getFileName().toString()).toList(), model);
    }

    /**
     * The same layout from a file system's listing: its first-level folders are the class folders, a file's
     * first path segment is its class folder, files directly in the root belong to none.
     */
    static Dataset read(DataListing.Folder listing, ModelClasses model) {
        List<String> folderNames = listing.classFolders().stream().filter(n -> !n.startsWith(".")).sorted().toList();
        Map<String, List<Entry>> byFolder = new java.util.LinkedHashMap<>();
        folderNames.forEach(n -> byFolder.put(n, new ArrayList<>()));
        List<String> loose = new ArrayList<>();
        for (String id : listing.files()) {
            String name = id.substring(id.lastIndexOf('/') + 1);
            int slash = id.indexOf('/');
            if (!ImageFiles.isImageName(name) || id.startsWith(".")) {
                continue;
            }
            if (slash < 0) {
                loose.add(name);
                continue;
            }
            List<Entry> folder = byFolder.get(id.substring(0, slash));
            if (folder == null) {
                throw new InputError("The data under " + listing.root() + " changed while it was listed (" + id
                        + " lies in no folder its first listing showed); run the audit again once the data is complete.");
            }
            folder.add(new Entry(id, null, listing.root() + "/" + id));
        }
        loose.sort(Comparator.naturalOrder());
        return build(listing.root(), folderNames, new ArrayList<>(byFolder.values()), loose, model);
    }

    /** The dataset from each class folder's image files: labels by folder, samples sorted by id. */
    private static Dataset build(String root, List<String> folderNames, List<List<Entry>> filesByFolder, List<String> looseImages,
                                 ModelClasses model) {
        List<String> classNames = model == null ? folderNames : model.names();
        Map<String, Integer> index = model == null ? null : model.indices(folderNames, "class folder");
        List<Entry> files = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        List<String> emptyFolders = new ArrayList<>();
        for (int folder = 0; folder < folderNames.size(); folder++) {
            List<Entry> images = filesByFolder.get(folder);
            if (images.isEmpty()) {
                emptyFolders.add(folderNames.get(folder));
            }
            int label = model == null ? folder : index.get(folderNames.get(folder));
            for (Entry image : images) {
                files.add(image);
                labels.add(label);
            }
        }
        Integer[] order = new Integer[files.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, Comparator.comparing(i -> files.get(i).id()));
        List<Sample> samples = new ArrayList<>();
        for (int i : order) {
            Entry e = files.get(i);
            samples.add(new Sample(samples.size(), e.id(), e.path(), labels.get(i), e.uri()));
        }
        return new Dataset(root, "imagefolder", classNames, samples, findings(root, emptyFolders, looseImages));
    }

    /** The image files below a class folder, sorted, following symbolic links. */
    private static List<Path> images(Path classDir) throws IOException {
        List<Path> images = new ArrayList<>();
        Files.walkFileTree(classDir, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                // A dangling link arrives with the link's own attributes: it is kept, to be listed as unreadable.
                if ((attrs.isRegularFile() || attrs.isSymbolicLink()) && ImageFiles.isImageName(file)) {
                    images.add(file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                if (e instanceof FileSystemLoopException) {
                    return FileVisitResult.CONTINUE; // a link back to a folder above: its files are listed already
                }
                String why = e instanceof AccessDeniedException ? "permission denied" : InputError.firstLine(e);
                throw new InputError("The folder " + file + " in the data could not be read (" + why
                        + "); make it readable, or move it out of the data folder to audit without it.", e);
            }
        });
        images.sort(Comparator.naturalOrder());
        return images;
    }

    private static List<Finding> findings(String root, List<String> emptyFolders, List<String> looseImages) {
        List<Finding> findings = new ArrayList<>();
        if (!emptyFolders.isEmpty()) {
            boolean one = emptyFolders.size() == 1;
            findings.add(Finding.warning("empty-class-folders",
                    one ? "The class folder '" + emptyFolders.get(0) + "' holds no images" : emptyFolders.size() + " class folders hold no images",
                    (one ? "The class folder " : "The class folders ") + String.join(", ", emptyFolders.stream().map(n -> "'" + n + "'").toList())
                            + " under " + root + (one ? " holds" : " hold") + " no PNG, JPEG, BMP or GIF files, so "
                            + (one ? "that class is" : "those classes are") + " not audited; check that the data was copied completely."));
        }
        if (!looseImages.isEmpty()) {
            findings.add(Finding.warning("images-outside-class-folders", looseImages.size() + " images lie outside the class folders",
                    looseImages.size() + " image files directly in " + root + " (the first: " + looseImages.get(0)
                            + ") belong to no class folder and are not audited; move each into the folder of its class."));
        }
        return findings;
    }
}
