package dev.vigil.core.result;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * How the results were made, so that a reviewer can reproduce them.
 *
 * @param pytorchVersion the PyTorch engine's version when a PyTorch engine ran the model, else null
 * @param engine         the engine that ran the model, e.g. "PyTorch" or "OnnxRuntime"
 * @param engineVersion  that engine's version
 * @param modelFormat    the model file's format, e.g. "TorchScript"
 * @param modelMetadata  what the model file says about itself (an ONNX file's producer and opset), or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Provenance(String vigilVersion, String djlVersion, String pytorchVersion, String javaVersion,
                         String os, String device, int threads, long seed, String startedAt, String finishedAt,
                         String commandLine, String modelPath, String modelSha256, String dataPath,
                         String datasetSha256, String engine, String engineVersion, String modelFormat,
                         java.util.Map<String, String> modelMetadata) {
    public Provenance {
        modelMetadata = modelMetadata == null || modelMetadata.isEmpty() ? null
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(modelMetadata));
    }

    /** Provenance without model metadata (a TorchScript file records none). */
    public Provenance(String vigilVersion, String djlVersion, String pytorchVersion, String javaVersion, String os, String device,
                      int threads, long seed, String startedAt, String finishedAt, String commandLine, String modelPath,
                      String modelSha256, String dataPath, String datasetSha256, String engine, String engineVersion,
                      String modelFormat) {
        this(vigilVersion, djlVersion, pytorchVersion, javaVersion, os, device, threads, seed, startedAt, finishedAt, commandLine,
                modelPath, modelSha256, dataPath, datasetSha256, engine, engineVersion, modelFormat, null);
    }

    /** Provenance of a TorchScript model run by the PyTorch engine (results written before the engine fields existed). */
    public Provenance(String vigilVersion, String djlVersion, String pytorchVersion, String javaVersion, String os, String device,
                      int threads, long seed, String startedAt, String finishedAt, String commandLine, String modelPath,
                      String modelSha256, String dataPath, String datasetSha256) {
        this(vigilVersion, djlVersion, pytorchVersion, javaVersion, os, device, threads, seed, startedAt, finishedAt, commandLine,
                modelPath, modelSha256, dataPath, datasetSha256, "PyTorch", pytorchVersion, "TorchScript");
    }
}
