package dev.vigil.reports.svg;

import java.util.Locale;

/**
 * A small SVG writer. Charts are inserted into the report as markup, outside the template's
 * auto-escaping, so every piece of text goes through {@link #text} here.
 */
final class Svg {
    private final StringBuilder out = new StringBuilder();

    /** {@code s} escaped for XML text and attribute values (both quote styles). */
    static String text(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    // Characters XML 1.0 forbids (most C0 controls) would make the SVG ill-formed.
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    /** A coordinate with at most two decimals. */
    static String num(double v) {
        String s = String.format(Locale.ROOT, "%.2f", v);
        s = s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
        return s.equals("-0") ? "0" : s;
    }

    Svg raw(String markup) {
        out.append(markup);
        return this;
    }

    /** An element with attributes given as name, value pairs; values are escaped. */
    Svg open(String name, String... attributes) {
        out.append('<').append(name);
        attributes(attributes);
        out.append('>');
        return this;
    }

    Svg empty(String name, String... attributes) {
        out.append('<').append(name);
        attributes(attributes);
        out.append("/>");
        return this;
    }

    Svg close(String name) {
        out.append("</").append(name).append('>');
        return this;
    }

    /** An element holding only escaped text. */
    Svg element(String name, String content, String... attributes) {
        open(name, attributes);
        out.append(text(content));
        return close(name);
    }

    private void attributes(String... attributes) {
        if (attributes.length % 2 != 0) {
            throw new IllegalArgumentException("attributes come in name, value pairs");
        }
        for (int i = 0; i < attributes.length; i += 2) {
            out.append(' ').append(attributes[i]).append("=\"").append(text(attributes[i + 1])).append('"');
        }
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
