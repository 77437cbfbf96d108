package io.jenkins.plugins.cdngate.core.picture;

import static io.jenkins.plugins.cdngate.core.picture.Markup.date;
import static io.jenkins.plugins.cdngate.core.picture.Markup.fit;
import static io.jenkins.plugins.cdngate.core.picture.Markup.width;
import static io.jenkins.plugins.cdngate.core.picture.Svg.INK;
import static io.jenkins.plugins.cdngate.core.picture.Svg.MUTED;
import static io.jenkins.plugins.cdngate.core.picture.Svg.tspan;

import io.jenkins.plugins.cdngate.core.Counts;
import io.jenkins.plugins.cdngate.core.Sizes;
import io.jenkins.plugins.cdngate.core.forecast.ForecastText;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One self-contained SVG of a require-quota report: the pool of counted data-transfer plans with the gate's
 * minimum and warning levels as markers, then one horizontal bar per plan with its end date and its part of the
 * pool's drain at the current pace (runs out, or ends with capacity left).
 *
 * <p>Made to be embedded anywhere, Jenkins included: presentation attributes only (no {@code <style>} element, no
 * {@code style=""}), no script, no external reference, so no Content-Security-Policy blocks it; {@code <title>} and
 * {@code <desc>} carry the whole picture in words for screen readers. It reads in grey scale: what is left is a
 * solid dark fill, what is used a light hatching, the minimum a solid line and the warning level a dashed one, and
 * every number is written out. The same snapshot always gives the same text (no clock, no locale, no randomness).
 */
public final class QuotaPicture {
    static final double WIDTH = 760;
    static final double MARGIN = 20;
    static final double BAR = WIDTH - 2 * MARGIN;
    static final String BYTES_LEFT = "#0969da";
    static final String REQUESTS_LEFT = "#8250df";
    static final String NOT_COUNTED = "#8c959f";
    static final String LOW = "#cf222e";
    static final String WARN = "#9a6700";
    static final String OK = "#1a7f37";
    /** The light ground of the hatching that marks what is used. */
    static final String HATCH_BACKGROUND = "#eaeef2";
    /** Bold text is about this much wider than {@link Markup#width} estimates for regular text. */
    static final double BOLD = 1.1;

    private QuotaPicture() {
    }

    /** The picture as SVG text (UTF-8 when written to a file; no XML declaration, so it can be embedded in HTML). */
    public static String svg(QuotaSnapshot s) {
        List<String> words = new ArrayList<>();
        String title = title(s);
        words.add(title + ".");
        Layout body = new Layout();
        double y = 58;
        if (s.remainingBytes() != null) {
            y = pool(s, body, y, words);
        }
        if (!s.plans().isEmpty()) {
            body.svg.line(MARGIN, y, WIDTH - MARGIN, y, Svg.RULE, 1, null);
            y += 24;
            body.svg.textRaw(MARGIN, y, tspan("Plans", INK, "600") + (s.pool().isEmpty() ? "" : tspan("  each plan's part in "
                    + "the pool's drain: its pace drawn through the counted plans, earliest end first", MUTED, null, 12)),
                    14, INK, null, null, null);
            if (!s.pool().isEmpty()) {
                words.add("Plans are drawn on at the pool's pace, the one ending earliest first.");
            }
            y += 12;
            // minRequests is checked against the counted request plans' sum: a marker on a bar when one plan is that sum
            List<PlanBar> requests = s.plans().stream().filter(p -> p.counted() && PlanBar.REQUESTS.equals(p.unit()))
                    .toList();
            Long minRequests = s.minRequests() != null && s.minRequests() > 0 && requests.size() == 1
                    ? s.minRequests() : null;
            for (PlanBar p : s.plans()) {
                y = plan(p, s.at(), body, y, words, requests.contains(p) ? minRequests : null);
            }
        } else if (s.remainingBytes() == null) {
            body.svg.text(MARGIN, y + 20, "No plan data in this report.", 13, MUTED, null, null);
            words.add("No plan data in this report.");
            y += 36;
        }
        y = legend(s, body, y + 6);
        String desc = String.join(" ", words);
        String id = Svg.id("cdngate-quota", desc);
        String hatch = id + "-used";
        Svg svg = new Svg().open(WIDTH, y, id, title, desc).hatch(hatch);
        svg.rect(0.5, 0.5, WIDTH - 1, y - 1, "#ffffff", "stroke=\"" + Svg.RULE + "\" rx=\"6\"");
        header(s, svg);
        svg.raw(body.svg.body().replace(Layout.HATCH, "url(#" + hatch + ")"));
        return svg.close();
    }

