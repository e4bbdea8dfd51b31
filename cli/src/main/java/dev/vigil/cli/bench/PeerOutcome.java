package dev.vigil.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.core.result.ResultsJson;
import java.io.IOException;

/**
 * What a peer script gave: its JSON output, or the one sentence that says why its column is empty.
 *
 * @param peer   the peer's title, e.g. "torchattacks"
 * @param output the peer's JSON object, or null when it did not run
 * @param reason why it did not run, or null when it did
 */
public record PeerOutcome(String peer, JsonNode output, String reason) {
    /** The exit status with which a peer script says that its library is missing, with {"unavailable": why} on stdout. */
    public static final int UNAVAILABLE = 3;

    public static PeerOutcome missing(String peer, String reason) {
        return new PeerOutcome(peer, null, reason);
    }

    /** Reads a peer's exit status and stdout: a JSON object on success, {"unavailable": why} with status 3. */
    public static PeerOutcome parse(String peer, int exit, String stdout) {
        JsonNode json;
        try {
            json = stdout.isBlank() ? null : ResultsJson.mapper().readTree(stdout);
        } catch (IOException e) {
            json = null;
        }
        if (exit == UNAVAILABLE && json != null && json.hasNonNull("unavailable")) {
            return missing(peer, json.get("unavailable").asText());
        }
        if (exit != 0) {
            return missing(peer, "the " + peer + " peer script failed (exit " + exit + ", its messages are above)");
        }
        if (json == null || !json.isObject()) {
            return missing(peer, "the " + peer + " peer script printed no JSON object");
        }
        return new PeerOutcome(peer, json, null);
    }

    public boolean ran() {
        return output != null;
    }
}
