package dev.vigil.attacks.drift;

/**
 * One drift condition, e.g. rotation by 15° or JPEG compression at severity 3.
 *
 * @param metricPrefix the start of its metric names, e.g. "drift.rotation.15"
 * @param rowProbe     the probe column of its sample rows, e.g. "drift.rotation"
 * @param parameter    the parameter column of its sample rows, e.g. "angle=15"; "" for none
 * @param label        how the report names it, e.g. "15°" or "gaussian_noise, severity 3"
 * @param slug         a file-name-safe name for its figures
 * @param group        the corruption id for corruptions, the family id otherwise
 * @param severity     1–5 for graded corruptions, 0 otherwise
 * @param angle        degrees for rotations, 0 otherwise
 * @param detail       the transform's parameter in words, e.g. "σ = 0.08"
 */
record DriftSetting(DriftFamily family, String metricPrefix, String rowProbe, String parameter, String label,
                    String slug, String group, int severity, double angle, String detail, BatchTransform transform) {
}