    private static String title(QuotaSnapshot s) {
        StringBuilder t = new StringBuilder("CDN quota: ").append(s.verdict() == null ? "no verdict" : s.verdict());
        if (s.remainingBytes() != null) {
            t.append(", ").append(Sizes.brief(s.remainingBytes())).append(" of data transfer left");
            if (s.daysLeft() != null) {
                t.append(", ").append(days(s.daysLeft())).append(" at the current pace");
            }
        }
        return t.toString();
    }

    private static void header(QuotaSnapshot s, Svg svg) {
        svg.text(MARGIN, 30, "CDN quota", 17, INK, null, "600");
        svg.text(MARGIN, 48, "as of " + Markup.minute(s.at()), 12, MUTED, null, null);
        String verdict = s.verdict() == null ? "NO VERDICT" : s.verdict();
        double w = width(verdict, 12) + 20;
        svg.rect(WIDTH - MARGIN - w, 16, w, 24, Svg.verdictColour(s.verdict()), "rx=\"4\"");
        svg.text(WIDTH - MARGIN - w / 2, 32.5, verdict, 12, "#ffffff", "middle", "700");
    }

    /** The pool bar; returns the y below it. */
    private static double pool(QuotaSnapshot s, Layout body, double y, List<String> words) {
        Svg svg = body.svg;
        List<PlanBar> pool = s.pool();
        long remaining = s.remainingBytes();
        long total = sum(pool.stream().map(p -> Math.max(p.total(), p.remaining())).toList());
        long used = Math.max(0, total - remaining);
        long scale = Math.max(Math.max(total, remaining), Math.max(or0(s.minBytes()), or0(s.warnBytes())));
        String state = s.minBytes() != null && remaining < s.minBytes() ? LOW
                : s.warnBytes() != null && remaining < s.warnBytes() ? WARN : OK;
        y += 22;
        svg.textRaw(MARGIN, y, tspan("Counted data transfer", INK, "600")
                + tspan("  " + pool.size() + " plan" + (pool.size() == 1 ? "" : "s"), MUTED, null), 14, INK, null, null, null);
        // only a pool used up then "runs out"; one whose last plan ends with capacity left "lasts until" (forecast's words)
        String end = s.poolRunOutAt() == null ? ""
                : (s.poolUsedUpAtEnd() ? "runs out " : "lasts until ") + date(s.poolRunOutAt());
        String pace = s.daysLeft() == null ? "No pace yet"
                : days(s.daysLeft()) + " left at the current pace" + (end.isEmpty() ? "" : ", " + end);
        double heading = BOLD * width("Counted data transfer", 14) + width("  " + pool.size() + " plans", 14) + 16;
        if (s.daysLeft() != null && heading + BOLD * width(pace, 13) > BAR) {
            pace = days(s.daysLeft()) + " left" + (end.isEmpty() ? "" : ", " + end);
        }
        svg.text(WIDTH - MARGIN, y, pace, 13, s.daysLeft() == null ? MUTED : INK, "end", "600");
        y += 10;
        double barY = y;
        double h = 28;
        bar(body, barY, h, remaining, used, scale, state, "pool");
        y += h;
        double labelY = y + 16;
        List<double[]> taken = new ArrayList<>();
        double rows = 0;
        if (s.minBytes() != null && s.minBytes() > 0) {
            rows = Math.max(rows, marker(svg, s.minBytes(), scale, barY, h, "min " + Sizes.brief(s.minBytes()), false,
                    labelY, taken));
        }
        if (s.warnBytes() != null && s.warnBytes() > 0) {
            rows = Math.max(rows, marker(svg, s.warnBytes(), scale, barY, h, "warn " + Sizes.brief(s.warnBytes()), true,
                    labelY, taken));
        }
        barLabels(body, barY, h, remaining, used, scale, total, state, true, Sizes.brief(remaining) + " left",
                Sizes.brief(used) + " used", taken.stream().map(t -> t[3]).toList());
        y += rows * 14 + 18;
        y = numbers(svg, y, true, remaining, used, total);
        long unused = s.poolUnusedAtExpiryBytes() == null ? 0 : s.poolUnusedAtExpiryBytes();
        if (s.daysLeft() != null && s.poolRunOutAt() != null && (unused > 0 || !s.poolUsedUpAtEnd())) {
            // what days left leaves out, said where the numbers are: without it the days do not add up
            String ending = ForecastText.poolEnd(s.poolUsedUpAtEnd(), s.poolRunOutAt(), unused, Markup::date, Sizes::brief);
            y += 16;
            svg.text(MARGIN, y, Character.toUpperCase(ending.charAt(0)) + ending.substring(1) + ".", 12, INK, null,
                    "600");
        }
        words.add("Counted data transfer in " + pool.size() + " plan" + (pool.size() == 1 ? "" : "s") + ": "
                + Sizes.human(remaining) + " left, " + Sizes.human(used) + " used, " + Sizes.human(total) + " in total.");
        if (s.minBytes() != null) {
            words.add("Minimum " + Sizes.human(s.minBytes()) + (remaining < s.minBytes() ? ", not met." : ", met."));
        }
        if (s.warnBytes() != null) {
            words.add("Warning level " + Sizes.human(s.warnBytes()) + (remaining < s.warnBytes() ? ", under it." : ", above it."));
        }
        String said = s.daysLeft() == null ? pace : days(s.daysLeft()) + " left at the current pace"
                + (s.poolRunOutAt() == null ? "" : ", " + ForecastText.poolEnd(s.poolUsedUpAtEnd(), s.poolRunOutAt(),
                unused, Markup::date, Sizes::human));
        words.add(Character.toUpperCase(said.charAt(0)) + said.substring(1) + ".");
        return y + 14;
    }

