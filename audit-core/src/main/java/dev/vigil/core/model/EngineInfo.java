package dev.vigil.core.model;

/**
 * The engine that runs a model, for the provenance.
 *
 * @param name    e.g. "PyTorch" (a TorchScript model) or "OnnxRuntime"
 * @param version the engine's own version, e.g. "2.7.1"
 * @param format  the model file's format, e.g. "TorchScript"
 */
public record EngineInfo(String name, String version, String format) {
}
