package dev.vigil.core.result;

/** How the results were made, so that a reviewer can reproduce them. */
public record Provenance(String vigilVersion, String djlVersion, String pytorchVersion, String javaVersion,
                         String os, String device, int threads, long seed, String startedAt, String finishedAt,
                         String commandLine, String modelPath, String modelSha256, String dataPath,
                         String datasetSha256) {
}