    /** A threshold marker on the pool bar and its label below; returns how many label rows are in use. */
    private static double marker(Svg svg, long value, long scale, double barY, double h, String label, boolean dashed,
                                 double labelY, List<double[]> taken) {
        double x = MARGIN + BAR * fraction(value, scale);
        // a white underlay keeps the line visible where it crosses the dark solid part, in colour and in grey
        svg.line(x, barY - 5, x, barY + h + 5, "#ffffff", 4, null);
        svg.line(x, barY - 5, x, barY + h + 5, INK, 2, dashed ? "stroke-dasharray=\"4 3\"" : null);
        double w = width(label, 11) * (dashed ? 1 : BOLD);
        // minimum: label left of its line; warning (never below the minimum): right of it, so they rarely meet;
        // always within the bar's extent (a marker at the bar's end has its label left of it)
        double start = dashed ? x + 4 : x - 4 - w;
        if (start < MARGIN) {
            start = x + 4;
        }
        if (start + w > MARGIN + BAR) {
            start = x - 4 - w;
        }
        start = Math.max(MARGIN, Math.min(start, MARGIN + BAR - w));
        int row = 0;
        for (double[] t : taken) {
            if (start < t[1] + 6 && start + w + 6 > t[0] && t[2] == row) {
                row++;
            }
        }
        taken.add(new double[] {start, start + w, row, x});
        svg.text(start, labelY + row * 14, label, 11, INK, null, dashed ? null : "600");
        return row + 1;
    }

