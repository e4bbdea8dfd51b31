package dev.vigil.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.core.audit.Hashing;
import dev.vigil.core.data.Dataset;
import dev.vigil.core.data.Sample;
import dev.vigil.core.result.ResultsJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * What an audit's results depend on, as three SHA-256 sums: the model file; the data listing (each sample's id,
 * file and label, after --limit); the settings (every probe's typed settings, the seed, the input size,
 * normalization, the classes, the device and Vigil's version). Two runs with the same identity compute the same results.
 */
record RunIdentity(String modelSha256, String dataListingSha256, String settingsSha256) {
    static RunIdentity of(Path model, Dataset dataset, JsonNode probeSettings, AuditRequest request, String inputSpec) throws IOException {
        StringBuilder listing = new StringBuilder();
        for (Sample s : dataset.samples()) {
            listing.append(s.id()).append('\t').append(s.location()).append('\t')
                    .append(dataset.classNames().get(s.label())).append('\n');
        }
        var settings = ResultsJson.mapper().createObjectNode();
        settings.set("probes", probeSettings);
        settings.put("seed", request.seed());
        settings.put("input", inputSpec);
        settings.put("normalization", request.normalization().toString());
        settings.set("classes", ResultsJson.mapper().valueToTree(dataset.classNames()));
        settings.put("device", request.device().toString());
        settings.put("vigil", VersionInfo.vigilVersion());
        // a missing model file is the loader's to refuse, with its own sentence, once the run is marked
        String modelSha256 = java.nio.file.Files.isRegularFile(model) ? Hashing.sha256(model) : "";
        return new RunIdentity(modelSha256, Hashing.sha256(listing.toString().getBytes(StandardCharsets.UTF_8)),
                Hashing.sha256(ResultsJson.mapper().writeValueAsBytes(settings)));
    }
}
