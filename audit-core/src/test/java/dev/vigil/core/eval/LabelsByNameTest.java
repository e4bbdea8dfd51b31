package dev.vigil.core.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.core.audit.AuditRecorder;
import dev.vigil.core.audit.Progress;
import dev.vigil.core.data.Dataset;
import dev.vigil.core.data.Sample;
import dev.vigil.core.model.DeviceChoice;
import dev.vigil.core.model.TorchScriptClassifier;
import dev.vigil.core.testing.CifarFixture;
import dev.vigil.core.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CIFAR fixture's folders renamed without their "cK_" prefixes (circle, square, ..., dots): the label
 * file lists them in the model's output order, which their sorted order is not. Matched by position, sorted
 * folder i would get line i and 9 of the 10 classes would be mislabelled; matched by name, every image keeps
 * the label and the prediction plain PyTorch gave it.
 */
class LabelsByNameTest {
    @TempDir
    Path dir;

    @Test
    void folderNamesInAnotherOrderThanTheModelsGetTheirLabelsByName() throws Exception {
        JsonNode expected = CifarFixture.expected();
        List<String> modelOrder = new ArrayList<>();
        expected.get("classes").forEach(c -> modelOrder.add(c.asText().replaceFirst("^c\\d_", "")));
        Map<String, String> originalIds = copyRenamed(3);
        Path labels = Files.writeString(dir.resolve("labels.txt"), String.join("\n", modelOrder) + "\n");
        assertNotEquals(modelOrder, modelOrder.stream().sorted().toList(), "the fixture must have a non-alphabetical model order");

        Dataset dataset = Dataset.open(dir.resolve("data"), labels);
        assertEquals(modelOrder, dataset.classNames());
        CleanOutcome outcome;
        try (TorchScriptClassifier model = TorchScriptClassifier.load(Fixtures.testdata("cifar/model.pt"), CifarFixture.SPEC,
                CifarFixture.NORM, dataset.classNames(), DeviceChoice.CPU)) {
            outcome = CleanEvaluation.run(model, dataset, 16, Progress.SILENT, new AuditRecorder()).outcome();
        }
        Map<String, JsonNode> peer = new HashMap<>();
        expected.get("per_sample").forEach(s -> peer.put(s.get("path").asText().replaceFirst("^images/", ""), s));
        int correct = 0;
        int peerCorrect = 0;
        for (Sample s : dataset.samples()) {
            JsonNode p = peer.get(originalIds.get(s.id()));
            assertEquals(p.get("label").asInt(), s.label(), s.id());
            assertEquals(p.get("pred").asInt(), outcome.predictions()[s.index()], s.id());
            correct += outcome.correct(s.index()) ? 1 : 0;
            peerCorrect += p.get("label").asInt() == p.get("pred").asInt() ? 1 : 0;
        }
        assertEquals(30, dataset.samples().size());
        assertEquals(peerCorrect, correct);
    }

    /** The first {@code perClass} images of each class, in folders named without the "cK_" prefix; new id to fixture id. */
    private Map<String, String> copyRenamed(int perClass) throws IOException {
        Map<String, String> ids = new HashMap<>();
        Path src = Fixtures.testdata("cifar/images");
        try (Stream<Path> classes = Files.list(src)) {
            for (Path cls : classes.sorted().toList()) {
                String original = cls.getFileName().toString();
                String renamed = original.replaceFirst("^c\\d_", "");
                Path target = Files.createDirectories(dir.resolve("data").resolve(renamed));
                try (Stream<Path> files = Files.list(cls)) {
                    for (Path f : files.sorted().limit(perClass).toList()) {
                        Files.copy(f, target.resolve(f.getFileName()));
                        ids.put(renamed + "/" + f.getFileName(), original + "/" + f.getFileName());
                    }
                }
            }
        }
        return ids;
    }
}
