package dev.vigil.attacks.drift;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.vigil.core.data.Dataset;
import dev.vigil.core.model.DeviceChoice;
import dev.vigil.core.model.InputSpec;
import dev.vigil.core.model.ModelRequest;
import dev.vigil.core.model.Normalization;
import dev.vigil.core.model.TorchScriptClassifier;
import dev.vigil.core.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;

/** The bundled demo (demo/): road-sign model, images and the normalization from demo.json. */
final class DemoModel {
    private DemoModel() {
    }

    static boolean present() {
        return Files.isRegularFile(Fixtures.demo("model.pt"));
    }

    static Dataset dataset() {
        return Dataset.open(Fixtures.demo("images"));
    }

    static TorchScriptClassifier load() {
        ModelRequest r = request();
        return TorchScriptClassifier.load(r.file(), r.spec(), r.normalization(), r.labels(), r.device());
    }

    /** How the audit opens the demo model. */
    static ModelRequest request() {
        JsonNode settings;
        try {
            settings = new ObjectMapper().readTree(Fixtures.demo("demo.json").toFile());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Normalization norm = new Normalization(floats(settings.get("mean")), floats(settings.get("std")));
        JsonNode size = settings.get("image_size");
        InputSpec spec = new InputSpec(3, size.get(0).asInt(), size.get(1).asInt());
        return new ModelRequest(Fixtures.demo("model.pt"), spec, norm, dataset().classNames(), DeviceChoice.CPU);
    }

    private static float[] floats(JsonNode array) {
        float[] out = new float[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) array.get(i).asDouble();
        }
        return out;
    }
}
