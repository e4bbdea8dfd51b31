package dev.vigil.core.audit;

/**
 * The audit was asked to stop (SIGTERM, Ctrl-C) and abandons the step it is in; what finished before it is
 * kept. Thrown at the next model call or progress step, so a stop takes at most one forward pass.
 */
public final class AuditInterrupted extends RuntimeException {
    private final String probeId;

    public AuditInterrupted() {
        this(null);
    }

    private AuditInterrupted(String probeId) {
        super(probeId == null ? "the audit was interrupted" : "the audit was interrupted during the " + probeId + " probe");
        this.probeId = probeId;
    }

    /** The same interruption, known to have stopped the probe {@code id}. */
    public AuditInterrupted during(String id) {
        return probeId != null ? this : new AuditInterrupted(id);
    }

    /** The probe that was abandoned, or null when not known. */
    public String probeId() {
        return probeId;
    }
}
