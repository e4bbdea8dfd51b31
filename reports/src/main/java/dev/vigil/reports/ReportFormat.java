package dev.vigil.reports;

import dev.vigil.core.policy.Bound;
import dev.vigil.core.policy.Rule;
import dev.vigil.core.policy.RuleOutcome;
import dev.vigil.core.result.Figure;
import dev.vigil.core.result.Metric;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Number and label formatting for the report template and summary.md; every number with four decimals. */
public final class ReportFormat {
    private static final Pattern WITH_INTERVAL = Pattern.compile("^\\s*([-+−]?[0-9][0-9.,eE+-]*%?)\\s+(\\[[-+−0-9.,eE ]+\\])\\s*$");
    private static final Pattern NUMERIC = Pattern.compile("[-+−]?[0-9][0-9.,]*%?( \\[[-0-9., ]+\\])?|n/a");

    public String number(Double x) {
        if (x == null) {
            return "";
        }
        return fourDecimals(x);
    }

    static String fourDecimals(double x) {
        return Double.isNaN(x) ? "n/a" : String.format(Locale.ROOT, "%.4f", x);
    }

    /** A table cell split into its value and its bracketed 95% interval: ["0.45", "[0.26, 0.66]"], or [cell, ""]. */
    public List<String> valueAndInterval(String cell) {
        java.util.regex.Matcher m = WITH_INTERVAL.matcher(cell == null ? "" : cell);
        return m.matches() ? List.of(m.group(1), m.group(2)) : List.of(cell == null ? "" : cell, "");
    }

    /** The first 12 hex digits of a SHA-256 and an ellipsis, for page one (the full hash is in the provenance); "" for none. */
    public String shortHash(String sha) {
        return sha == null ? "" : sha.length() <= 12 ? sha : sha.substring(0, 12) + "…";
    }

    /** A metric's value; counts (whole numbers without interval or sample count) without decimals. */
    public String value(Metric m) {
        double v = m.value();
        if (!m.hasInterval() && m.count() == null && !Double.isNaN(v) && v == Math.rint(v) && Math.abs(v) < 1e12) {
            return Long.toString((long) v);
        }
        return number(v);
    }

    public String interval(Metric m) {
        return m.hasInterval() ? "[" + number(m.lower()) + ", " + number(m.upper()) + "]" : "";
    }

    public String count(Metric m) {
        return m.count() == null ? "" : Integer.toString(m.count());
    }

    /** The rule's condition, e.g. "≥ 0.4". */
    public String condition(Rule r) {
        String symbol = switch (r.comparison()) {
            case AT_LEAST -> "≥";
            case ABOVE -> ">";
            case AT_MOST -> "≤";
            case BELOW -> "<";
        };
        return symbol + " " + Rule.formatNumber(r.threshold());
    }

    /** The rule's options in words, e.g. "on the lower 95% bound · error · at least 30 samples". */
    public String ruleOptions(Rule r) {
        List<String> parts = new ArrayList<>();
        parts.add(r.bound() == Bound.VALUE ? "on the measured value" : "on the " + r.bound().word() + " 95% bound");
        parts.add(r.severity() == dev.vigil.core.policy.Severity.ERROR ? "severity error (fails the gate)" : "severity warning (reported only)");
        if (r.minCount() != null) {
            parts.add("needs at least " + r.minCount() + " samples");
        }
        return String.join(" · ", parts);
    }

    /** What the rule gates on, in words. */
    public String gatedOn(Rule r) {
        return r.bound() == Bound.VALUE ? "measured value" : r.bound().word() + " 95% bound";
    }

