package dev.vigil.core.compare;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.core.InputError;
import dev.vigil.core.audit.Hashing;
import dev.vigil.core.result.AuditResults;
import dev.vigil.core.result.ResultsJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One audit to compare: its results, the same results as a JSON tree (for fields this Vigil does not
 * model, such as the typed {@code settings}), and the samples.csv beside them.
 *
 * @param source        how outputs name the run (the results.json path as given)
 * @param resultsSha256 SHA-256 of results.json; null while it is not written yet
 */
public record AuditRun(String source, AuditResults results, JsonNode json, Path samplesCsv, String resultsSha256) {

    /**
     * The run in an audit output folder, or of a results.json with its samples.csv beside it.
     *
     * @throws InputError when either file is missing or is not what an audit writes
     */
    public static AuditRun open(Path folderOrResults) {
        Path results = Files.isDirectory(folderOrResults) ? folderOrResults.resolve("results.json") : folderOrResults;
        if (!Files.isRegularFile(results)) {
            throw new InputError("There is no audit at " + folderOrResults + ": give an audit's output folder or its results.json.");
        }
        Path parent = results.toAbsolutePath().getParent();
        Path csv = parent.resolve("samples.csv");
        if (!Files.isRegularFile(csv)) {
            throw new InputError("There is no samples.csv beside " + results + "; vigil compare pairs the per-sample rows an audit"
                    + " writes there, so keep results.json and samples.csv together.");
        }
        AuditResults parsed = ResultsJson.read(results);
        try {
            return new AuditRun(results.toString(), parsed, ResultsJson.mapper().readTree(results.toFile()), csv, Hashing.sha256(results));
        } catch (IOException e) {
            throw new InputError("The results file " + results + " could not be read (" + InputError.firstLine(e) + ").", e);
        }
    }

    /** A run whose results are in memory (an audit that has just finished), with its samples.csv already written. */
    public static AuditRun ofResults(String source, AuditResults results, Path samplesCsv) {
        return new AuditRun(source, results, ResultsJson.mapper().valueToTree(results), samplesCsv, null);
    }

    RunSummary summary() {
        var p = results.provenance();
        return new RunSummary(source, resultsSha256, results.model().file(), p.modelSha256(), p.datasetSha256(),
                results.dataset().samplesRead(), p.startedAt(), p.vigilVersion(), p.commandLine());
    }
}
