package dev.vigil.core.model;

import ai.djl.ndarray.NDArray;
import dev.vigil.core.InputError;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The audited model with a twin for gradients: logits are always the audited model's (an ONNX export),
 * input gradients come from its source (the TorchScript file it was exported from). Gradient attacks and
 * attributions are therefore computed on the twin and evaluated on the audited model, a transfer setting
 * that is only as good as the two agree; {@code TwinParityProbe} measures that on the audit's data.
 *
 * <p>No {@link Capability#FRESH_COPY}: randomizing the twin's weights would say nothing about the audited
 * model's explanations.
 */
public final class TwinClassifier extends ForwardingClassifier {
    private final Classifier audited;
    private final Classifier twin;

    private TwinClassifier(Classifier audited, Classifier twin) {
        super(audited);
        this.audited = audited;
        this.twin = twin;
    }

    /** Pairs {@code audited} with {@code twin}, which must take the same input and name the same classes. */
    public static TwinClassifier of(Classifier audited, Classifier twin) {
        if (!twin.can(Capability.INPUT_GRADIENT)) {
            throw new InputError("--gradient-model must be a model that gives input gradients (a TorchScript file), but it is a "
                    + twin.engine().format() + " model.");
        }
        if (!twin.labels().equals(audited.labels()) || !twin.inputSpec().equals(audited.inputSpec())) {
            throw new InputError("--gradient-model gives " + twin.labels().size() + " classes on input " + twin.inputSpec()
                    + ", but the audited model gives " + audited.labels().size() + " on " + audited.inputSpec()
                    + "; give the TorchScript file the audited model was exported from.");
        }
        return new TwinClassifier(audited, twin);
    }

    public Classifier audited() {
        return audited;
    }

    public Classifier twin() {
        return twin;
    }

    @Override
    public Set<Capability> capabilities() {
        Set<Capability> out = EnumSet.copyOf(audited.capabilities());
        out.add(Capability.INPUT_GRADIENT);
        out.remove(Capability.FRESH_COPY);
        return Collections.unmodifiableSet(out);
    }

    @Override
    public EngineInfo engine() {
        EngineInfo own = audited.engine();
        Map<String, String> metadata = new LinkedHashMap<>(own.modelMetadata());
        EngineInfo source = twin.engine();
        metadata.put("gradients from", source.format() + " twin on " + source.name() + " " + source.version());
        return new EngineInfo(own.name(), own.version(), own.format(), metadata);
    }

    /** The twin's gradient of {@code objective} at {@code pixels}, with the audited model's logits there. */
    @Override
    public GradientResult gradient(NDArray pixels, Objective objective) {
        GradientResult fromTwin = twin.gradient(pixels, objective);
        fromTwin.logits().close();
        return new GradientResult(audited.logits(pixels), fromTwin.gradient());
    }

    @Override
    public Classifier freshCopy() {
        throw new MissingCapabilityException(this, Capability.FRESH_COPY);
    }

    @Override
    public ai.djl.nn.ParameterList parameters() {
        throw new MissingCapabilityException(this, Capability.FRESH_COPY);
    }

    @Override
    public void close() {
        try {
            twin.close();
        } finally {
            audited.close();
        }
    }
}
