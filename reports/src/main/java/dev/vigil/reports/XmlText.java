package dev.vigil.reports;

/** Removes characters XML 1.0 cannot hold at all (most C0 controls), which would make junit.xml ill-formed. */
final class XmlText {
    private XmlText() {
    }

    static String clean(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().filter(XmlText::allowed).forEach(b::appendCodePoint);
        return b.toString();
    }

    private static boolean allowed(int c) {
        return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000;
    }
}
