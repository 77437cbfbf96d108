package io.jenkins.plugins.cdngate.core.picture;

import static io.jenkins.plugins.cdngate.core.picture.Markup.date;
import static io.jenkins.plugins.cdngate.core.picture.Markup.num;
import static io.jenkins.plugins.cdngate.core.picture.Markup.width;
import static io.jenkins.plugins.cdngate.core.picture.Svg.INK;
import static io.jenkins.plugins.cdngate.core.picture.Svg.MUTED;

import io.jenkins.plugins.cdngate.core.Sizes;
import io.jenkins.plugins.cdngate.core.forecast.DrainStep;
import io.jenkins.plugins.cdngate.core.forecast.ForecastText;
import io.jenkins.plugins.cdngate.core.forecast.QuotaForecast;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One self-contained SVG of the data transfer left across builds, with the projection as a dashed line: the pool's
 * drain ({@link QuotaForecast#drainPath()}: the pace, and a drop where a plan ends unused) or, given only a date, a
 * straight line to zero then. Drawn from plain stored values (a build keeps its reading), so old builds and restarts need
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
        List<DrainStep> line = new ArrayList<>();
        if (projectedRunOut != null && points != null && !points.isEmpty()) {
            // a straight line from the newest reading to zero at the date: all that is known without the drain
            TrendPoint last = points.stream().max(Comparator.comparing(TrendPoint::at)).orElseThrow();
            line.add(new DrainStep(last.at(), last.remainingBytes()));
            line.add(new DrainStep(projectedRunOut.isAfter(last.at()) ? projectedRunOut : last.at(), 0));
        }
        return svg(points, line, unit);
    }

    /**
     * The trend as SVG text with the pool's drain as its projection ({@link QuotaForecast#drainPath()}): the pool's
     * remaining over time at the pool's pace, plans used earliest-expiry first, so its slope is the pace and a plan
     * ending with capacity left is a drop. Its end is "reaches zero" only when the pool is used up then; when the last
     * plan ends with capacity left it is "plans end ..., ... unused".
     *
     * @param points     one per build, any order (drawn by time)
     * @param projection the drain's steps in time order; null or empty when there is no projection
     * @param unit       what a point is ("build", "reading")
     */
    public static String svg(List<TrendPoint> points, List<DrainStep> projection, String unit) {
        List<DrainStep> path = projection == null ? List.of() : projection.size() < 2 ? List.of() : List.copyOf(projection);
        Instant projectedRunOut = path.isEmpty() ? null : path.get(path.size() - 1).at();
        long unused = unused(path);
        boolean usedUp = !endsWithDrop(path);
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
                    + (projectedRunOut == null ? ", no projected run-out date" : ", projected to " + (usedUp
                    ? "run out " + date(projectedRunOut) : "last until " + date(projectedRunOut) + ", "
                    + Sizes.brief(unused) + " expiring unused"));
        }
        words.add(title + ".");
        Svg body = new Svg();
        if (sorted.isEmpty()) {
            body.text(WIDTH / 2, (TOP + BOTTOM) / 2, "No " + one + " has recorded the quota yet.", 13, MUTED, "middle",
                    null);
        } else {
            chart(sorted, path, body, words, capital);
        }
        String desc = String.join(" ", words);
        String id = Svg.id("cdngate-trend", desc);
        Svg svg = new Svg().open(WIDTH, HEIGHT, id, title, desc);
        svg.rect(0.5, 0.5, WIDTH - 1, HEIGHT - 1, "#ffffff", "stroke=\"" + Svg.RULE + "\" rx=\"6\"");
        svg.text(20, 30, "Remaining data transfer across " + many, 15, INK, null, "600");
        String right = projectedRunOut == null ? "No projected run-out date yet" : usedUp
                ? "Projected run-out " + date(projectedRunOut)
                : "Lasts until " + date(projectedRunOut) + ", " + Sizes.brief(unused) + " expires unused";
        svg.text(WIDTH - 20, 30, right, 13, projectedRunOut == null ? MUTED : INK, "end", "600");
        svg.raw(body.body());
        return svg.close();
    }

    /** What the drain loses to plans ending with capacity left: the drops (two steps at one instant). */
    static long unused(List<DrainStep> path) {
        long unused = 0;
        for (int i = 1; i < path.size(); i++) {
            if (path.get(i).at().equals(path.get(i - 1).at())) {
                long drop = Math.max(0, path.get(i - 1).remainingBytes() - path.get(i).remainingBytes());
                unused = unused > Long.MAX_VALUE - drop ? Long.MAX_VALUE : unused + drop;
            }
        }
        return unused;
    }

    /** Whether the drain ends by a plan ending with capacity left (a drop), not by the pool being used up. */
    static boolean endsWithDrop(List<DrainStep> path) {
        int n = path.size();
        return n >= 2 && path.get(n - 1).at().equals(path.get(n - 2).at())
                && path.get(n - 2).remainingBytes() > path.get(n - 1).remainingBytes();
    }

    private static void chart(List<TrendPoint> points, List<DrainStep> path, Svg svg, List<String> words,
                              String capital) {
        TrendPoint first = points.get(0);
        TrendPoint last = points.get(points.size() - 1);
        Instant runOut = path.isEmpty() ? null : path.get(path.size() - 1).at();
        long max = Math.max(points.stream().mapToLong(TrendPoint::remainingBytes).max().orElse(0),
                path.stream().mapToLong(DrainStep::remainingBytes).max().orElse(0));
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

        // the projection: the drain's path (straight at the pace, a drop where a plan ends unused), to the chart's edge
        List<double[]> obstacles = new ArrayList<>();
        if (runOut != null) {
            StringBuilder d = new StringBuilder();
            double xEnd = 0;
            double yEnd = 0;
            double capAt = cap.getEpochSecond();
            for (int i = 0; i < path.size(); i++) {
                DrainStep step = path.get(i);
                double at = Math.max(step.at().getEpochSecond(), start.getEpochSecond());
                double value = step.remainingBytes();
                if (offChart && at > capAt) {
                    // the segment crosses the chart's edge: end it there, at its value then
                    DrainStep before = path.get(i - 1);
                    double b = Math.max(before.at().getEpochSecond(), start.getEpochSecond());
                    value = before.remainingBytes() + (value - before.remainingBytes()) * (capAt - b) / Math.max(1, at - b);
                    at = capAt;
                }
                xEnd = x.applyAsDouble(at);
                yEnd = y.applyAsDouble(value);
                d.append(num(xEnd)).append(',').append(num(yEnd)).append(' ');
                if (at >= capAt && offChart) {
                    break;
                }
            }
            svg.raw("<polyline points=\"" + d.toString().trim() + "\" fill=\"none\" stroke=\"" + INK
                    + "\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\" stroke-linejoin=\"round\""
                    + " class=\"cdngate-projection\"/>\n");
            boolean usedUp = !endsWithDrop(path);
            String ends = usedUp ? "reaches zero " + date(runOut)
                    : "plans end " + date(runOut) + ", " + Sizes.brief(unused(path)) + " unused";
            if (offChart) {
                // the axis ends before the drain does: say where the line is going, under its end
                String label = ends + " \u2192";
                double ly = Math.min(yEnd + 18, BOTTOM - 6);
                svg.textHalo(RIGHT, ly, label, 11, INK, "end", "600", "#ffffff");
                obstacles.add(new double[] {RIGHT - width(label, 11) * 1.1, ly - 11, RIGHT, ly + 3});
            } else {
                // the axis ends at the drain's end (its last label), the header names it too
                svg.raw("<circle cx=\"" + num(xEnd) + "\" cy=\"" + num(yEnd) + "\" r=\"4\" fill=\"#ffffff\" stroke=\"" + INK
                        + "\" stroke-width=\"1.5\"/>\n");
                obstacles.add(new double[] {xEnd - 5, yEnd - 5, xEnd + 5, yEnd + 5});
            }
        }

        // the points: shape and colour by verdict; labels where they touch no marker, no axis text, no other label
        // (the newest build first, then back as room allows): above the topmost marker near it, else right or left
        double[] xs = new double[points.size()];
        double[] ys = new double[points.size()];
        for (int i = 0; i < points.size(); i++) {
            xs[i] = x.applyAsDouble(points.get(i).at().getEpochSecond());
            ys[i] = y.applyAsDouble(points.get(i).remainingBytes());
            obstacles.add(new double[] {xs[i] - 7, ys[i] - 8, xs[i] + 7, ys[i] + 7});
        }
        double[][] placed = new double[points.size()][];
        for (int i = points.size() - 1; i >= 0; i--) {
            String label = points.get(i).label();
            if (label == null || label.isBlank()) {
                continue;
            }
            placed[i] = place(label.strip(), xs, ys, i, obstacles);
            if (placed[i] != null) {
                obstacles.add(new double[] {placed[i][0] - 2, placed[i][1] - 10, placed[i][0] + placed[i][2] + 2,
                        placed[i][1] + 3});
            }
        }
        for (int i = 0; i < points.size(); i++) {
            TrendPoint p = points.get(i);
            svg.raw(marker(p.verdict(), xs[i], ys[i]));
        }
        for (int i = 0; i < points.size(); i++) {
            TrendPoint p = points.get(i);
            if (placed[i] != null) {
                svg.textHalo(placed[i][0], placed[i][1], p.label().strip(), 10.5, MUTED, null, null, "#ffffff");
            }
            words.add((p.label() == null || p.label().isBlank() ? capital : p.label().strip()) + " on "
                    + Markup.minute(p.at()) + ": " + Sizes.human(p.remainingBytes()) + " left, "
                    + (p.verdict() == null ? "no verdict" : p.verdict()) + ".");
        }
        if (runOut != null) {
            long unused = unused(path);
            words.add(endsWithDrop(path)
                    ? "At the current pace, plans used earliest-expiry first, the data transfer lasts until " + date(runOut)
                    + ", " + Sizes.human(unused) + " " + ForecastText.EXPIRES_UNUSED + "."
                    : "At the current pace the data transfer runs out " + date(runOut) + (unused > 0 ? "; "
                    + Sizes.human(unused) + " " + ForecastText.EXPIRES_UNUSED : "") + ".");
        }
        legend(svg, points.stream().anyMatch(p -> !known(p.verdict())));
    }

    /**
     * Where point {@code i}'s label goes: {x, baseline, width} of a left-aligned label, or null when no place is free.
     * Tried in turn: centred above the topmost marker within the label's width, right of its marker, left of it (only
     * beside, never above, when another marker near it is higher than its own: the label must not sit by another
     * point); each
     * kept inside the plot (never over the y-axis labels) and clear of every obstacle (markers, labels, the end label).
     */
    static double[] place(String label, double[] xs, double[] ys, int i, List<double[]> obstacles) {
        double w = width(label, 10.5);
        double px = xs[i];
        double top = ys[i];
        for (int j = 0; j < xs.length; j++) {
            if (Math.abs(xs[j] - px) < w / 2 + 8) {
                top = Math.min(top, ys[j]);
            }
        }
        double[] above = {px - w / 2, top - 11};
        double[] right = {px + 9, ys[i] + 4};
        double[] left = {px - 9 - w, ys[i] + 4};
        // above when its marker is (about) the topmost near it; under other markers only beside its own: a label
        // above someone else's marker would name the wrong point, so without room beside its own it is left out
        double[][] tries = top < ys[i] - 12 ? new double[][] {right, left} : new double[][] {above, right, left};
        for (double[] t : tries) {
            double lx = Math.max(LEFT + 2, Math.min(t[0], RIGHT - w));
            double base = t[1];
            if (base - 10 < TOP - 16 || base > BOTTOM - 2) {
                continue;
            }
            boolean free = true;
            for (double[] o : obstacles) {
                if (lx < o[2] && lx + w > o[0] && base - 10 < o[3] && base + 3 > o[1]) {
                    free = false;
                    break;
                }
            }
            if (free) {
                return new double[] {lx, base, w};
            }
        }
        return null;
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
