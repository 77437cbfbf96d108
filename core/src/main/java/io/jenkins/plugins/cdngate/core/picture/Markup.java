package io.jenkins.plugins.cdngate.core.picture;

import io.jenkins.plugins.cdngate.core.Text;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Text inside SVG, HTML and XML written by core: escaped so that whatever Alibaba or a user put in a plan name
 * ({@code <}, {@code &}, quotes, Chinese) is shown as text and never read as markup, and so the result is always
 * well-formed XML 1.0.
 */
public final class Markup {
    /** Font stack: the usual UI fonts, then fonts that hold Chinese, then any sans-serif. */
    public static final String FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, "
            + "'Noto Sans', 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', 'WenQuanYi Micro Hei', sans-serif";

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private Markup() {
    }

    /**
     * The text escaped for an XML or HTML element or a double- or single-quoted attribute: {@code & < > " '} as
     * entities; control characters (which XML 1.0 cannot hold at all) and line separators as visible escapes
     * ({@link Text#oneLine}); a lone surrogate as U+FFFD. Null becomes the empty string.
     */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        String one = Text.oneLine(text);
        StringBuilder out = new StringBuilder(one.length() + 16);
        for (int i = 0; i < one.length(); i++) {
            char c = one.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < one.length() && Character.isLowSurrogate(one.charAt(i + 1))) {
                        out.append(c).append(one.charAt(++i));
                    } else if (Character.isSurrogate(c) || c == '\uFFFE' || c == '\uFFFF') {
                        out.append('\uFFFD');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    private static final Instant LAST = Instant.parse("9999-12-31T23:59:59Z");
    private static final Instant FIRST = Instant.parse("0000-01-01T00:00:00Z");

    /** {@code 2027-06-05} (UTC); beyond four-digit years {@code after 9999-12-31} (a pace close to zero). */
    public static String date(Instant at) {
        return at.isAfter(LAST) ? "after 9999-12-31" : at.isBefore(FIRST) ? "before 0000-01-01" : DATE.format(at);
    }

    /** {@code 2026-12-02 00:40 UTC}. */
    public static String minute(Instant at) {
        return at.isAfter(LAST) ? "after 9999-12-31" : at.isBefore(FIRST) ? "before 0000-01-01" : MINUTE.format(at);
    }

    /** A coordinate with at most one decimal, the same on every machine ({@code 12.5}, {@code 40}). */
    static String num(double value) {
        long tenths = Math.round(value * 10);
        return tenths % 10 == 0 ? Long.toString(tenths / 10)
                : (tenths < 0 && tenths > -10 ? "-" : "") + (tenths / 10) + "." + Math.abs(tenths % 10);
    }

    /**
     * An estimate of how wide the text is drawn at this font size, in the same units: SVG cannot measure text, so
     * layout (truncating long names, keeping labels apart) works from this. Wide (CJK) characters count one em,
     * the rest by a typical sans-serif's average; it errs wide so that labels do not collide.
     */
    static double width(String text, double fontSize) {
        double em = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            em += wide(cp) ? 1.0 : cp == ' ' ? 0.3 : Character.isUpperCase(cp) ? 0.68
                    : Character.isDigit(cp) ? 0.58 : "il.,:;'|!()[]".indexOf(cp) >= 0 ? 0.32 : 0.56;
        }
        return em * fontSize;
    }

    /** East Asian wide and full-width characters (CJK, kana, hangul, full-width forms). */
    static boolean wide(int cp) {
        return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3)
                || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60)
                || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
    }

    /** The text cut to fit the width (ending in an ellipsis), whole code points only. */
    static String fit(String text, double fontSize, double maxWidth) {
        if (width(text, fontSize) <= maxWidth) {
            return text;
        }
        double ellipsis = width("\u2026", fontSize);
        StringBuilder out = new StringBuilder();
        double used = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            double w = width(new String(Character.toChars(cp)), fontSize);
            if (used + w + ellipsis > maxWidth) {
                break;
            }
            out.appendCodePoint(cp);
            used += w;
            i += Character.charCount(cp);
        }
        return out.toString().stripTrailing() + "\u2026";
    }
}