    /** One plan row; returns the y below it. */
    private static double plan(PlanBar p, Instant at, Layout body, double y, List<String> words, Long min) {
        Svg svg = body.svg;
        y += 24;
        String kind = p.bytes() ? "data transfer" : PlanBar.REQUESTS.equals(p.unit()) ? "requests" : "unknown unit";
        String ends = p.endsAt() == null ? "no end date" : "ends " + date(p.endsAt());
        double endsW = width(ends, 12);
        String id = p.instanceId() == null ? "" : p.instanceId();
        String name = p.name() == null || p.name().isBlank() ? (id.isEmpty() ? "(unnamed plan)" : id) : p.name().strip();
        String meta = (name.equals(id) || id.isEmpty() ? "" : "  " + id) + "  \u00b7 " + kind
                + (p.counted() ? "" : " \u00b7 not counted");
        double room = BAR - endsW - 24 - Math.min(width(meta, 12), BAR / 2);
        String shown = fit(name, 13.5 * BOLD, room);
        String full = name.equals(shown) ? "" : "<title>" + Markup.escape(name) + "</title>";
        svg.raw("<g>" + full);
        svg.textRaw(MARGIN, y, tspan(shown, INK, "600") + tspan(meta, MUTED, null, 12), 13.5, INK, null, null, null);
        svg.raw("</g>\n");
        svg.text(WIDTH - MARGIN, y, ends, 12, MUTED, "end", null);
        y += 8;
        double h = 20;
        long total = Math.max(p.total(), p.remaining());
        String fill = !p.counted() ? NOT_COUNTED : p.bytes() ? BYTES_LEFT : REQUESTS_LEFT;
        long scale = min == null ? total : Math.max(total, min);
        bar(body, y, h, p.remaining(), p.used(), scale, fill, "plan");
        List<double[]> taken = new ArrayList<>();
        if (min != null) {
            marker(svg, min, scale, y, h, "min " + Counts.format(min), false, y + h + 16, taken);
        }
        barLabels(body, y, h, p.remaining(), p.used(), scale, total, fill, false, brief(p, p.remaining()) + " left",
                brief(p, p.used()) + " used", taken.stream().map(t -> t[3]).toList());
        y += h + 16 + taken.size() * 14;
        y = numbers(svg, y, p.bytes(), p.remaining(), p.used(), total);
        String forecast = forecast(p, at);
        if (forecast != null) {
            boolean early = p.runOutAt() != null && p.endsAt() != null && p.runOutAt().isBefore(p.endsAt());
            y += 16;
            svg.text(MARGIN, y, forecast, 12, early ? LOW : INK, null, early ? "600" : null);
        }
        words.add("Plan " + name + (id.isEmpty() || name.equals(id) ? "" : " (" + id + ")") + ", " + kind
                + (p.counted() ? "" : ", not counted") + ": " + amount(p, p.remaining()) + " left, "
                + amount(p, p.used()) + " used, " + amount(p, total) + " in total; " + ends + "."
                + (min == null ? "" : " Minimum " + Counts.format(min) + " requests" + (p.remaining() < min ? ", not met."
                : ", met."))
                + (forecast == null ? "" : " " + forecast));
        return y + 8;
    }

    /**
     * What the pool's drain says of the plan (core.forecast: the pool's pace drawn through the counted plans, earliest
     * end first), or null when there is nothing to say (a request plan, a plan not counted).
     */
    private static String forecast(PlanBar p, Instant at) {
        if (!p.bytes() || !p.counted()) {
            return null;
        }
        if (p.remaining() <= 0) {
            return "Used up already (0 bytes left).";
        }
        if (p.runOutAt() == null) {
            return "No pace yet: nothing to project from.";
        }
        if (p.endsAt() != null && !p.runOutAt().isBefore(p.endsAt())) {
            return "In the pool's drain it ends " + date(p.endsAt()) + " with capacity left unused.";
        }
        String before = p.endsAt() == null ? "" : ", " + days(Duration.between(p.runOutAt(), p.endsAt()).toHours() / 24.0)
                + " before it ends";
        return "In the pool's drain it runs out " + date(p.runOutAt()) + " (in "
                + days(Math.max(0, Duration.between(at, p.runOutAt()).toHours() / 24.0)) + before + ").";
    }

    /**
     * A bar: what is left (solid, from the left) then what is used (hatched), in a thin outline the length of the
     * scale; short labels inside a part when they fit.
     */
    private static void bar(Layout body, double y, double h, long remaining, long used, long scale, String fill,
                            String role) {
        Svg svg = body.svg;
        double left = BAR * fraction(remaining, scale);
        double usedW = Math.min(BAR - left, BAR * fraction(used, scale));
        svg.rect(MARGIN, y, BAR, h, "#ffffff", "stroke=\"" + Svg.TRACK + "\" stroke-width=\"1\" rx=\"3\"");
        if (usedW > 0) {
            svg.rect(MARGIN + left, y, usedW, h, Layout.HATCH, "class=\"cdngate-used\" data-role=\"" + role + "\"");
        }
        if (left > 0) {
            svg.rect(MARGIN, y, left, h, fill, "class=\"cdngate-left\" data-role=\"" + role + "\"");
        }
    }

