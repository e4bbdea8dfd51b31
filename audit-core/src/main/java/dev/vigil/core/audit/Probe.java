package dev.vigil.core.audit;

/** One family of checks in an audit (clean evaluation, an attack, a drift sweep, explanations). */
public interface Probe {
    /** Short identifier used in metric names and sample rows, e.g. "fgsm". */
    String id();

    /** Runs on the context's data and records metrics, rows, findings and a report section. */
    void run(AuditContext context) throws Exception;
}
