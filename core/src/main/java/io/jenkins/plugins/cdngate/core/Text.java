package io.jenkins.plugins.cdngate.core;

/**
 * Text that goes into a build log. Alibaba's answers (plan names, lock reasons, error messages, codes,
 * RequestIds) are data, and a build log is split into lines by the reader: a line break inside a plan's
 * DisplayName would let whoever named the plan print a line of their own, for instance a forged
 * {@code [CDN Gate] Verdict: PASS} (acceptance review 2, item 3). Jenkins' console, a terminal and log
 * shippers break lines at more than {@code \n}: {@code \r}, U+0085 (NEL), U+2028/U+2029; other control
 * characters move the cursor or colour the terminal.
 */
public final class Text {
    private Text() {
    }

    /**
     * The text with every control character (C0 including tab, CR and LF; DEL; C1 including U+0085) and the
     * Unicode line and paragraph separators U+2028/U+2029 written as an escape: {@code \n}, {@code \r},
     * {@code \t} as those two characters, the rest as {@code \}{@code uXXXX}. A backslash is left as it is, so
     * the result of this method passes through it unchanged. Null stays null.
     */
    public static String oneLine(String text) {
        if (text == null) {
            return null;
        }
        int i = 0;
        while (i < text.length() && !escaped(text.charAt(i))) {
            i++;
        }
        if (i == text.length()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, i);
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!escaped(c)) {
                out.append(c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out.toString();
    }

    static boolean escaped(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029';
    }
}
