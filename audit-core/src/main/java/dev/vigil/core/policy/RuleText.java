package dev.vigil.core.policy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the one-line form of a rule, {@code METRIC OP THRESHOLD}, e.g.
 * {@code fgsm.linf.eps=8/255.robust_accuracy >= 0.40}. Metric names may hold '=', '/' and even spaces
 * (class names), so the line is read from the right: the last word is the threshold, the one before it
 * the comparison, and everything before that the metric. The one rule without a threshold is
 * {@code no_new_failures(METRIC)}, short for {@code new_failures(METRIC) <= 0}.
 */
public final class RuleText {
    private static final Pattern LINE = Pattern.compile("^(.+?)\\s+(>=|<=|>|<)\\s+(\\S+)$");
    private static final Pattern NO_NEW_FAILURES = Pattern.compile("^" + DeltaTerm.NO_NEW_FAILURES + "\\((.+)\\)$");

    /** The three parts of a one-line rule. */
    public record Parts(String metric, Comparison comparison, double threshold) {
    }

    private RuleText() {
    }

    /** The parts of {@code line}, or throws IllegalArgumentException with a sentence saying what is wrong. */
    public static Parts parse(String line) {
        Matcher shorthand = NO_NEW_FAILURES.matcher(line.strip());
        if (shorthand.matches()) {
            return new Parts(new DeltaTerm(DeltaTerm.Kind.NEW_FAILURES, shorthand.group(1).strip()).name(), Comparison.AT_MOST, 0);
        }
        Matcher m = LINE.matcher(line.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + line.strip() + "' is not of the form 'METRIC OP THRESHOLD' with OP one of"
                    + " >=, >, <=, < (spaces around OP), e.g. 'clean.accuracy >= 0.9'");
        }
        return new Parts(m.group(1).strip(), Comparison.ofSymbol(m.group(2)), threshold(m.group(3)));
    }

    /** A threshold: a decimal number or a fraction such as 8/255. */
    public static double threshold(String text) {
        String t = text.strip();
        try {
            int slash = t.indexOf('/');
            double value = slash < 0 ? Double.parseDouble(t)
                    : Double.parseDouble(t.substring(0, slash)) / Double.parseDouble(t.substring(slash + 1));
            if (Double.isNaN(value) || Double.isInfinite(value)) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the threshold '" + t + "' is not a number (write e.g. 0.4 or 8/255)");
        }
    }
}
