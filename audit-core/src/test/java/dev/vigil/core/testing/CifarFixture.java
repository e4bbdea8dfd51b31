package dev.vigil.core.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.core.data.Dataset;
import dev.vigil.core.model.DeviceChoice;
import dev.vigil.core.model.InputSpec;
import dev.vigil.core.model.Normalization;
import dev.vigil.core.model.TorchScriptClassifier;
import java.io.IOException;

/** testdata/cifar: a trained CIFAR-style ResNet, its 200 images, and what plain PyTorch computed on them. */
public final class CifarFixture {
    public static final InputSpec SPEC = new InputSpec(3, 32, 32);
    public static final Normalization NORM = new Normalization(new float[] {0.4914f, 0.4822f, 0.4465f},
            new float[] {0.2470f, 0.2435f, 0.2616f});

    private CifarFixture() {
    }

    public static Dataset dataset() {
        return Dataset.open(Fixtures.testdata("cifar/images"));
    }

    public static TorchScriptClassifier model() {
        return TorchScriptClassifier.load(Fixtures.testdata("cifar/model.pt"), SPEC, NORM, dataset().classNames(), DeviceChoice.CPU);
    }

    /** testdata/cifar/expected.json, written by testdata/make_fixtures.py with plain PyTorch. */
    public static JsonNode expected() throws IOException {
        return new ObjectMapper().readTree(Fixtures.testdata("cifar/expected.json").toFile());
    }
}
