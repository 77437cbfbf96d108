package io.jenkins.plugins.cdngate.core.picture;

import static io.jenkins.plugins.cdngate.core.picture.Samples.GIB;
import static io.jenkins.plugins.cdngate.core.picture.Samples.NOW;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

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
        assertEquals(String.valueOf((int) TrendPicture.BOTTOM), projection.getAttribute("y2"));
        assertEquals(String.valueOf((int) TrendPicture.RIGHT), projection.getAttribute("x2"));
        assertTrue(SvgChecks.desc(doc).contains("runs out 2027-01-31"));
    }

    @Test
    public void aRunOutDateFarAwayLeavesTheChartAtItsEdgeInsteadOfSquashingTheBuilds() {
        Document doc = SvgChecks.assertSafe(TrendPicture.svg(builds(), NOW.plus(3000, ChronoUnit.DAYS)));
        Element projection = SvgChecks.elements(doc).stream()
                .filter(e -> "cdngate-projection".equals(e.getAttribute("class"))).findFirst().orElseThrow();
        assertEquals(String.valueOf((int) TrendPicture.RIGHT), projection.getAttribute("x2"));
        assertTrue(Double.parseDouble(projection.getAttribute("y2")) < TrendPicture.BOTTOM);
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
}
