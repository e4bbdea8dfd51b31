package dev.vigil.cli;

import dev.vigil.core.model.Capability;
import dev.vigil.core.model.Classifier;
import dev.vigil.core.model.EngineInfo;
import dev.vigil.core.model.ForwardingClassifier;
import java.util.EnumSet;
import java.util.Set;

/** A model seen through logits alone, as an engine without gradients (ONNX Runtime) gives it. */
final class LogitsOnlyClassifier extends ForwardingClassifier {
    LogitsOnlyClassifier(Classifier inner) {
        super(inner);
    }

    @Override
    public EngineInfo engine() {
        return new EngineInfo("LogitsOnly", "test", "logits-only");
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.LOGITS);
    }
}
