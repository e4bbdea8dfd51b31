package dev.vigil.core.result;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.vigil.core.InputError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes and reads results.json. */
public final class ResultsJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private ResultsJson() {
    }

    public static void write(AuditResults results, Path file) throws IOException {
        AtomicFiles.writeString(file, MAPPER.writeValueAsString(results) + "\n");
    }

    public static AuditResults read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InputError("The results file " + file + " does not exist; pass the results.json that 'vigil audit' wrote.");
        }
        try {
            AuditResults results = MAPPER.readValue(file.toFile(), AuditResults.class);
            if (results.schemaVersion() > AuditResults.SCHEMA_VERSION) {
                throw new InputError("The results file " + file + " has schema version " + results.schemaVersion()
                        + ", newer than this Vigil understands (" + AuditResults.SCHEMA_VERSION + "); upgrade Vigil.");
            }
            return results;
        } catch (IOException e) {
            throw new InputError("The results file " + file + " is not a Vigil results.json (" + e.getMessage().lines().findFirst().orElse("") + ").", e);
        }
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
