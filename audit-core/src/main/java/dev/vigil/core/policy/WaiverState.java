package dev.vigil.core.policy;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Whether a rule's waiver held on the day the gate ran: through its {@code waived_until} date, or after it. */
public enum WaiverState {
    @JsonProperty("active") ACTIVE,
    @JsonProperty("expired") EXPIRED;

    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
