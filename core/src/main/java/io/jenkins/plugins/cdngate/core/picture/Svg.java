package io.jenkins.plugins.cdngate.core.picture;

import static io.jenkins.plugins.cdngate.core.picture.Markup.escape;
import static io.jenkins.plugins.cdngate.core.picture.Markup.num;

/**
 * A small writer of SVG with presentation attributes only: no {@code <style>} element and no {@code style=""}
 * attribute (Jenkins' Content-Security-Policy blocks inline styles), no script, no external reference.
 */
final class Svg {
    static final String INK = "#1f2328";
    static final String MUTED = "#57606a";
    static final String RULE = "#d0d7de";
    static final String TRACK = "#8c959f";
    static final String PASS = "#1a7f37";
    static final String UNSTABLE = "#9a6700";
    static final String FAIL = "#cf222e";

    private final StringBuilder out = new StringBuilder(8192);

    Svg open(double width, double height, String id, String title, String desc) {
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(num(width)).append("\" height=\"")
                .append(num(height)).append("\" viewBox=\"0 0 ").append(num(width)).append(' ').append(num(height))
                .append("\" role=\"img\" aria-labelledby=\"").append(id).append("-title ").append(id).append("-desc\"")
                .append(" font-family=\"").append(escape(Markup.FONT)).append("\">\n")
                .append("<title id=\"").append(id).append("-title\">").append(escape(title)).append("</title>\n")
                .append("<desc id=\"").append(id).append("-desc\">").append(escape(desc)).append("</desc>\n");
        return this;
    }

    /** Light diagonal hatching: "used" reads as used in grey scale and in colour alike. */
    Svg hatch(String id) {
        out.append("<defs><pattern id=\"").append(id).append("\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\"")
                .append(" patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"" + QuotaPicture.HATCH_BACKGROUND + "\"/>")
                .append("<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#9ea7b3\" stroke-width=\"2.5\"/></pattern></defs>\n");
        return this;
    }

    Svg rect(double x, double y, double w, double h, String fill, String extra) {
        out.append("<rect x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" width=\"").append(num(w))
                .append("\" height=\"").append(num(h)).append("\" fill=\"").append(fill).append('"');
        if (extra != null && !extra.isEmpty()) {
            out.append(' ').append(extra);
        }
        out.append("/>\n");
        return this;
    }

    Svg line(double x1, double y1, double x2, double y2, String stroke, double width, String extra) {
        out.append("<line x1=\"").append(num(x1)).append("\" y1=\"").append(num(y1)).append("\" x2=\"").append(num(x2))
                .append("\" y2=\"").append(num(y2)).append("\" stroke=\"").append(stroke).append("\" stroke-width=\"")
                .append(num(width)).append('"');
        if (extra != null && !extra.isEmpty()) {
            out.append(' ').append(extra);
        }
        out.append("/>\n");
        return this;
    }

    /** A text element; {@code anchor} start, middle or end; {@code weight} null for normal. */
    Svg text(double x, double y, String text, double size, String fill, String anchor, String weight) {
        return textRaw(x, y, escape(text), size, fill, anchor, weight, null);
    }

    /**
     * A text element with a halo of the colour behind it (painted under the glyphs): a marker line crossing the
     * text stops short of it, and the text stays readable on hatching.
     */
    Svg textHalo(double x, double y, String text, double size, String fill, String anchor, String weight, String halo) {
        return textRaw(x, y, escape(text), size, fill, anchor, weight, null,
                "stroke=\"" + halo + "\" stroke-width=\"3\" stroke-linejoin=\"round\" paint-order=\"stroke\"");
    }

    Svg textRaw(double x, double y, String markup, double size, String fill, String anchor, String weight,
                String cssClass) {
        return textRaw(x, y, markup, size, fill, anchor, weight, cssClass, null);
    }

    /** A text element whose content is already markup (tspans with escaped text). */
    Svg textRaw(double x, double y, String markup, double size, String fill, String anchor, String weight,
                String cssClass, String extra) {
        out.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(y)).append("\" font-size=\"")
                .append(num(size)).append("\" fill=\"").append(fill).append('"');
        if (anchor != null && !"start".equals(anchor)) {
            out.append(" text-anchor=\"").append(anchor).append('"');
        }
        if (weight != null) {
            out.append(" font-weight=\"").append(weight).append('"');
        }
        if (cssClass != null) {
            out.append(" class=\"").append(cssClass).append('"');
        }
        if (extra != null) {
            out.append(' ').append(extra);
        }
        out.append('>').append(markup).append("</text>\n");
        return this;
    }

    static String tspan(String text, String fill, String weight) {
        return tspan(text, fill, weight, 0);
    }

    /** A tspan; {@code size} 0 keeps the text element's size. */
    static String tspan(String text, String fill, String weight, double size) {
        StringBuilder t = new StringBuilder("<tspan");
        if (size > 0) {
            t.append(" font-size=\"").append(Markup.num(size)).append('"');
        }
        if (fill != null) {
            t.append(" fill=\"").append(fill).append('"');
        }
        if (weight != null) {
            t.append(" font-weight=\"").append(weight).append('"');
        }
        return t.append('>').append(escape(text)).append("</tspan>").toString();
    }

    Svg raw(String markup) {
        out.append(markup);
        return this;
    }

    /** What was written so far, unclosed (a part laid out before its enclosing element). */
    String body() {
        return out.toString();
    }

    String close() {
        out.append("</svg>\n");
        return out.toString();
    }

    static String verdictColour(String verdict) {
        if ("PASS".equals(verdict)) {
            return PASS;
        }
        if ("UNSTABLE".equals(verdict)) {
            return UNSTABLE;
        }
        return FAIL;
    }

    /** A short id from the content: several pictures on one page keep distinct ids, and the same input the same id. */
    static String id(String prefix, String content) {
        return prefix + "-" + Integer.toHexString(content.hashCode());
    }
}
