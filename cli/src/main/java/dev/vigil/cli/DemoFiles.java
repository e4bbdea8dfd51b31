package dev.vigil.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/** The bundled demo (model, labelled images, settings), packaged in the jar under demo/ and unpacked on use. */
final class DemoFiles {
    private static final String PREFIX = "demo/";

    private DemoFiles() {
    }

    /** Unpacks the demo into {@code target} (replacing what is there) and returns that folder. */
    static Path extract(Path target) throws IOException {
        Path source;
        try {
            source = Path.of(DemoFiles.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IOException("cannot locate the Vigil jar", e);
        }
        Files.createDirectories(target);
        if (Files.isDirectory(source)) {
            copyTree(source.resolve(PREFIX), target);
        } else {
            copyFromJar(source, target);
        }
        if (!Files.isRegularFile(target.resolve("model.pt"))) {
            throw new IOException("the bundled demo is missing from " + source + "; rebuild Vigil");
        }
        return target;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(from)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        for (Path file : files) {
            Path dest = to.resolve(from.relativize(file).toString());
            Files.createDirectories(dest.getParent());
            Files.copy(file, dest, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void copyFromJar(Path jar, Path to) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            List<JarEntry> entries = new ArrayList<>();
            file.stream().filter(e -> e.getName().startsWith(PREFIX) && !e.isDirectory()).forEach(entries::add);
            for (JarEntry entry : entries) {
                Path dest = to.resolve(entry.getName().substring(PREFIX.length())).normalize();
                if (!dest.startsWith(to)) {
                    continue;
                }
                Files.createDirectories(dest.getParent());
                try (InputStream in = file.getInputStream(entry)) {
                    Files.copy(in, dest, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
