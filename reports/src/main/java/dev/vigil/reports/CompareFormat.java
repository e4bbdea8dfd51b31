package dev.vigil.reports;

import dev.vigil.core.compare.Change;
import dev.vigil.core.compare.MetricDelta;
import java.util.Locale;

/** Numbers and labels of compare.html and compare.md: four decimals, signed changes, p-values, changes in words and symbols. */
public final class CompareFormat {
    public String number(double x) {
        return Double.isNaN(x) ? "n/a" : String.format(Locale.ROOT, "%.4f", x);
    }

    /** A metric's value; whole numbers without a sample count (counts of files, say) without decimals. */
    public String value(double x, Integer count) {
        if (count == null && !Double.isNaN(x) && x == Math.rint(x) && Math.abs(x) < 1e12) {
            return Long.toString((long) x);
        }
        return number(x);
    }

    /** A change with its sign, e.g. "+0.0150", "−0.0230" or "0.0000". */
    public String signed(double x) {
        if (Double.isNaN(x)) {
            return "n/a";
        }
        String digits = String.format(Locale.ROOT, "%.4f", Math.abs(x));
        if (digits.equals("0.0000")) {
            return "0.0000";
        }
        return (x < 0 ? "−" : "+") + digits;
    }

    /** The 95% interval of the change, e.g. "[−0.1636, −0.0577]", or "". */
    public String interval(MetricDelta m) {
        if (m.lower() == null) {
            return "";
        }
        return "[" + signed(m.lower()) + ", " + signed(m.upper()) + "]";
    }

    /** A p-value: four decimals, or two significant digits when small. */
    public String p(double p) {
        if (Double.isNaN(p)) {
            return "n/a";
        }
        return p >= 0.001 ? String.format(Locale.ROOT, "%.4f", p) : String.format(Locale.ROOT, "%.1e", p);
    }

    /** "regression", "improvement", "none" for styling; "" for metrics that are not judged. */
    public String kind(MetricDelta m) {
        return m.change() == null ? "" : m.change().name().toLowerCase(Locale.ROOT);
    }

    /** The change in a symbol and words, e.g. "▼ regression"; "" for metrics that are not judged. */
    public String label(MetricDelta m) {
        if (m.change() == null) {
            return "";
        }
        return switch (m.change()) {
            case REGRESSION -> "▼ regression";
            case IMPROVEMENT -> "▲ improvement";
            case NONE -> "= not significant";
        };
    }

    public String label(Change c) {
        return c.word();
    }

    /** Samples that got worse and better, e.g. "26 / 4"; "" when the metric was not paired. */
    public String moves(MetricDelta m) {
        return m.paired() == null ? "" : m.paired().newlyWorse() + " / " + m.paired().newlyBetter();
    }

    /** The samples a paired comparison rests on, or both counts of an unpaired one. */
    public String samples(MetricDelta m) {
        if (m.paired() != null) {
            return Integer.toString(m.paired().samples());
        }
        if (m.unpaired() != null) {
            return m.unpaired().baseTrials() + " / " + m.unpaired().newTrials();
        }
        return "";
    }

    public String text(String s) {
        return s == null ? "—" : s;
    }
}
