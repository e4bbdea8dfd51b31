package dev.vigil.core.model;

import java.util.Map;

/**
 * The engine that runs a model, for the provenance.
 *
 * @param name          e.g. "PyTorch" (a TorchScript model) or "ONNX Runtime"
 * @param version       the engine's own version, e.g. "2.7.1"
 * @param format        the model file's format, e.g. "TorchScript"
 * @param modelMetadata what the file says about itself, in order (an ONNX file's producer and opset); empty when
 *                      the format records nothing
 */
public record EngineInfo(String name, String version, String format, Map<String, String> modelMetadata) {
    public EngineInfo {
        modelMetadata = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(modelMetadata));
    }

    public EngineInfo(String name, String version, String format) {
        this(name, version, format, Map.of());
    }
}
