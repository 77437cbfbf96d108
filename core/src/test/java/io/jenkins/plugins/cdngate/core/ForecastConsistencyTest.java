package io.jenkins.plugins.cdngate.core;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.cdngate.core.forecast.PlanForecast;
import io.jenkins.plugins.cdngate.core.forecast.PlanForecast.Outcome;
import io.jenkins.plugins.cdngate.core.forecast.PoolForecast;
import io.jenkins.plugins.cdngate.core.forecast.QuotaForecast;
import io.jenkins.plugins.cdngate.core.forecast.Reading;
import io.jenkins.plugins.cdngate.emulator.Plan;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.Test;

/**
 * No printed line may contradict another: every plan's fate (what it leaves unused at expiry, when it runs out) is
 * told once, by the pool's drain, and every line that names it (the expiry warning, the plan's forecast line, the pool
 * line) says the same number. Through the real gate over real HTTP to the emulator, with a fixed clock; the human
 * lines are parsed as a reader would read them.
 */
public class ForecastConsistencyTest extends EmulatorFixture {
    private static final Instant NOW = Instant.parse("2026-12-02T01:31:45Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final long GIB = 1L << 30;
    private static final String LARGE = "FP-demo-0001";
    private static final String ENDING = "FP-demo-0002";

    /** The demo's account (cli DemoCommand.demoAccount): times relative to now, as there. */
    private void demoAccount() {
        String started = NOW.minus(180, ChronoUnit.DAYS).toString();
        String endsLater = NOW.plus(185, ChronoUnit.DAYS).toString();
        account().activated(true)
                .plan(Plan.dataTransfer(LARGE, "CDN data transfer plan (Chinese mainland)", 500 * GIB, 1024 * GIB,
                        started, endsLater))
                .plan(Plan.dataTransfer(ENDING, "CDN data transfer plan (Chinese mainland)", 50 * GIB, 100 * GIB,
                        NOW.minus(362, ChronoUnit.DAYS).toString(),
                        NOW.plus(3, ChronoUnit.DAYS).plus(1, ChronoUnit.HOURS).toString()))
                .plan(Plan.httpsRequests("CDNHTTPSBAG-demo-0003", "CDN resource plan for HTTPS requests", 8_000_000L,
                        10_000_000L, started, endsLater));
    }

    /** The demo's require-quota: --min-bytes 100GiB --warn-bytes 200GiB --min-requests 1000000 --expiry-warning-days 7. */
    private RequireQuotaRequest demoRequest() {
        return new RequireQuotaRequest(key(), connection(), 100 * GIB, 200 * GIB, 1_000_000L, null, 7, null);
    }

    private static PlanForecast plan(Report r, String id) {
        return r.forecast().plans().stream().filter(p -> p.instanceId().equals(id)).findFirst().orElseThrow();
    }

    @Test
    public void theDemoTellsOneStoryOfEachPlan() throws Exception {
        demoAccount();
        Report r = RequireQuota.run(demoRequest(), CLOCK);
        assertEquals(r.reason(), Verdict.UNSTABLE, r.verdict());
        PoolForecast pool = r.forecast().pool();
        PlanForecast ending = plan(r, ENDING);
        PlanForecast large = plan(r, LARGE);

        // the ending plan is drawn first at the pool's pace (about 3.0 GiB/day): it ends with most of it unused,
        // all that the pool loses; the large plan is drawn when it ends and is the pool's last
        assertEquals(Outcome.LEAVES_UNUSED_AT_EXPIRY, ending.outcome());
        assertEquals(NOW, ending.turnAt());
        assertEquals(ending.endsAt(), ending.runOutAt());
        assertEquals(pool.unusedAtExpiryBytes(), ending.unusedAtExpiryBytes());
        assertEquals(Outcome.RUNS_OUT_BEFORE_EXPIRY, large.outcome());
        assertEquals(ending.endsAt(), large.turnAt());
        assertEquals(Long.valueOf(0), large.unusedAtExpiryBytes());
        assertEquals(pool.runOutAt(), large.runOutAt());
        assertTrue(large.runOutAt() + " " + large.endsAt(), large.runOutAt().isBefore(large.endsAt()));
        // the worked numbers of docs/gates.md ("One story per plan")
        assertEquals(43_728_404_932L, (long) ending.unusedAtExpiryBytes());
        assertEquals(Instant.parse("2027-05-18T01:56:43Z"), large.runOutAt());
        assertEquals(167.0, Math.floor(pool.daysLeft() * 10) / 10, 1e-9);

        assertOneStory(r);
        List<String> lines = ReportText.lines(r);
        assertTrue(lines.toString(), lines.stream().anyMatch(l -> l.startsWith("[CDN Gate] UNSTABLE: Plan " + ENDING)
                && l.contains("; in the pool's drain (earliest-expiry first, at the pool's pace) 40.7 GiB "
                + "(43728404932 bytes) of it will be void then. Renew or replace it.")));
        assertTrue(lines.toString(), lines.stream().anyMatch(l -> l.startsWith("[CDN Gate] Forecast of plan " + ENDING)
                && l.endsWith("it is drawn first and ends 2026-12-05T02:31:45Z with 40.7 GiB (43728404932 bytes) unused")));
        assertTrue(lines.toString(), lines.stream().anyMatch(l -> l.startsWith("[CDN Gate] Forecast of plan " + LARGE)
                && l.endsWith("it is drawn from 2026-12-05T02:31:45Z and runs out 2027-05-18T01:56:43Z, before it ends "
                + "2027-06-05T01:31:45Z")));
        assertTrue(lines.toString(), lines.stream().anyMatch(l -> l.startsWith("[CDN Gate] Days left (pool): 167.0 days")
                && l.endsWith("data transfer lasts until 2027-05-18T01:56:43Z; 40.7 GiB (43728404932 bytes) expires "
                + "unused in plans that end before they are used up")));
    }

    @Test
    public void everyWorkedAccountTellsOneStoryOfEachPlan() throws Exception {
        // A in use (10 GiB/day) ending before it is used up, B unused behind it, C unused ending first, O in use
        // at the same time, and an account paced by history: each tells one story in every line
        List<List<Plan>> accounts = List.of(
                List.of(inUse("FP-A", "2026-12-07T00:00:00Z"), unused("FP-B", 1000, "2027-12-01T00:00:00Z")),
                List.of(inUse("FP-A", "2027-06-01T00:00:00Z"), unused("FP-C", 200, "2026-12-12T00:00:00Z")),
                List.of(inUse("FP-A", "2027-06-01T00:00:00Z"), Plan.dataTransfer("FP-O", "O", 100 * GIB, 250 * GIB,
                        "2026-11-02T00:00:00Z", "2027-06-01T00:00:00Z")),
                List.of(inUse("FP-A", "2026-12-04T00:00:00Z"), unused("FP-B", 10, "2026-12-05T00:00:00Z"),
                        unused("FP-D", 500, "2026-12-06T00:00:00Z"), inUse("FP-E", null)));
        for (List<Plan> plans : accounts) {
            freshKey();
            var account = account().activated(true);
            plans.forEach(account::plan);
            Report r = RequireQuota.run(new RequireQuotaRequest(key(), connection(), 0, null, null, null, 30, null),
                    CLOCK);
            assertOneStory(r);
        }
        freshKey();
        account().activated(true).plan(inUse("FP-A", "2026-12-10T00:00:00Z")).plan(unused("FP-B", 500, null));
        List<Reading> history = List.of(new Reading(NOW.minus(10, ChronoUnit.DAYS), 900 * GIB),
                new Reading(NOW.minus(5, ChronoUnit.DAYS), 800 * GIB));
        Report r = RequireQuota.run(new RequireQuotaRequest(key(), connection(), 0, null, null, null, 30, null)
                .withHistory(history), CLOCK);
        assertEquals(PoolForecast.PaceSource.HISTORY, r.forecast().pool().source());
        assertOneStory(r);
    }

    @Test
    public void withoutAPoolPaceEveryPlanSaysNoPaceYet() throws Exception {
        account().activated(true).plan(unused("FP-B", 1000, "2026-12-05T00:00:00Z"))
                .plan(unused("FP-D", 500, "2027-06-01T00:00:00Z"));
        Report r = RequireQuota.run(new RequireQuotaRequest(key(), connection(), 0, null, null, null, 7, null), CLOCK);
        assertEquals(PoolForecast.PaceSource.NONE, r.forecast().pool().source());
        for (PlanForecast p : r.forecast().plans()) {
            assertEquals(Outcome.NO_PACE_YET, p.outcome());
            assertEquals(null, p.runOutAt());
            assertEquals(null, p.unusedAtExpiryBytes());
            assertEquals(null, p.turnAt());
        }
        List<String> lines = ReportText.lines(r);
        assertEquals(lines.toString(), 2, lines.stream().filter(l -> l.startsWith("[CDN Gate] Forecast of plan ")
                && l.contains("; no pace yet, it ends ")).count());
        assertTrue(lines.toString(), lines.contains("[CDN Gate] Days left (pool): cannot be told, no pace yet (no data "
                + "transfer used in the counted plans since they started)"));
        // the expiry warning makes no projection either: all that is left now is void unless used
        assertTrue(lines.toString(), lines.stream().anyMatch(l -> l.startsWith("[CDN Gate] UNSTABLE: Plan FP-B")
                && l.contains("1000.0 GiB (1073741824000 bytes) of it will be void then unless used before")));
        assertOneStory(r);
    }

    /**
     * A plan with nothing left is used up already: no line (text, picture, HTML table, Markdown) may give it a run-out
     * date ahead, and the drain is done with it now, whatever its EndTime.
     */
    @Test
    public void aPlanWithNothingLeftIsUsedUpAlreadyInEveryForm() throws Exception {
        account().activated(true).plan(inUse("FP-A", "2027-06-01T00:00:00Z"))
                .plan(Plan.dataTransfer("FP-Z", "Z", 0, 100 * GIB, NOW.minus(300, ChronoUnit.DAYS).toString(),
                        "2026-12-06T00:00:00Z"));
        Report r = RequireQuota.run(new RequireQuotaRequest(key(), connection(), 0, null, null, null, 7, null), CLOCK);
        PlanForecast z = plan(r, "FP-Z");
        PlanForecast a = plan(r, "FP-A");
        assertEquals(Outcome.RUNS_OUT_BEFORE_EXPIRY, z.outcome());
        assertEquals(NOW, z.runOutAt());
        assertEquals(NOW, z.turnAt());
        assertEquals(Long.valueOf(0), z.unusedAtExpiryBytes());
        // the plan in use is drawn first, from now, and is the pool's last
        assertEquals(NOW, a.turnAt());
        assertEquals(r.forecast().pool().runOutAt(), a.runOutAt());

        List<String> lines = ReportText.lines(r);
        String zLine = lines.stream().filter(l -> l.startsWith("[CDN Gate] Forecast of plan FP-Z")).findFirst().orElseThrow();
        assertTrue(zLine, zLine.endsWith("; in the pool's drain (earliest-expiry first, at the pool's pace) it is used up"
                + " already (0 bytes left), it ends 2026-12-06T00:00:00Z"));
        assertTrue(lines.toString(), lines.stream().anyMatch(l -> l.startsWith("[CDN Gate] Forecast of plan FP-A")
                && l.contains("it is drawn first and runs out ")));
        String warning = lines.stream().filter(l -> l.startsWith("[CDN Gate] UNSTABLE: Plan FP-Z")).findFirst().orElseThrow();
        assertTrue(warning, warning.contains("; it is used up already (0 bytes left). Renew or replace it."));

        String svg = io.jenkins.plugins.cdngate.core.picture.QuotaPicture.svg(
                io.jenkins.plugins.cdngate.core.picture.QuotaSnapshot.of(r, NOW));
        assertTrue(svg, svg.contains("Used up already (0 bytes left)."));
        String html = io.jenkins.plugins.cdngate.core.publish.HtmlReport.render(List.of(r), NOW);
        assertTrue(html, html.contains("used up already"));
        String md = io.jenkins.plugins.cdngate.core.publish.MarkdownSummary.render(List.of(r));
        assertTrue(md, md.contains("used up already"));
        // a plan without an EndTime never "runs out ..., before it ends" in the table
        freshKey();
        account().activated(true).plan(inUse("FP-N", null));
        Report n = RequireQuota.run(new RequireQuotaRequest(key(), connection(), 0, null, null, null, null, null), CLOCK);
        String nHtml = io.jenkins.plugins.cdngate.core.publish.HtmlReport.render(List.of(n), NOW);
        String nMd = io.jenkins.plugins.cdngate.core.publish.MarkdownSummary.render(List.of(n));
        for (String form : List.of(nHtml, nMd)) {
            assertFalse(form, form.contains("before it ends"));
            assertTrue(form, form.contains("(no end date)"));
        }
        for (String form : List.of(svg, html, md)) {
            assertFalse(form, form.contains("runs out 2026-12-1") && form.contains("FP-Z") && form.contains("0 bytes left, runs"));
        }
        assertOneStory(r);
    }

    /**
     * When the last plan in the drain ends with capacity left, nothing runs out: every form (the build log, the quota
     * picture's text and words, the HTML report, the Markdown, the JUnit XML, the trend) says the data transfer lasts
     * until then and what expires unused, and the drain's path ends with that drop.
     */
    @Test
    public void aPoolWhoseLastPlanEndsWithCapacityLeftLastsUntilThenInEveryForm() throws Exception {
        // A: 10 GiB/day, 100 GiB left, ends in 5 days; B: 1000 GiB unused, ends 2027-01-01: both end with some left
        account().activated(true).plan(inUse("FP-A", "2026-12-07T00:00:00Z"))
                .plan(unused("FP-B", 1000, "2027-01-01T00:00:00Z"));
        Report r = RequireQuota.run(new RequireQuotaRequest(key(), connection(), 0, null, null, null, null, null), CLOCK);
        PoolForecast pool = r.forecast().pool();
        assertEquals(PoolForecast.Ending.LAST_PLAN_EXPIRES, pool.ending());
        List<io.jenkins.plugins.cdngate.core.forecast.DrainStep> path = r.forecast().drainPath();
        assertEquals(new io.jenkins.plugins.cdngate.core.forecast.DrainStep(NOW, r.remainingBytes()), path.get(0));
        assertEquals(new io.jenkins.plugins.cdngate.core.forecast.DrainStep(pool.runOutAt(), 0), path.get(path.size() - 1));
        assertTrue(path.toString(), path.size() <= 1 + 2 * r.forecast().plans().size());
        long drops = 0;
        for (int i = 1; i < path.size(); i++) {
            if (path.get(i).at().equals(path.get(i - 1).at())) {
                drops += path.get(i - 1).remainingBytes() - path.get(i).remainingBytes();
            }
        }
        assertEquals(pool.unusedAtExpiryBytes(), Long.valueOf(drops));

        String log = String.join("\n", ReportText.lines(r));
        String svg = io.jenkins.plugins.cdngate.core.picture.QuotaPicture.svg(
                io.jenkins.plugins.cdngate.core.picture.QuotaSnapshot.of(r, NOW));
        String html = io.jenkins.plugins.cdngate.core.publish.HtmlReport.render(List.of(r), NOW,
                List.of(new io.jenkins.plugins.cdngate.core.picture.TrendPoint("this run", NOW, r.remainingBytes(), "PASS")));
        String md = io.jenkins.plugins.cdngate.core.publish.MarkdownSummary.render(List.of(r));
        String junit = io.jenkins.plugins.cdngate.core.publish.JUnitReport.render(List.of(r));
        String trend = io.jenkins.plugins.cdngate.core.picture.TrendPicture.svg(
                List.of(new io.jenkins.plugins.cdngate.core.picture.TrendPoint("#1", NOW, r.remainingBytes(), "PASS")),
                path, "build");
        for (String form : List.of(log, svg, html, md, junit, trend)) {
            for (String said : List.of("runs out", "run-out", "reaches zero", "run out")) {
                assertFalse(said + " in\n" + form, form.contains(said));
            }
            assertTrue(form, form.contains("lasts until") || form.contains("Lasts until") || form.contains("last until"));
        }
        assertOneStory(r);
    }

    /** 400 GiB bought 30 days ago, 100 GiB left: 10 GiB/day of its own. */
    private static Plan inUse(String id, String end) {
        return Plan.dataTransfer(id, id, 100 * GIB, 400 * GIB, NOW.minus(30, ChronoUnit.DAYS).toString(), end);
    }

    private static Plan unused(String id, long gib, String end) {
        return Plan.dataTransfer(id, id, gib * GIB, gib * GIB, NOW.minus(1, ChronoUnit.DAYS).toString(), end);
    }

    private static final Pattern LEFT = Pattern.compile("\\((\\d+) bytes\\) left of ");
    private static final Pattern VOID = Pattern.compile(
            "\\((\\d+) bytes\\) (?:unused|of it will be void then|expires unused)");
    private static final Pattern DONE = Pattern.compile(
            "(?:runs out|used up by|lasts until|ends (?=\\S+ with )) ?(\\d{4}-\\d\\d-\\d\\dT\\S+Z)");

    /**
     * The plans' parts of the drain add up to the pool; and, read from the printed lines, every line that names a plan
     * (or the pool) gives it one amount left, one amount void or unused at its end and one date the drain is done
     * with it: those of the forecast.
     */
    static void assertOneStory(Report r) {
        QuotaForecast f = r.forecast();
        assertNotNull(f);
        PoolForecast pool = f.pool();
        long sum = 0;
        Instant last = null;
        for (PlanForecast p : f.plans()) {
            if (pool.bytesPerDay() == null) {
                assertEquals(p.toString(), Outcome.NO_PACE_YET, p.outcome());
                continue;
            }
            assertTrue(p.toString(), p.outcome() != Outcome.NO_PACE_YET);
            sum += p.unusedAtExpiryBytes();
            if (p.runOutAt() != null) {
                assertFalse(p + " after the pool " + pool.runOutAt(), p.runOutAt().isAfter(pool.runOutAt()));
                last = last == null || p.runOutAt().isAfter(last) ? p.runOutAt() : last;
            }
            if (p.outcome() == Outcome.LEAVES_UNUSED_AT_EXPIRY) {
                assertEquals(p.toString(), p.endsAt(), p.runOutAt());
                assertTrue(p.toString(), p.unusedAtExpiryBytes() > 0);
            } else {
                assertEquals(p.toString(), Long.valueOf(0), p.unusedAtExpiryBytes());
            }
        }
        if (pool.bytesPerDay() != null) {
            assertEquals(f.toString(), pool.unusedAtExpiryBytes(), Long.valueOf(sum));
            assertEquals(f.toString(), pool.runOutAt(), last);
        }

        // what the lines say, per plan id ("" for the pool line)
        List<String> ids = new ArrayList<>();
        f.plans().forEach(p -> ids.add(p.instanceId()));
        Map<String, Set<Long>> left = new HashMap<>();
        Map<String, Set<Long>> voided = new HashMap<>();
        Map<String, Set<Instant>> done = new HashMap<>();
        List<String> lines = ReportText.lines(r);
        for (String line : lines) {
            assertFalse(line, line.contains("own pace") || line.contains("on its own") || line.contains("at that pace"));
            String about = line.startsWith("[CDN Gate] Days left (pool): ") ? "" : null;
            int at = Integer.MAX_VALUE;
            for (String id : ids) {
                int i = line.indexOf(id + " ");
                if (about == null && i >= 0 && i < at) {
                    at = i;
                }
            }
            for (String id : ids) {
                if (about == null && at != Integer.MAX_VALUE && line.startsWith(id + " ", at)) {
                    about = id;
                }
            }
            if (about == null || line.startsWith("[CDN Gate] Verdict: ")) {
                continue;
            }
            collect(LEFT, line, left.computeIfAbsent(about, k -> new HashSet<>()), Long::valueOf);
            collect(VOID, line, voided.computeIfAbsent(about, k -> new HashSet<>()), Long::valueOf);
            collect(DONE, line, done.computeIfAbsent(about, k -> new HashSet<>()), Instant::parse);
        }
        for (PlanForecast p : f.plans()) {
            String id = p.instanceId();
            assertTrue(id + " " + left + "\n" + lines, left.getOrDefault(id, Set.of()).size() <= 1);
            if (p.outcome() == Outcome.NO_PACE_YET) {
                assertTrue(id + " " + done + "\n" + lines, done.getOrDefault(id, Set.of()).isEmpty());
                continue;
            }
            Set<Long> v = voided.getOrDefault(id, Set.of());
            assertEquals(id + " " + voided + "\n" + lines,
                    p.unusedAtExpiryBytes() > 0 ? Set.of(p.unusedAtExpiryBytes()) : Set.of(), v);
            // a plan used up already names no date the drain is done with it (it is done now)
            boolean usedUp = lines.stream().anyMatch(l -> l.startsWith("[CDN Gate] Forecast of plan " + id + " ")
                    && l.contains(io.jenkins.plugins.cdngate.core.forecast.ForecastText.USED_UP));
            assertEquals(id + " " + done + "\n" + lines, p.runOutAt() == null || usedUp ? Set.of()
                    : Set.of(p.runOutAt()), done.getOrDefault(id, Set.of()));
        }
        if (pool.bytesPerDay() != null) {
            assertEquals(lines.toString(), pool.unusedAtExpiryBytes() > 0 ? Set.of(pool.unusedAtExpiryBytes())
                    : Set.of(), voided.get(""));
            assertEquals(lines.toString(), pool.runOutAt() == null ? Set.of() : Set.of(pool.runOutAt()), done.get(""));
        }
    }

    private static <T> void collect(Pattern pattern, String line, Set<T> into, java.util.function.Function<String, T> parse) {
        Matcher m = pattern.matcher(line);
        while (m.find()) {
            into.add(parse.apply(m.group(1)));
        }
    }
}
