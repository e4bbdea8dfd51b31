package dev.vigil.core.compare;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One way the two runs were made differently.
 *
 * @param group        "settings" (the typed probe settings), "probe settings" (as the report states them),
 *                     "audit", "data", "model", "environment" or "command line"
 * @param key          what differs, e.g. "adversarial.eps" or "seed"
 * @param base         the base run's value as JSON text or plain text; null when it has none
 * @param candidate    the new run's value (written as "new")
 * @param affectsDeltas true when a delta under this difference is not (only) a change of the model
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SettingDifference(String group, String key, String base, @JsonProperty("new") String candidate,
                                boolean affectsDeltas) {
}
