package io.jenkins.plugins.cdngate.core.picture;

import static io.jenkins.plugins.cdngate.core.picture.Samples.GIB;
import static io.jenkins.plugins.cdngate.core.picture.Samples.NOW;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.cdngate.core.forecast.DrainStep;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

public class TrendPictureTest {
    /** Ten builds a few days apart, losing about 3 GiB a day, the last UNSTABLE, one FAIL in between. */
    static List<TrendPoint> builds() {
        List<TrendPoint> points = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Instant at = NOW.minus((9 - i) * 3L, ChronoUnit.DAYS);
            String verdict = i == 4 ? "FAIL" : i == 9 ? "UNSTABLE" : "PASS";
            points.add(new TrendPoint("#" + (31 + i), at, (640 - 9L * i) * GIB, verdict));
        }
        return points;
    }

    @Test
    public void tenBuildsWithTheirRunOutDateAreDrawnExactlyAsTheGoldenFile() throws Exception {
        String svg = TrendPicture.svg(builds(), NOW.plus(171, ChronoUnit.DAYS));
        QuotaPictureTest.keep("trend.svg", svg);
        assertEquals(Samples.golden("trend.svg", svg), svg);
    }

    @Test
    public void readingsWithoutAVerdictAreDrawnAsSuchAndExplainedInTheLegend() throws Exception {
        List<TrendPoint> points = new ArrayList<>();
        for (TrendPoint p : builds()) {
            points.add(new TrendPoint(null, p.at(), p.remainingBytes(), null));
        }
        points.add(new TrendPoint("this run", NOW.plus(1, ChronoUnit.DAYS), 550 * GIB, "PASS"));
        String svg = TrendPicture.svg(points, NOW.plus(120, ChronoUnit.DAYS));
        QuotaPictureTest.keep("trend-history.svg", svg);
        Document doc = SvgChecks.assertSafe(svg);
        assertTrue(svg, svg.contains(">reading without a verdict</text>"));
        assertTrue(SvgChecks.desc(doc), SvgChecks.desc(doc).contains("Build on 2026-11-05 00:40 UTC: 640.0 GiB (687194767360 bytes) left, no verdict."));
    }

    @Test
    public void everyShapeIsSelfContainedWellFormedAndDescribed() {
        List<List<TrendPoint>> shapes = List.of(List.of(), List.of(new TrendPoint(null, NOW, 0, null)),
                List.of(new TrendPoint("<b>&\"'#1 中文", NOW, Long.MAX_VALUE, "FAIL"),
                        new TrendPoint("#2", NOW, 5, "??")), builds());
        for (List<TrendPoint> points : shapes) {
            for (Instant runOut : new Instant[] {null, NOW.plus(1, ChronoUnit.DAYS), NOW.plus(5000, ChronoUnit.DAYS),
                    NOW.minus(10, ChronoUnit.DAYS), Instant.MAX}) {
                Document doc = SvgChecks.assertSafe(TrendPicture.svg(points, runOut));
                assertTrue(SvgChecks.desc(doc), SvgChecks.desc(doc).startsWith("Remaining data transfer across"));
            }
        }
    }

    @Test
    public void oneMarkerPerBuildWithItsVerdictAsAShape() {
        Document doc = SvgChecks.assertSafe(TrendPicture.svg(builds(), null));
        List<Element> points = SvgChecks.elements(doc).stream()
                .filter(e -> "cdngate-point".equals(e.getAttribute("class"))).toList();
        // ten builds plus the three legend markers
        assertEquals(13, points.size());
        assertEquals(8 + 1, points.stream().filter(e -> e.getLocalName().equals("circle")).count());
        assertEquals(1 + 1, points.stream().filter(e -> e.getLocalName().equals("rect")).count());
        assertEquals(1 + 1, points.stream().filter(e -> e.getLocalName().equals("polygon")).count());
        String desc = SvgChecks.desc(doc);
        assertTrue(desc, desc.contains("#35 on 2026-11-17 00:40 UTC: 604.0 GiB (648540061696 bytes) left, FAIL."));
        assertTrue(desc, desc.contains("no projected run-out date"));
    }

    @Test
    public void theProjectionIsADashedLineFromTheLastBuildToZeroAtTheRunOutDate() {
        Instant runOut = NOW.plus(60, ChronoUnit.DAYS);
        Document doc = SvgChecks.assertSafe(TrendPicture.svg(builds(), runOut));
        Element projection = SvgChecks.elements(doc).stream()
                .filter(e -> "cdngate-projection".equals(e.getAttribute("class"))).findFirst().orElseThrow();
        double[] end = last(projection);
        assertEquals(TrendPicture.BOTTOM, end[1], 0);
        assertEquals(TrendPicture.RIGHT, end[0], 0);
        assertTrue(SvgChecks.desc(doc).contains("runs out 2027-01-31"));
    }

    @Test
    public void aRunOutDateFarAwayLeavesTheChartAtItsEdgeInsteadOfSquashingTheBuilds() {
        Document doc = SvgChecks.assertSafe(TrendPicture.svg(builds(), NOW.plus(3000, ChronoUnit.DAYS)));
        Element projection = SvgChecks.elements(doc).stream()
                .filter(e -> "cdngate-projection".equals(e.getAttribute("class"))).findFirst().orElseThrow();
        assertEquals(TrendPicture.RIGHT, last(projection)[0], 0);
        assertTrue(last(projection)[1] < TrendPicture.BOTTOM);
        // the readings span 27 days: the axis ends 81 days after the last one, so the builds keep a quarter of it
        Element firstPoint = SvgChecks.elements(doc).stream()
                .filter(e -> "cdngate-point".equals(e.getAttribute("class"))).skip(0).findFirst().orElseThrow();
        assertTrue(firstPoint.getAttribute("cx"), firstPoint.getAttribute("cx").equals(String.valueOf((int) TrendPicture.LEFT)));
    }

    @Test
    public void ticksAreRoundBinaryAmountsFromZeroToAtLeastTheLargestReading() {
        assertArrayEquals(new long[] {0, 200 * GIB, 400 * GIB, 600 * GIB, 800 * GIB}, TrendPicture.ticks(640 * GIB));
        assertArrayEquals(new long[] {0, 1L << 30}, TrendPicture.ticks(0));
        assertEquals("200 GiB", TrendPicture.tickLabel(200 * GIB));
        assertEquals("1.5 TiB", TrendPicture.tickLabel(1536 * GIB));
        long[] huge = TrendPicture.ticks(Long.MAX_VALUE);
        assertTrue(huge[huge.length - 1] == Long.MAX_VALUE || huge[huge.length - 1] > 0);
    }

    /** The lab's account: 740 GiB at 2.5 GiB/day; a plan ends in 20 days with 40 GiB unused, the last in 180 with 250. */
    static List<DrainStep> drain(Instant now) {
        return List.of(new DrainStep(now, 740 * GIB),
                new DrainStep(now.plus(20, ChronoUnit.DAYS), 690 * GIB),
                new DrainStep(now.plus(20, ChronoUnit.DAYS), 650 * GIB),
                new DrainStep(now.plus(180, ChronoUnit.DAYS), 250 * GIB),
                new DrainStep(now.plus(180, ChronoUnit.DAYS), 0));
    }

    /** Builds #1 to #4 within minutes, as a pipeline run four times in a row does. */
    static List<TrendPoint> minutesApart() {
        List<TrendPoint> points = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            points.add(new TrendPoint("#" + (i + 1), NOW.minus(3 - i, ChronoUnit.MINUTES), (800 - 20L * i) * GIB,
                    "UNSTABLE"));
        }
        points.add(new TrendPoint("#5", NOW, 740 * GIB, "UNSTABLE"));
        return points;
    }

    @Test
    public void theProjectionIsTheDrainItsSlopeIsThePaceAndAPlanEndingUnusedIsADrop() throws Exception {
        List<TrendPoint> points = builds().stream()
                .map(p -> new TrendPoint(p.label(), p.at().minus(60, ChronoUnit.DAYS), p.remainingBytes() + 100 * GIB,
                        p.verdict())).toList();
        List<TrendPoint> all = new ArrayList<>(points);
        all.add(new TrendPoint("#41", NOW, 740 * GIB, "UNSTABLE"));
        String svg = TrendPicture.svg(all, drain(NOW), "build");
        QuotaPictureTest.keep("trend-drain.svg", svg);
        Document doc = SvgChecks.assertSafe(svg);
        Element projection = SvgChecks.elements(doc).stream()
                .filter(e -> "cdngate-projection".equals(e.getAttribute("class"))).findFirst().orElseThrow();
        String[] xy = projection.getAttribute("points").split(" ");
        assertEquals(5, xy.length);
        double[][] p = new double[xy.length][];
        for (int i = 0; i < xy.length; i++) {
            p[i] = java.util.Arrays.stream(xy[i].split(",")).mapToDouble(Double::parseDouble).toArray();
        }
        // the same slope (the pace) before and after the drop; the drop is vertical
        double slope1 = (p[1][1] - p[0][1]) / (p[1][0] - p[0][0]);
        double slope2 = (p[3][1] - p[2][1]) / (p[3][0] - p[2][0]);
        assertEquals(slope1, slope2, 0.01);
        assertEquals(p[1][0], p[2][0], 0);
        assertEquals(p[3][0], p[4][0], 0);
        assertEquals(TrendPicture.BOTTOM, p[4][1], 0);
        List<String> lines = texts(doc);
        lines.add(SvgChecks.desc(doc));
        for (String line : lines) {
            assertTrue(line, !line.contains("run-out") && !line.contains("runs out") && !line.contains("reaches zero"));
        }
        assertTrue(lines.toString(), lines.contains("Lasts until 2027-05-31, 290.0 GiB expires unused"));
    }

    @Test
    public void aDrainBeyondTheChartSaysHowItEndsAtTheEdge() throws Exception {
        String svg = TrendPicture.svg(minutesApart(), drain(NOW), "build");
        QuotaPictureTest.keep("trend-minutes-apart.svg", svg);
        Document doc = SvgChecks.assertSafe(svg);
        assertTrue(texts(doc).toString(), texts(doc).contains("plans end 2027-05-31, 290.0 GiB unused \u2192"));
        Document used = SvgChecks.assertSafe(TrendPicture.svg(minutesApart(),
                List.of(new DrainStep(NOW, 740 * GIB), new DrainStep(NOW.plus(180, ChronoUnit.DAYS), 0)), "build"));
        assertTrue(texts(used).toString(), texts(used).contains("reaches zero 2027-05-31 \u2192"));
        assertTrue(texts(used).contains("Projected run-out 2027-05-31"));
    }

    @Test
    public void labelsTouchNoMarkerNoAxisLabelAndNoOtherLabel() {
        for (List<TrendPoint> points : List.of(minutesApart(), builds())) {
            Document doc = SvgChecks.assertSafe(TrendPicture.svg(points, drain(NOW), "build"));
            List<double[]> markers = new ArrayList<>();
            for (Element e : SvgChecks.elements(doc)) {
                if (!"cdngate-point".equals(e.getAttribute("class"))) {
                    continue;
                }
                double[] c = centre(e);
                if (c[1] < TrendPicture.BOTTOM) {
                    markers.add(new double[] {c[0] - 6, c[1] - 6.5, c[0] + 6, c[1] + 6});
                }
            }
            List<double[]> labels = new ArrayList<>();
            for (Element e : SvgChecks.elements(doc)) {
                if (e.getLocalName().equals("text") && e.getTextContent().startsWith("#")) {
                    double x = Double.parseDouble(e.getAttribute("x"));
                    double y = Double.parseDouble(e.getAttribute("y"));
                    double w = Markup.width(e.getTextContent(), 10.5);
                    assertTrue(e.getTextContent() + " over the y axis labels", x >= TrendPicture.LEFT);
                    labels.add(new double[] {x, y - 8, x + w, y + 2});
                }
            }
            assertTrue("the newest build is labelled", labels.size() >= 1);
            for (int i = 0; i < labels.size(); i++) {
                for (double[] m : markers) {
                    assertTrue(java.util.Arrays.toString(labels.get(i)) + " on a marker", !overlap(labels.get(i), m));
                }
                for (int j = i + 1; j < labels.size(); j++) {
                    assertTrue("labels overlap", !overlap(labels.get(i), labels.get(j)));
                }
            }
        }
    }

    private static boolean overlap(double[] a, double[] b) {
        return a[0] < b[2] && a[2] > b[0] && a[1] < b[3] && a[3] > b[1];
    }

    private static double[] centre(Element e) {
        switch (e.getLocalName()) {
            case "circle":
                return new double[] {Double.parseDouble(e.getAttribute("cx")), Double.parseDouble(e.getAttribute("cy"))};
            case "rect":
                return new double[] {Double.parseDouble(e.getAttribute("x")) + 5, Double.parseDouble(e.getAttribute("y")) + 5};
            default:
                double[] sum = new double[2];
                String[] pts = e.getAttribute("points").split(" ");
                for (String pt : pts) {
                    String[] xy = pt.split(",");
                    sum[0] += Double.parseDouble(xy[0]) / pts.length;
                    sum[1] += Double.parseDouble(xy[1]) / pts.length;
                }
                return sum;
        }
    }

    private static double[] last(Element polyline) {
        String[] xy = polyline.getAttribute("points").trim().split(" ");
        String[] end = xy[xy.length - 1].split(",");
        return new double[] {Double.parseDouble(end[0]), Double.parseDouble(end[1])};
    }

    private static List<String> texts(Document doc) {
        return SvgChecks.elements(doc).stream().filter(e -> e.getLocalName().equals("text"))
                .map(Element::getTextContent).collect(java.util.stream.Collectors.toCollection(ArrayList::new));
    }

    @Test
    public void aLabelNeverSitsByAnotherBuildsMarker() {
        // three builds minutes apart: the oldest read more (higher on the chart), the two newest the same amount;
        // with no room beside the middle one's marker, its label is left out rather than put above the oldest one
        double[] xs = {200, 200, 200};
        double[] ys = {100, 180, 180};
        List<double[]> obstacles = new ArrayList<>();
        for (int i = 0; i < xs.length; i++) {
            obstacles.add(new double[] {xs[i] - 7, ys[i] - 8, xs[i] + 7, ys[i] + 7});
        }
        obstacles.add(new double[] {xs[1] + 8, ys[1] - 12, xs[1] + 40, ys[1] + 6}); // the newest's label, right
        obstacles.add(new double[] {xs[1] - 40, ys[1] - 12, xs[1] - 8, ys[1] + 6}); // something left of it
        double[] placed = TrendPicture.place("#6", xs, ys, 1, obstacles);
        assertTrue("placed at " + (placed == null ? null : placed[1]) + ", its marker at " + ys[1],
                placed == null || Math.abs(placed[1] - ys[1]) < 16);
        // the topmost marker's own label still goes above it
        double[] top = TrendPicture.place("#1", xs, ys, 0, obstacles.subList(0, 3));
        assertNotNull(top);
        assertTrue(top[1] < ys[0]);
    }
}
