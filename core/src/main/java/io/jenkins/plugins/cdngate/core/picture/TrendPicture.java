package io.jenkins.plugins.cdngate.core.picture;

import static io.jenkins.plugins.cdngate.core.picture.Markup.date;
import static io.jenkins.plugins.cdngate.core.picture.Markup.num;
import static io.jenkins.plugins.cdngate.core.picture.Markup.width;
import static io.jenkins.plugins.cdngate.core.picture.Svg.INK;
import static io.jenkins.plugins.cdngate.core.picture.Svg.MUTED;

import io.jenkins.plugins.cdngate.core.Sizes;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One self-contained SVG of the data transfer left across builds, with the projected run-out date as a dashed
 * line to zero. Drawn from plain stored values (a build keeps its reading), so old builds and restarts need
 * nothing else. Same rules as {@link QuotaPicture}: presentation attributes only, no script, no external reference,
 * {@code <title>}/{@code <desc>}, deterministic; the verdict of each point is a shape as well as a colour (circle
 * PASS, triangle UNSTABLE, square FAIL), so it reads in grey scale.
 */
public final class TrendPicture {
    static final double WIDTH = 760;
    static final double HEIGHT = 300;
    static final double LEFT = 86;
    static final double RIGHT = WIDTH - 28;
    static final double TOP = 62;
    static final double BOTTOM = HEIGHT - 64;
    static final String LINE = "#0969da";
    private static final long[] NICE = {1, 2, 5};

    private TrendPicture() {
    }

    /**
     * The trend as SVG text.
     *
     * @param points          one per build, any order (drawn by time)
     * @param projectedRunOut when the pool is empty at the current pace; null when there is no projection
     */
    public static String svg(List<TrendPoint> points, Instant projectedRunOut) {
        return svg(points, projectedRunOut, "build");
    }

    /**
     * The trend as SVG text, its points named {@code unit} ("build" on Jenkins' job page, "reading" for the CLI's
     * history file) in the title, the header and the words a screen reader gets.
     */
    public static String svg(List<TrendPoint> points, Instant projectedRunOut, String unit) {
        String one = unit == null || unit.isBlank() ? "build" : unit.strip();
        String many = one + "s";
        String capital = Character.toUpperCase(one.charAt(0)) + one.substring(1);
        List<TrendPoint> sorted = new ArrayList<>(points == null ? List.of() : points);
        sorted.sort(Comparator.comparing(TrendPoint::at));
        List<String> words = new ArrayList<>();
        String title;
        if (sorted.isEmpty()) {
            title = "Remaining data transfer across " + many + ": no " + one + " has recorded it yet";
        } else {
            TrendPoint last = sorted.get(sorted.size() - 1);
            title = "Remaining data transfer across " + sorted.size() + " " + (sorted.size() == 1 ? one : many) + ": "
                    + Sizes.brief(last.remainingBytes()) + " at the latest"
                    + (projectedRunOut == null ? ", no projected run-out date" : ", projected to run out " + date(projectedRunOut));
        }
        words.add(title + ".");
        Svg body = new Svg();
        if (sorted.isEmpty()) {
            body.text(WIDTH / 2, (TOP + BOTTOM) / 2, "No " + one + " has recorded the quota yet.", 13, MUTED, "middle",
                    null);
        } else {
            chart(sorted, projectedRunOut, body, words, capital);
        }
        String desc = String.join(" ", words);
        String id = Svg.id("cdngate-trend", desc);
        Svg svg = new Svg().open(WIDTH, HEIGHT, id, title, desc);
        svg.rect(0.5, 0.5, WIDTH - 1, HEIGHT - 1, "#ffffff", "stroke=\"" + Svg.RULE + "\" rx=\"6\"");
        svg.text(20, 30, "Remaining data transfer across " + many, 15, INK, null, "600");
        String right = projectedRunOut == null ? "No projected run-out date yet" : "Projected run-out " + date(projectedRunOut);
        svg.text(WIDTH - 20, 30, right, 13, projectedRunOut == null ? MUTED : INK, "end", "600");
        svg.raw(body.body());
        return svg.close();
    }

