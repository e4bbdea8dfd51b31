package dev.vigil.core.policy;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rule subject measured against a baseline audit rather than on one audit:
 * {@code delta(M)} is M in the new audit minus M in the baseline (with a paired 95% interval when M
 * is a per-sample proportion), {@code new_failures(M)} counts the samples behind M that got worse
 * (right in the baseline and wrong now, for an accuracy) and {@code new_passes(M)} those that got
 * better. A rule {@code no_new_failures(M)} is {@code new_failures(M) <= 0}.
 */
public record DeltaTerm(Kind kind, String metric) {
    /** The functions a rule may apply to a metric name. */
    public enum Kind {
        DELTA("delta"), NEW_FAILURES("new_failures"), NEW_PASSES("new_passes");

        private final String word;

        Kind(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    /** The shorthand rule {@code no_new_failures(M)}. */
    public static final String NO_NEW_FAILURES = "no_new_failures";

    private static final Pattern TERM = Pattern.compile("^(delta|new_failures|new_passes)\\((.+)\\)$");
    /** A name that looks like a function call: letters and underscores, then a parenthesis. */
    static final Pattern CALL = Pattern.compile("^([A-Za-z_]+)\\((.*)\\)$");

    /** The term {@code name} writes, or empty when it is a plain metric name. */
    public static Optional<DeltaTerm> parse(String name) {
        Matcher m = TERM.matcher(name.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        for (Kind k : Kind.values()) {
            if (k.word.equals(m.group(1))) {
                return Optional.of(new DeltaTerm(k, m.group(2).strip()));
            }
        }
        return Optional.empty();
    }

    public String name() {
        return kind.word + "(" + metric + ")";
    }
}
