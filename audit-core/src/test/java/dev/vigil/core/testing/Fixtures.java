package dev.vigil.core.testing;

import dev.vigil.core.model.DeviceChoice;
import dev.vigil.core.model.InputSpec;
import dev.vigil.core.model.Normalization;
import dev.vigil.core.model.TorchScriptClassifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Finds the committed fixtures under testdata/ and demo/, whichever module a test runs in. */
public final class Fixtures {
    private Fixtures() {
    }

    public static Path repoRoot() {
        String configured = System.getProperty("vigil.repo.root");
        if (configured != null && Files.isDirectory(Path.of(configured, "testdata"))) {
            return Path.of(configured);
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("testdata"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("testdata/ not found above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    public static Path testdata(String name) {
        return repoRoot().resolve("testdata").resolve(name);
    }

    public static Path demo(String name) {
        return repoRoot().resolve("demo").resolve(name);
    }

    public static List<String> labels(int n) {
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            labels.add("class" + i);
        }
        return labels;
    }

    /** A fixture model on the CPU without normalization. */
    public static TorchScriptClassifier load(String name, InputSpec spec, int classes) {
        return TorchScriptClassifier.load(testdata(name), spec, Normalization.NONE, labels(classes), DeviceChoice.CPU);
    }
}