    private static void chart(List<TrendPoint> points, Instant runOut, Svg svg, List<String> words, String capital) {
        TrendPoint first = points.get(0);
        TrendPoint last = points.get(points.size() - 1);
        long max = points.stream().mapToLong(TrendPoint::remainingBytes).max().orElse(0);
        long[] ticks = ticks(max);
        double top = ticks[ticks.length - 1];

        Instant start = first.at();
        Instant end = last.at();
        Duration span = Duration.between(start, end);
        // a run-out date far beyond the readings would squash them into a corner: the axis stops at three times
        // the readings' span (at least 30 days) past the last one, and the projection leaves the chart there
        Instant cap = end.plus(max(span.multipliedBy(3), Duration.ofDays(30)));
        boolean offChart = runOut != null && runOut.isAfter(cap);
        if (runOut != null) {
            end = offChart ? cap : runOut.isAfter(end) ? runOut : end;
        }
        if (!end.isAfter(start)) {
            start = start.minus(Duration.ofDays(1));
            end = end.plus(Duration.ofDays(1));
        }
        double t0 = start.getEpochSecond();
        double t1 = end.getEpochSecond();
        java.util.function.DoubleUnaryOperator x = t -> LEFT + (RIGHT - LEFT) * (t - t0) / (t1 - t0);
        java.util.function.DoubleUnaryOperator y = v -> BOTTOM - (BOTTOM - TOP) * (top == 0 ? 0 : v / top);

        // grid and y labels
        for (long tick : ticks) {
            double ty = y.applyAsDouble(tick);
            svg.line(LEFT, ty, RIGHT, ty, tick == 0 ? Svg.TRACK : "#eaeef2", 1, null);
            svg.text(LEFT - 8, ty + 4, tickLabel(tick), 11, MUTED, "end", null);
        }
        // x labels: five dates across the axis
        int n = 4;
        for (int i = 0; i <= n; i++) {
            double t = t0 + (t1 - t0) * i / n;
            double tx = x.applyAsDouble(t);
            svg.line(tx, BOTTOM, tx, BOTTOM + 4, Svg.TRACK, 1, null);
            svg.text(tx, BOTTOM + 18, date(Instant.ofEpochSecond((long) t)), 11, MUTED,
                    i == 0 ? "start" : i == n ? "end" : "middle", null);
        }

        // the area and line of the readings
        StringBuilder line = new StringBuilder();
        for (TrendPoint p : points) {
            line.append(num(x.applyAsDouble(p.at().getEpochSecond()))).append(',')
                    .append(num(y.applyAsDouble(p.remainingBytes()))).append(' ');
        }
        String pts = line.toString().trim();
        double xFirst = x.applyAsDouble(first.at().getEpochSecond());
        double xLast = x.applyAsDouble(last.at().getEpochSecond());
        svg.raw("<polygon points=\"" + num(xFirst) + "," + num(BOTTOM) + " " + pts + " " + num(xLast) + ","
                + num(BOTTOM) + "\" fill=\"" + LINE + "\" fill-opacity=\"0.10\"/>\n");
        if (points.size() > 1) {
            svg.raw("<polyline points=\"" + pts + "\" fill=\"none\" stroke=\"" + LINE + "\" stroke-width=\"2\""
                    + " stroke-linejoin=\"round\" class=\"cdngate-trend\"/>\n");
        }

        // the projection: from the last reading down to zero at the run-out date (or to the chart's edge)
        if (runOut != null) {
            double yLast = y.applyAsDouble(last.remainingBytes());
            double xEnd;
            double yEnd;
            if (offChart) {
                double share = (cap.getEpochSecond() - (double) last.at().getEpochSecond())
                        / Math.max(1, runOut.getEpochSecond() - (double) last.at().getEpochSecond());
                xEnd = RIGHT;
                yEnd = yLast + (BOTTOM - yLast) * share;
            } else {
                xEnd = x.applyAsDouble(Math.max(runOut.getEpochSecond(), last.at().getEpochSecond()));
                yEnd = BOTTOM;
            }
            svg.line(xLast, yLast, xEnd, yEnd, INK, 1.5, "stroke-dasharray=\"6 4\" class=\"cdngate-projection\"");
            if (offChart) {
                // the axis ends before the run-out date: say where the line is going, under its end
                String label = "reaches zero " + date(runOut) + " \u2192";
                svg.textHalo(RIGHT, yEnd + 18, label, 11, INK, "end", "600", "#ffffff");
            } else {
                // the axis ends at the run-out date (its last label), the header names it too
                svg.raw("<circle cx=\"" + num(xEnd) + "\" cy=\"" + num(yEnd) + "\" r=\"4\" fill=\"#ffffff\" stroke=\"" + INK
                        + "\" stroke-width=\"1.5\"/>\n");
            }
        }

        // the points: shape and colour by verdict, labels when there is room
        // labels where they do not touch: the last build always, then back to the first as room allows
        boolean[] labelled = new boolean[points.size()];
        double leftmost = Double.MAX_VALUE;
        for (int i = points.size() - 1; i >= 0; i--) {
            String label = points.get(i).label();
            if (label == null || label.isBlank()) {
                continue;
            }
            double px = x.applyAsDouble(points.get(i).at().getEpochSecond());
            double half = width(label.strip(), 10.5) / 2;
            if (px + half + 6 <= leftmost) {
                labelled[i] = true;
                leftmost = px - half;
            }
        }
        for (int i = 0; i < points.size(); i++) {
            TrendPoint p = points.get(i);
            double px = x.applyAsDouble(p.at().getEpochSecond());
            double py = y.applyAsDouble(p.remainingBytes());
            svg.raw(marker(p.verdict(), px, py));
            if (labelled[i]) {
                svg.textHalo(px, py - 10, p.label().strip(), 10.5, MUTED, "middle", null, "#ffffff");
            }
            words.add((p.label() == null || p.label().isBlank() ? capital : p.label().strip()) + " on "
                    + Markup.minute(p.at()) + ": " + Sizes.human(p.remainingBytes()) + " left, "
                    + (p.verdict() == null ? "no verdict" : p.verdict()) + ".");
        }
        if (runOut != null) {
            words.add("At the current pace the data transfer runs out " + date(runOut) + ".");
        }
        legend(svg, points.stream().anyMatch(p -> !known(p.verdict())));
    }

