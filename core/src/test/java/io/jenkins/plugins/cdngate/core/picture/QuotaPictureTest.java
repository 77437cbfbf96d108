package io.jenkins.plugins.cdngate.core.picture;

import static io.jenkins.plugins.cdngate.core.picture.Samples.GIB;
import static io.jenkins.plugins.cdngate.core.picture.Samples.NOW;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.junit.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

public class QuotaPictureTest {
    @Test
    public void theDemoAccountIsDrawnExactlyAsTheGoldenFile() throws Exception {
        String svg = QuotaPicture.svg(Samples.unstable());
        keep("quota-unstable.svg", svg);
        assertEquals(Samples.golden("quota-unstable.svg", svg), svg);
    }

    @Test
    public void aFailingPoolWithAChinesePlanNameIsDrawnExactlyAsTheGoldenFile() throws Exception {
        String svg = QuotaPicture.svg(Samples.failWithChineseName());
        keep("quota-fail-chinese.svg", svg);
        assertEquals(Samples.golden("quota-fail-chinese.svg", svg), svg);
    }

    @Test
    public void theSameSnapshotGivesTheSameTextInAnyDefaultLocale() {
        Locale before = Locale.getDefault();
        String reference = QuotaPicture.svg(Samples.unstable());
        try {
            for (Locale l : List.of(Locale.GERMANY, Locale.forLanguageTag("ar-EG"), Locale.forLanguageTag("hi-IN"),
                    Locale.SIMPLIFIED_CHINESE)) {
                Locale.setDefault(l);
                assertEquals(l.toString(), reference, QuotaPicture.svg(Samples.unstable()));
            }
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    public void everyShapeIsSelfContainedWellFormedAndHasWordsForScreenReaders() {
        List<QuotaSnapshot> shapes = List.of(Samples.unstable(), Samples.failWithChineseName(),
                new QuotaSnapshot(NOW, "PASS", 0L, null, 0L, null, null, List.of()),
                new QuotaSnapshot(NOW, null, null, null, null, null, null, List.of()),
                new QuotaSnapshot(NOW, "PASS", 1L, 2L, 3L, Double.POSITIVE_INFINITY, Instant.MAX, List.of(
                        new PlanBar("far", "far", PlanBar.BYTES, 3, 4, Instant.MAX, Instant.MIN, true))),
                new QuotaSnapshot(NOW, "FAIL", Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, 0.2, NOW, List.of(
                        new PlanBar(null, null, PlanBar.BYTES, Long.MAX_VALUE, 0, null, NOW, true),
                        new PlanBar("x", "\u0000\n\r\u2028\ud800 broken", "UNKNOWN", 0, 0, null, null, false))));
        for (QuotaSnapshot s : shapes) {
            String svg = QuotaPicture.svg(s);
            Document doc = SvgChecks.assertSafe(svg);
            assertTrue(svg, SvgChecks.desc(doc).startsWith("CDN quota: "));
        }
    }

    @Test
    public void aChinesePlanNameWithMarkupCharactersIsShownAsTextNotMarkup() {
        String name = "中国内地流量包 <a href=\"x\">&'引号'</a>";
        String svg = QuotaPicture.svg(Samples.failWithChineseName());
        Document doc = SvgChecks.assertSafe(svg);
        String texts = SvgChecks.elements(doc).stream().filter(e -> e.getLocalName().equals("text"))
                .map(Element::getTextContent).collect(Collectors.joining("\n"));
        assertTrue(texts, texts.contains(name));
        assertTrue(SvgChecks.desc(doc), SvgChecks.desc(doc).contains("Plan " + name + " (FP-cn-<1>)"));
        assertTrue(svg, svg.contains("中国内地流量包 &lt;a href=&quot;x&quot;&gt;&amp;&#39;引号&#39;&lt;/a&gt;"));
    }

    @Test
    public void theMinimumAndWarningLevelsAreMarkersOnThePoolBarAtTheirShare() {
        Document doc = SvgChecks.assertSafe(QuotaPicture.svg(Samples.unstable()));
        Element pool = role(doc, "cdngate-left", "pool");
        double barY = Double.parseDouble(pool.getAttribute("y"));
        List<Element> markers = SvgChecks.elements(doc).stream()
                .filter(e -> e.getLocalName().equals("line") && !"#ffffff".equals(e.getAttribute("stroke")) && e.getAttribute("x1").equals(e.getAttribute("x2"))
                        && Double.parseDouble(e.getAttribute("y1")) < barY && Double.parseDouble(e.getAttribute("y2")) > barY)
                .toList();
        assertEquals(2, markers.size());
        // scale: the pool's 1124 GiB (1024 + 100); minimum solid, warning dashed
        Element min = markers.stream().filter(e -> !e.hasAttribute("stroke-dasharray")).findFirst().orElseThrow();
        Element warn = markers.stream().filter(e -> e.hasAttribute("stroke-dasharray")).findFirst().orElseThrow();
        assertEquals(20 + 720 * 100.0 / 1124, Double.parseDouble(min.getAttribute("x1")), 0.06);
        assertEquals(20 + 720 * 200.0 / 1124, Double.parseDouble(warn.getAttribute("x1")), 0.06);
    }

    @Test
    public void eachBarShowsWhatIsLeftAndWhatIsUsedInProportion() {
        Document doc = SvgChecks.assertSafe(QuotaPicture.svg(Samples.unstable()));
        assertEquals(720 * 550.0 / 1124, width(role(doc, "cdngate-left", "pool")), 0.06);
        assertEquals(720 * 574.0 / 1124, width(role(doc, "cdngate-used", "pool")), 0.06);
        List<Element> planLeft = SvgChecks.elements(doc).stream()
                .filter(e -> "cdngate-left".equals(e.getAttribute("class")) && "plan".equals(e.getAttribute("data-role")))
                .toList();
        assertEquals(3, planLeft.size());
        assertEquals(720 * 500.0 / 1024, width(planLeft.get(0)), 0.06);
        assertEquals(720 * 0.5, width(planLeft.get(1)), 0.06);
        assertEquals(720 * 0.8, width(planLeft.get(2)), 0.06);
    }

    @Test
    public void theNumbersAreWrittenInBothUnitsAndTheDatesAreThere() {
        Document doc = SvgChecks.assertSafe(QuotaPicture.svg(Samples.unstable()));
        String desc = SvgChecks.desc(doc);
        String drawn = SvgChecks.elements(doc).stream().filter(e -> e.getLocalName().equals("text"))
                .map(Element::getTextContent).collect(Collectors.joining("\n"));
        for (String expected : List.of("590558003200 bytes", "1.1 TiB (1206885810176 bytes)", "8,000,000 requests",
                "ends 2027-06-05", "runs out 2027-05-22", "runs out 2027-05-25", "100.0 GiB", "200.0 GiB",
                "171 days left at the current pace")) {
            assertTrue(expected + " in\n" + desc, desc.contains(expected));
            assertTrue(expected + " drawn in\n" + drawn, drawn.contains(expected));
        }
        for (String expected : List.of("Minimum 100.0 GiB (107374182400 bytes), met.",
                "Warning level 200.0 GiB (214748364800 bytes), above it.", "About 171 days left at the current pace")) {
            assertTrue(expected + " in\n" + desc, desc.contains(expected));
        }
    }

    @Test
    public void noPaceYetIsSaidNotInvented() {
        String desc = SvgChecks.desc(SvgChecks.assertSafe(QuotaPicture.svg(Samples.failWithChineseName())));
        assertTrue(desc, desc.contains("No pace yet"));
        assertFalse(desc, desc.contains("runs out"));
        assertTrue(desc, desc.contains("Minimum 300.0 GiB (322122547200 bytes), not met."));
    }

    @Test
    public void whatIsLeftStaysDistinctFromWhatIsUsedInGreyScale() {
        String usedBackground = "#eaeef2";
        for (String left : List.of(QuotaPicture.OK, QuotaPicture.WARN, QuotaPicture.LOW, QuotaPicture.BYTES_LEFT,
                QuotaPicture.REQUESTS_LEFT)) {
            assertTrue(left, SvgChecks.contrast(left, usedBackground) >= 3.0);
            // the white label inside the solid part stays readable
            assertTrue(left, SvgChecks.contrast(left, "#ffffff") >= 4.5);
        }
        assertTrue(SvgChecks.contrast(QuotaPicture.NOT_COUNTED, usedBackground) >= 2.0);
    }

    @Test
    public void aStoredSnapshotDrawsWithoutAReport() {
        // Jenkins keeps plain numbers and draws again after a restart: the canonical constructor is enough.
        QuotaSnapshot stored = new QuotaSnapshot(Instant.parse("2026-01-01T00:00:00Z"), "PASS", 10 * GIB, null, 40 * GIB,
                12.5, Instant.parse("2026-01-13T12:00:00Z"),
                List.of(new PlanBar("FP-1", "p", PlanBar.BYTES, 40 * GIB, 100 * GIB, null, null, true)));
        String desc = SvgChecks.desc(SvgChecks.assertSafe(QuotaPicture.svg(stored)));
        assertTrue(desc, desc.contains("About 12 days left at the current pace, runs out 2026-01-13"));
    }

    @Test
    public void aPoolWhoseLastPlanEndsWithCapacityLeftLastsUntilThenInEveryLineAndSaysWhatExpires() throws Exception {
        String svg = QuotaPicture.svg(Samples.lastsUntil());
        keep("quota-lasts-until.svg", svg);
        Document doc = SvgChecks.assertSafe(svg);
        List<String> lines = texts(doc);
        lines.add(SvgChecks.desc(doc));
        for (String line : lines) {
            assertFalse(line, line.contains("runs out"));
        }
        assertTrue(lines.toString(), lines.contains("about 180 days left at the current pace, lasts until 2027-06-01"));
        assertTrue(lines.toString(), lines.contains("Lasts until 2027-06-01, 269.9 GiB expires unused in plans that end"
                + " before they are used up."));
        assertTrue(SvgChecks.desc(doc), SvgChecks.desc(doc).contains("lasts until 2027-06-01, 269.9 GiB (289808384000 "
                + "bytes) expires unused"));
    }

    @Test
    public void thePoolsShareIsOfItsCapacityEvenWhenAMinimumStretchesTheBar() {
        List<String> lines = texts(SvgChecks.assertSafe(QuotaPicture.svg(Samples.lastsUntil())));
        // 740 of 1524 GiB, not of the 5 TiB scale (14%)
        assertTrue(lines.toString(), lines.contains("740.0 GiB left (49%)"));
    }

    @Test
    public void markerLabelsStayWithinTheBarsExtent() {
        Document doc = SvgChecks.assertSafe(QuotaPicture.svg(Samples.lastsUntil()));
        List<Element> labels = SvgChecks.elements(doc).stream().filter(e -> e.getLocalName().equals("text")
                && (e.getTextContent().startsWith("min ") || e.getTextContent().startsWith("warn "))).toList();
        assertEquals(2, labels.size());
        for (Element e : labels) {
            double x = Double.parseDouble(e.getAttribute("x"));
            double w = Markup.width(e.getTextContent(), 11) * QuotaPicture.BOLD;
            assertTrue(e.getTextContent() + " at " + x, x >= QuotaPicture.MARGIN && x + w <= QuotaPicture.MARGIN + QuotaPicture.BAR);
        }
    }

    @Test
    public void theLegendShowsTheColoursDrawnAndOnlyThose() {
        for (QuotaSnapshot s : List.of(Samples.unstable(), Samples.failWithChineseName(), Samples.lastsUntil())) {
            Document doc = SvgChecks.assertSafe(QuotaPicture.svg(s));
            java.util.Set<String> drawn = SvgChecks.elements(doc).stream()
                    .filter(e -> "cdngate-left".equals(e.getAttribute("class"))).map(e -> e.getAttribute("fill"))
                    .collect(Collectors.toSet());
            java.util.Set<String> legend = SvgChecks.elements(doc).stream()
                    .filter(e -> e.getLocalName().equals("rect") && "14".equals(e.getAttribute("width"))
                            && e.getAttribute("fill").startsWith("#"))
                    .map(e -> e.getAttribute("fill")).collect(Collectors.toSet());
            assertEquals(s.verdict(), drawn, legend);
        }
    }

    @Test
    public void aCountedRequestPlanWithAMinimumHasItsMarker() {
        Document doc = SvgChecks.assertSafe(QuotaPicture.svg(Samples.lastsUntil()));
        Element bar = SvgChecks.elements(doc).stream().filter(e -> "cdngate-left".equals(e.getAttribute("class"))
                && "#8250df".equals(e.getAttribute("fill"))).findFirst().orElseThrow();
        double barY = Double.parseDouble(bar.getAttribute("y"));
        List<Element> markers = SvgChecks.elements(doc).stream()
                .filter(e -> e.getLocalName().equals("line") && !"#ffffff".equals(e.getAttribute("stroke"))
                        && e.getAttribute("x1").equals(e.getAttribute("x2"))
                        && Double.parseDouble(e.getAttribute("y1")) < barY && Double.parseDouble(e.getAttribute("y2")) > barY)
                .toList();
        assertEquals(1, markers.size());
        // 9,000,000 of the plan's 10,000,000
        assertEquals(20 + 720 * 0.9, Double.parseDouble(markers.get(0).getAttribute("x1")), 0.06);
        assertTrue(texts(doc).contains("min 9,000,000"));
        assertTrue(SvgChecks.desc(doc).contains("Minimum 9,000,000 requests, not met."));
    }

    private static List<String> texts(Document doc) {
        return SvgChecks.elements(doc).stream().filter(e -> e.getLocalName().equals("text"))
                .map(Element::getTextContent).collect(Collectors.toCollection(java.util.ArrayList::new));
    }

    private static Element role(Document doc, String cssClass, String role) {
        return SvgChecks.elements(doc).stream()
                .filter(e -> cssClass.equals(e.getAttribute("class")) && role.equals(e.getAttribute("data-role")))
                .findFirst().orElseThrow(() -> new AssertionError("no " + cssClass + " " + role));
    }

    private static double width(Element rect) {
        return Double.parseDouble(rect.getAttribute("width"));
    }

    /** A copy under target/ to look at (a browser, or the HTML page the publish tests write). */
    static void keep(String name, String svg) throws Exception {
        Path dir = Path.of("target", "pictures");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(name), svg, StandardCharsets.UTF_8);
    }
}
