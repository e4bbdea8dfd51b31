package dev.vigil.reports;

import dev.vigil.core.policy.RuleOutcome;
import dev.vigil.core.policy.Severity;
import dev.vigil.core.policy.Status;
import dev.vigil.core.policy.Verdict;

/**
 * Words and symbols for rule and verdict statuses, shared by the report, summary.md and the console:
 * status is always said in words and a symbol, never by colour alone.
 */
public final class StatusLabels {
    private StatusLabels() {
    }

    /** A key for styling: pass, fail, warn (a failed warning-severity rule), waived or inconclusive. */
    public static String kind(RuleOutcome o) {
        if (o.status() == Status.FAIL && o.rule().severity() == Severity.WARNING) {
            return "warn";
        }
        return o.status().word();
    }

    public static String symbol(RuleOutcome o) {
        return switch (kind(o)) {
            case "pass" -> "✔";
            case "fail" -> "✘";
            case "warn" -> "⚠";
            case "waived" -> "⊘";
            default -> "?";
        };
    }

    /** E.g. "pass", "fail", "fail (warning only)", "inconclusive". */
    public static String word(RuleOutcome o) {
        return "warn".equals(kind(o)) ? "fail (warning only)" : o.status().word();
    }

    public static String label(RuleOutcome o) {
        return symbol(o) + " " + word(o);
    }

    public static String symbol(Status s) {
        return switch (s) {
            case PASS -> "✔";
            case FAIL -> "✘";
            case INCONCLUSIVE -> "?";
            case WAIVED -> "⊘";
        };
    }

    /** The verdict in one word, upper case: PASS, FAIL or INCONCLUSIVE. */
    public static String headline(Verdict v) {
        return v.status().name();
    }

    /** One sentence saying what the verdict rests on. */
    public static String sentence(Verdict v) {
        long errors = v.errorRules();
        int failed = v.outcomes(Status.FAIL, Severity.ERROR).size();
        int undecided = v.outcomes(Status.INCONCLUSIVE, Severity.ERROR).size();
        int warnings = v.outcomes(Status.FAIL, Severity.WARNING).size();
        String of = " of " + errors + " error-severity " + (errors == 1 ? "rule" : "rules");
        String s = switch (v.status()) {
            case PASS -> errors == 0 ? "The policy has no error-severity rules, so nothing can fail the gate."
                    : errors == 1 ? "The one error-severity rule holds." : "All " + errors + " error-severity rules hold.";
            case FAIL -> failed > 0 ? failed + of + (failed == 1 ? " fails" : " fail") + "; the gate fails."
                    : undecided + of + (undecided == 1 ? " is" : " are") + " inconclusive and the policy treats that as failing.";
            case INCONCLUSIVE -> "No error-severity rule fails, but " + undecided + of + (undecided == 1 ? " is" : " are")
                    + " inconclusive, so the gate cannot confirm a pass.";
            case WAIVED -> throw new IllegalStateException("a verdict is never waived, only rules");
        };
        int waived = v.waived().size();
        if (waived > 0) {
            s += " " + waived + (waived == 1 ? " failing rule is" : " failing rules are") + " waived until "
                    + (waived == 1 ? "its date" : "their dates") + " (reported, not gating).";
        }
        int expired = v.expiredWaivers().size();
        if (expired > 0) {
            s += " " + expired + (expired == 1 ? " rule's waiver has" : " rules' waivers have") + " expired, so "
                    + (expired == 1 ? "it gates" : "they gate") + " again.";
        }
        if (warnings > 0) {
            s += " " + warnings + " warning-severity " + (warnings == 1 ? "rule fails" : "rules fail") + " (reported, not gating).";
        }
        int undecidedWarnings = v.outcomes(Status.INCONCLUSIVE, Severity.WARNING).size();
        if (undecidedWarnings > 0) {
            s += " " + undecidedWarnings + " warning-severity " + (undecidedWarnings == 1 ? "rule is" : "rules are") + " inconclusive.";
        }
        return s;
    }
}