    /** The short labels inside a bar's parts when they fit (drawn after any marker, with a halo that keeps them clear). */
    private static void barLabels(Layout body, double y, double h, long remaining, long used, long scale, long capacity,
                                  String fill, boolean pool, String leftLabel, String usedLabel, List<Double> markers) {
        Svg svg = body.svg;
        double left = BAR * fraction(remaining, scale);
        double usedW = Math.min(BAR - left, BAR * fraction(used, scale));
        double size = pool ? 12.5 : 11.5;
        // a share of the capacity (the "total" under the bar), never of the bar's scale, which a marker may stretch
        String pct = capacity <= 0 ? "" : " (" + percent(remaining, capacity) + ")";
        double baseline = y + h / 2 + size * 0.36;
        double leftW = BOLD * width(leftLabel + pct, size);
        if (leftW + 12 <= left) {
            // start right of any marker the label would cross; if none leaves room, blank the marker behind the label
            double x = MARGIN + 6;
            for (double m : markers) {
                if (m > x - 4 && m < x + leftW + 4 && m + 6 + leftW + 6 <= MARGIN + left) {
                    x = m + 6;
                }
            }
            for (double m : markers) {
                if (m > x - 4 && m < x + leftW + 4) {
                    svg.rect(x - 3, y + 3, leftW + 6, h - 6, fill, null);
                    break;
                }
            }
            svg.textHalo(x, baseline, leftLabel + pct, size, "#ffffff", null, "600", fill);
        } else if (leftW + 12 <= BAR - left - (usedW > 0 ? width(usedLabel, size) + 24 : 0)) {
            // no room inside the solid part: just right of it, in ink
            svg.textHalo(MARGIN + left + 6, baseline, leftLabel + pct, size, INK, null, "600", HATCH_BACKGROUND);
            return;
        }
        if (usedW > 0 && width(usedLabel, size) + 12 <= usedW) {
            svg.textHalo(MARGIN + left + usedW - 6, baseline, usedLabel, size, INK, "end", null, HATCH_BACKGROUND);
        }
    }

    /** The numbers under a bar, in both units; wraps to a second line when they do not fit. Returns the last baseline. */
    private static double numbers(Svg svg, double y, boolean bytes, long remaining, long used, long total) {
        List<String> parts = bytes
                ? List.of("Left " + Sizes.human(remaining), "used " + Sizes.human(used), "total " + Sizes.human(total))
                : List.of("Left " + Counts.format(remaining) + " requests", "used " + Counts.format(used),
                "total " + Counts.format(total));
        String line = String.join("  \u00b7  ", parts);
        if (width(line, 11.5) <= BAR) {
            svg.text(MARGIN, y, line, 11.5, MUTED, null, null);
            return y;
        }
        svg.text(MARGIN, y, parts.get(0) + "  \u00b7  " + parts.get(1), 11.5, MUTED, null, null);
        svg.text(MARGIN, y + 15, parts.get(2), 11.5, MUTED, null, null);
        return y + 15;
    }

