package dev.vigil.core.policy;

import dev.vigil.core.result.Metric;
import java.util.List;

/** What the gate needs from a comparison with a baseline audit: the numbers of the rules' delta terms. */
public interface Baseline {
    /** The term's number as a metric named like the term, or a sentence saying why there is none. */
    record Measured(Metric metric, String inconclusive) {
        public static Measured of(Metric metric) {
            return new Measured(metric, null);
        }

        public static Measured undecided(String why) {
            return new Measured(null, why);
        }
    }

    /** How reports name the baseline, e.g. "base/results.json (SHA-256 ab12…)". */
    String description();

    /** Whether either audit has a metric of this name; a term on a metric neither has names an unknown metric. */
    boolean knows(String metric);

    /** Every metric name either audit has, for the message about unknown names. */
    List<String> metricNames();

    Measured measure(DeltaTerm term);
}
