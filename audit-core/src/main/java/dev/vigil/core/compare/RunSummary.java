package dev.vigil.core.compare;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One side of a comparison: which results, of which model, on which data. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunSummary(String results, String resultsSha256, String model, String modelSha256, String datasetSha256,
                         int samplesRead, String startedAt, String vigilVersion, String commandLine) {
    public RunSummary withResultsSha256(String sha) {
        return new RunSummary(results, sha, model, modelSha256, datasetSha256, samplesRead, startedAt, vigilVersion, commandLine);
    }
}