    /** The legend: the colours actually drawn (the pool bar's by its state, the plans' by kind), then the markers. */
    private static double legend(QuotaSnapshot s, Layout body, double y) {
        Svg svg = body.svg;
        svg.line(MARGIN, y, WIDTH - MARGIN, y, Svg.RULE, 1, null);
        y += 22;
        // {kind, colour or marker, text}
        List<String[]> items = new ArrayList<>();
        if (s.remainingBytes() != null) {
            String state = s.minBytes() != null && s.remainingBytes() < s.minBytes() ? LOW
                    : s.warnBytes() != null && s.remainingBytes() < s.warnBytes() ? WARN : OK;
            items.add(new String[] {"fill", state, "left in the pool"});
        }
        if (s.plans().stream().anyMatch(p -> p.counted() && p.bytes())) {
            items.add(new String[] {"fill", BYTES_LEFT, "data transfer left"});
        }
        if (s.plans().stream().anyMatch(p -> p.counted() && !p.bytes())) {
            boolean onlyRequests = s.plans().stream().filter(p -> p.counted() && !p.bytes())
                    .allMatch(p -> PlanBar.REQUESTS.equals(p.unit()));
            items.add(new String[] {"fill", REQUESTS_LEFT, onlyRequests ? "requests left" : "left (requests or count)"});
        }
        if (s.plans().stream().anyMatch(p -> !p.counted())) {
            items.add(new String[] {"fill", NOT_COUNTED, "left, not counted"});
        }
        items.add(new String[] {"hatch", null, "used"});
        boolean requestMarker = s.minRequests() != null && s.minRequests() > 0 && s.plans().stream()
                .filter(p -> p.counted() && PlanBar.REQUESTS.equals(p.unit())).count() == 1;
        if ((s.remainingBytes() != null && s.minBytes() != null && s.minBytes() > 0) || requestMarker) {
            items.add(new String[] {"min", null, "minimum (FAIL below)"});
        }
        if (s.remainingBytes() != null && s.warnBytes() != null && s.warnBytes() > 0) {
            items.add(new String[] {"warn", null, "warning level (UNSTABLE below)"});
        }
        double x = MARGIN;
        for (String[] item : items) {
            double w = (item[0].equals("min") || item[0].equals("warn") ? 12 : 18) + width(item[2], 11.5) * 1.08 + 16;
            if (x > MARGIN && x + w - 16 > WIDTH - MARGIN) {
                x = MARGIN;
                y += 18;
            }
            switch (item[0]) {
                case "fill" -> svg.rect(x, y - 10, 14, 12, item[1], null);
                case "hatch" -> svg.rect(x, y - 10, 14, 12, Layout.HATCH, "stroke=\"" + Svg.TRACK + "\" stroke-width=\"0.5\"");
                case "min" -> svg.line(x + 6, y - 12, x + 6, y + 3, INK, 2, null);
                default -> svg.line(x + 6, y - 12, x + 6, y + 3, INK, 2, "stroke-dasharray=\"4 3\"");
            }
            x = legendText(svg, x + (item[0].equals("min") || item[0].equals("warn") ? 12 : 18), y, item[2]);
        }
        return y + 14;
    }

    private static double legendText(Svg svg, double x, double y, String text) {
        svg.text(x, y, text, 11.5, MUTED, null, null);
        // the estimate runs short for some fonts: a little more room than it says
        return x + width(text, 11.5) * 1.08 + 16;
    }

    static String days(double days) {
        if (Double.isNaN(days) || Double.isInfinite(days)) {
            return days > 0 ? "no end in sight" : "no pace";
        }
        if (days < 1) {
            return "less than a day";
        }
        long whole = (long) Math.floor(days);
        return "about " + whole + (whole == 1 ? " day" : " days");
    }

    private static String brief(PlanBar p, long value) {
        return p.bytes() ? Sizes.brief(value) : Counts.format(value);
    }

    private static String amount(PlanBar p, long value) {
        return p.bytes() ? Sizes.human(value) : Counts.format(value) + " requests";
    }

    private static String percent(long part, long whole) {
        double pct = 100.0 * part / whole;
        if (pct > 0 && pct < 1) {
            return "<1%";
        }
        if (pct < 100 && pct > 99) {
            return ">99%";
        }
        return String.format(Locale.ROOT, "%.0f%%", pct);
    }

    static double fraction(long part, long whole) {
        if (whole <= 0 || part <= 0) {
            return 0;
        }
        return Math.min(1.0, (double) part / (double) whole);
    }

    private static long sum(List<Long> values) {
        BigInteger total = BigInteger.ZERO;
        for (long v : values) {
            total = total.add(BigInteger.valueOf(v));
        }
        return total.bitLength() > 63 ? Long.MAX_VALUE : total.longValueExact();
    }

    private static long or0(Long value) {
        return value == null ? 0 : value;
    }

    /** The body is laid out before the ids are known (they come from the text): the hatch is a placeholder. */
    private static final class Layout {
        /** A NUL cannot survive {@link Markup#escape}, so no plan name can fake the placeholder. */
        static final String HATCH = "\u0000hatch\u0000";
        final Svg svg = new Svg();
    }
}