    private static boolean known(String verdict) {
        return "PASS".equals(verdict) || "UNSTABLE".equals(verdict) || "FAIL".equals(verdict);
    }

    private static void legend(Svg svg, boolean unknown) {
        double ly = HEIGHT - 18;
        double lx = 20;
        String[][] items = {{"PASS", "PASS"}, {"UNSTABLE", "UNSTABLE"}, {"FAIL", "FAIL"}};
        for (String[] item : items) {
            svg.raw(marker(item[0], lx + 5, ly - 4));
            svg.text(lx + 14, ly, item[1], 11.5, MUTED, null, null);
            lx += 14 + width(item[1], 11.5) + 18;
        }
        if (unknown) {
            svg.raw(marker(null, lx + 5, ly - 4));
            svg.text(lx + 14, ly, "reading without a verdict", 11.5, MUTED, null, null);
            lx += 14 + width("reading without a verdict", 11.5) + 18;
        }
        svg.line(lx, ly - 4, lx + 24, ly - 4, INK, 1.5, "stroke-dasharray=\"6 4\"");
        svg.text(lx + 30, ly, "projection at the current pace", 11.5, MUTED, null, null);
    }

    /** Circle PASS, triangle UNSTABLE, square FAIL, diamond anything else: the shape alone tells them apart. */
    static String marker(String verdict, double x, double y) {
        String fill = known(verdict) ? Svg.verdictColour(verdict) : Svg.TRACK;
        String common = " fill=\"" + fill + "\" stroke=\"#ffffff\" stroke-width=\"1.5\" class=\"cdngate-point\"/>\n";
        if ("PASS".equals(verdict)) {
            return "<circle cx=\"" + num(x) + "\" cy=\"" + num(y) + "\" r=\"5\"" + common;
        }
        if ("UNSTABLE".equals(verdict)) {
            return "<polygon points=\"" + num(x) + "," + num(y - 6.5) + " " + num(x + 6) + "," + num(y + 4.5) + " "
                    + num(x - 6) + "," + num(y + 4.5) + "\"" + common;
        }
        if ("FAIL".equals(verdict)) {
            return "<rect x=\"" + num(x - 5) + "\" y=\"" + num(y - 5) + "\" width=\"10\" height=\"10\"" + common;
        }
        return "<polygon points=\"" + num(x) + "," + num(y - 6) + " " + num(x + 6) + "," + num(y) + " " + num(x) + ","
                + num(y + 6) + " " + num(x - 6) + "," + num(y) + "\"" + common;
    }

    /** Round tick values from 0 to at least {@code max}: 1, 2 or 5 times a power of ten of a binary unit. */
    static long[] ticks(long max) {
        if (max <= 0) {
            return new long[] {0, 1L << 30};
        }
        long unit = 1;
        while (unit <= Long.MAX_VALUE / 1024 && max / unit >= 1024) {
            unit *= 1024;
        }
        double inUnit = (double) max / unit;
        double raw = inUnit / 4;
        double pow = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = pow;
        for (long k : NICE) {
            if (k * pow >= raw) {
                step = k * pow;
                break;
            }
            step = 10 * pow;
        }
        int count = (int) Math.ceil(inUnit / step - 1e-9);
        long[] ticks = new long[count + 1];
        for (int i = 0; i <= count; i++) {
            double v = i * step * unit;
            ticks[i] = v >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) v;
        }
        return ticks;
    }

    /** {@code 200 GiB}, {@code 1.5 TiB}: the tick's value in the unit it was chosen in. */
    static String tickLabel(long bytes) {
        if (bytes == 0) {
            return "0";
        }
        String[] names = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
        int u = 0;
        BigDecimal v = BigDecimal.valueOf(bytes);
        BigDecimal k = BigDecimal.valueOf(1024);
        while (v.compareTo(k) >= 0 && u < names.length - 1) {
            v = v.divide(k);
            u++;
        }
        BigDecimal rounded = v.setScale(2, java.math.RoundingMode.HALF_UP).stripTrailingZeros();
        return rounded.toPlainString() + " " + names[u];
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