    /** The measured value with its interval and count, e.g. "0.8350 [0.7773, 0.8800], n = 200", or "absent". */
    public String measured(RuleOutcome o) {
        if (o.value() == null) {
            return "absent";
        }
        StringBuilder b = new StringBuilder(o.rule().countsSamples() && o.value() == Math.rint(o.value())
                ? Long.toString(o.value().longValue()) : number(o.value()));
        if (o.lower() != null && o.upper() != null) {
            b.append(" [").append(number(o.lower())).append(", ").append(number(o.upper())).append(']');
        }
        if (o.count() != null) {
            b.append(", n = ").append(o.count());
        }
        return b.toString();
    }

    /** The signed distance from the threshold, positive on the passing side, e.g. "+0.0350" or "−0.0230". */
    public String margin(RuleOutcome o) {
        Double m = o.margin();
        if (m == null || o.status() == dev.vigil.core.policy.Status.INCONCLUSIVE) {
            return "";
        }
        return (m < 0 ? "−" : "+") + String.format(Locale.ROOT, "%.4f", Math.abs(m));
    }

    /** The rule's waiver and what it did today, e.g. "⊘ Waived until 2027-01-31: retraining scheduled"; "" without one. */
    public String waiver(RuleOutcome o) {
        Rule r = o.rule();
        if (r.waivedUntil() == null || o.waiver() == null) {
            return "";
        }
        if (o.status() == dev.vigil.core.policy.Status.WAIVED) {
            return "⊘ Waived until " + r.waivedUntil() + " (not gating): " + r.waiverReason();
        }
        if (o.waiver() == dev.vigil.core.policy.WaiverState.EXPIRED) {
            return "Waiver expired after " + r.waivedUntil() + (o.status() == dev.vigil.core.policy.Status.FAIL
                    ? ", so the rule gates again: " : ": ") + r.waiverReason();
        }
        return "Waiver until " + r.waivedUntil() + ", not needed today: " + r.waiverReason();
    }

    public String settings(Map<String, String> settings) {
        List<String> parts = new ArrayList<>();
        settings.forEach((k, v) -> parts.add(k + ": " + v));
        return String.join("; ", parts);
    }

    /** Alternative text for a figure: its own, else its caption, else its file name. */
    public String alt(Figure f) {
        if (f.alt() != null && !f.alt().isBlank()) {
            return f.alt();
        }
        if (f.caption() != null && !f.caption().isBlank()) {
            return f.caption();
        }
        return "figure " + f.file();
    }

    /** Whether a table cell holds a number (right-aligned in the report). */
    public boolean numeric(String cell) {
        return cell != null && NUMERIC.matcher(cell.strip()).matches();
    }

    /** The value of a chart series at category {@code i}, or "n/a". */
    public String seriesValue(dev.vigil.core.result.ChartSeries s, int i) {
        return i < s.y().size() ? number(s.y().get(i) == null ? Double.NaN : s.y().get(i)) : "n/a";
    }

    /** The 95% interval of a chart series at category {@code i}, or "". */
    public String seriesInterval(dev.vigil.core.result.ChartSeries s, int i) {
        if (s.lower() == null || s.upper() == null || i >= s.lower().size() || i >= s.upper().size()
                || s.lower().get(i) == null || s.upper().get(i) == null) {
            return "";
        }
        return "[" + number(s.lower().get(i)) + ", " + number(s.upper().get(i)) + "]";
    }

    /** An ISO-8601 instant as "2026-01-02 03:04:05 UTC"; anything else unchanged. */
    public String time(String instant) {
        try {
            return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
                    .withZone(java.time.ZoneOffset.UTC).format(java.time.Instant.parse(instant));
        } catch (RuntimeException e) {
            return instant == null ? "" : instant;
        }
    }

    public String statusLabel(RuleOutcome o) {
        return StatusLabels.label(o);
    }

    public String statusKind(RuleOutcome o) {
        return StatusLabels.kind(o);
    }

    public String headline(dev.vigil.core.policy.Verdict v) {
        return StatusLabels.symbol(v.status()) + " " + StatusLabels.headline(v);
    }

    public String sentence(dev.vigil.core.policy.Verdict v) {
        return StatusLabels.sentence(v);
    }
}
