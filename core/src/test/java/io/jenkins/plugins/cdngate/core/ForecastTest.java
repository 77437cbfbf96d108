package io.jenkins.plugins.cdngate.core;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.jenkins.plugins.cdngate.core.forecast.PlanForecast;
import io.jenkins.plugins.cdngate.core.forecast.PlanForecast.Outcome;
import io.jenkins.plugins.cdngate.core.forecast.PoolForecast;
import io.jenkins.plugins.cdngate.core.forecast.PoolForecast.PaceSource;
import io.jenkins.plugins.cdngate.core.forecast.QuotaForecast;
import io.jenkins.plugins.cdngate.core.forecast.Reading;
import io.jenkins.plugins.cdngate.emulator.Plan;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/**
 * Pace, run-out date, unused-at-expiry and days left through the real gate over real HTTP to the emulator, with
 * a fixed clock. The numbers are the worked examples of docs/gates.md ("Days left").
 */
public class ForecastTest extends EmulatorFixture {
    private static final Instant NOW = Instant.parse("2026-11-21T00:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final long GIB = 1L << 30;
    private static final double DAY_GIB = GIB;

    /** 400 GiB plan started 30 days ago with 100 GiB left: 300 GiB in 30 days, 10 GiB/day. */
    private static Plan inUse(String end) {
        return Plan.dataTransfer("FP-A", "A", 100 * GIB, 400 * GIB, "2026-10-22T00:00:00Z", end);
    }

    /** 1000 GiB bought on 1 November, not used yet. */
    private static Plan unused() {
        return Plan.dataTransfer("FP-B", "B", 1000 * GIB, 1000 * GIB, "2026-11-01T00:00:00Z", "2027-11-01T00:00:00Z");
    }

    private RequireQuotaRequest request(long minBytes) {
        return RequireQuotaRequest.of(key(), connection(), minBytes);
    }

    private Report run(RequireQuotaRequest request) throws InterruptedException {
        return RequireQuota.run(request, CLOCK);
    }

    private static PlanForecast plan(Report r, String id) {
        return r.forecast().plans().stream().filter(p -> p.instanceId().equals(id)).findFirst().orElseThrow();
    }

    @Test
    public void aPlanInUseRunsOutAtItsPaceSinceStartBeforeItEnds() throws Exception {
        account().activated(true).plan(inUse("2027-01-01T00:00:00Z"));
        Report r = run(request(0));
        PlanForecast a = plan(r, "FP-A");
        assertEquals(10 * DAY_GIB, a.bytesPerDay(), 0.001);
        assertEquals(Instant.parse("2026-12-01T00:00:00Z"), a.runOutAt());
        assertEquals(Outcome.RUNS_OUT_BEFORE_EXPIRY, a.outcome());
        assertEquals(Long.valueOf(0), a.unusedAtExpiryBytes());
        PoolForecast pool = r.forecast().pool();
        assertEquals(PaceSource.PLANS_SINCE_START, pool.source());
        assertEquals(10.0, pool.daysLeft(), 1e-9);
        assertEquals(Instant.parse("2026-12-01T00:00:00Z"), pool.runOutAt());
    }

    @Test
    public void aPlanEndingBeforeItIsUsedUpLeavesTheRestUnused() throws Exception {
        account().activated(true).plan(inUse("2026-11-26T00:00:00Z"));
        Report r = run(request(0));
        PlanForecast a = plan(r, "FP-A");
        assertEquals(Outcome.LEAVES_UNUSED_AT_EXPIRY, a.outcome());
        assertEquals(Long.valueOf(50 * GIB), a.unusedAtExpiryBytes());
        // the drain is done with it when it ends (it is never empty): its EndTime, the pool's run-out
        assertEquals(Instant.parse("2026-11-26T00:00:00Z"), a.runOutAt());
        assertEquals(NOW, a.turnAt());
        assertEquals("its end is the pool's, and nothing runs out then", "LAST_PLAN_EXPIRES",
                JsonParser.parseString(ReportJson.toJson(r)).getAsJsonObject().getAsJsonObject("forecast")
                        .getAsJsonObject("pool").get("ending").getAsString());
        assertEquals(r.forecast().pool().runOutAt(), a.runOutAt());
        // the pool ends with it: 5 days, 50 GiB lost
        assertEquals(5.0, r.forecast().pool().daysLeft(), 1e-9);
        assertEquals(Long.valueOf(50 * GIB), r.forecast().pool().unusedAtExpiryBytes());
    }

    @Test
    public void theExpiryWarningSaysWhatThePoolsDrainLeavesVoidAsThePlanAndPoolLinesDo() throws Exception {
        account().activated(true).plan(inUse("2026-11-26T00:00:00Z")).plan(unused());
        Report r = run(new RequireQuotaRequest(key(), connection(), 0, null, null, null, 7, null));
        assertEquals(Verdict.UNSTABLE, r.verdict());
        assertEquals("Plan FP-A \"A\" ends 2026-11-26T00:00:00Z (in 5 days), within the 7-day warning window; in the "
                + "pool's drain (earliest-expiry first, at the pool's pace) 50.0 GiB (53687091200 bytes) of it will be "
                + "void then. Renew or replace it.", r.reason());
        assertTrue(ReportText.lines(r).stream().anyMatch(l -> l.contains("ends 2026-11-26T00:00:00Z with 50.0 GiB "
                + "(53687091200 bytes) unused")));
    }

    @Test
    public void anExpiringPlanUsedUpFirstIsWarnedWithItsRunOutDateFromTheDrain() throws Exception {
        // A (100 GiB at 10 GiB/day) runs out 2026-12-01, before it ends 2026-12-03 (12 days away, within 14)
        account().activated(true).plan(inUse("2026-12-03T00:00:00Z")).plan(unused());
        Report r = run(new RequireQuotaRequest(key(), connection(), 0, null, null, null, 14, null));
        assertEquals(Verdict.UNSTABLE, r.verdict());
        assertEquals("Plan FP-A \"A\" ends 2026-12-03T00:00:00Z (in 12 days), within the 14-day warning window; in the "
                + "pool's drain (earliest-expiry first, at the pool's pace) it is used up by 2026-12-01T00:00:00Z, but "
                + "whatever is left then is void. Renew or replace it.", r.reason());
        assertTrue(ReportText.lines(r).toString(), ReportText.lines(r).stream().anyMatch(l -> l.endsWith(
                "it is drawn first and runs out 2026-12-01T00:00:00Z, before it ends 2026-12-03T00:00:00Z")));
    }

    @Test
    public void plansAreDrainedEarliestExpiryFirstAndLostCapacityDoesNotCountTowardDaysLeft() throws Exception {
        // A (10 GiB/day, 100 GiB left) ends in 5 days: 50 GiB used, 50 GiB lost; then B's 1000 GiB at 10 GiB/day.
        account().activated(true).plan(unused()).plan(inUse("2026-11-26T00:00:00Z"));
        Report r = run(request(0));
        PoolForecast pool = r.forecast().pool();
        assertEquals(10 * DAY_GIB, pool.bytesPerDay(), 0.001);
        assertEquals(105.0, pool.daysLeft(), 1e-9);
        assertEquals(Instant.parse("2027-03-06T00:00:00Z"), pool.runOutAt());
        assertEquals(Long.valueOf(50 * GIB), pool.unusedAtExpiryBytes());
        // B has no pace of its own (nothing used yet) but its turn in the drain comes when A ends
        PlanForecast b = plan(r, "FP-B");
        assertNull(b.bytesPerDay());
        assertEquals(Outcome.RUNS_OUT_BEFORE_EXPIRY, b.outcome());
        assertEquals(Instant.parse("2026-11-26T00:00:00Z"), b.turnAt());
        assertEquals(Instant.parse("2027-03-06T00:00:00Z"), b.runOutAt());
        assertEquals(Long.valueOf(0), b.unusedAtExpiryBytes());
        assertEquals(Long.valueOf(50 * GIB), plan(r, "FP-A").unusedAtExpiryBytes());
    }

    @Test
    public void theCapacityOfAPlanThatExpiresBeforeItsTurnIsLost() throws Exception {
        // C (200 GiB, unused) ends in 10 days and comes first: 100 GiB used, 100 GiB lost; then A (100 GiB) 10 days.
        account().activated(true).plan(inUse("2027-06-01T00:00:00Z"))
                .plan(Plan.dataTransfer("FP-C", "C", 200 * GIB, 200 * GIB, "2026-11-20T00:00:00Z", "2026-12-01T00:00:00Z"));
        Report r = run(request(0));
        PoolForecast pool = r.forecast().pool();
        assertEquals(20.0, pool.daysLeft(), 1e-9);
        assertEquals(Long.valueOf(100 * GIB), pool.unusedAtExpiryBytes());
        assertEquals(Long.valueOf(100 * GIB), plan(r, "FP-C").unusedAtExpiryBytes());
        assertEquals(Outcome.LEAVES_UNUSED_AT_EXPIRY, plan(r, "FP-C").outcome());
        // A, in use since October, waits for C in the drain: its turn comes when C ends, then 10 days
        assertEquals(Instant.parse("2026-12-01T00:00:00Z"), plan(r, "FP-A").turnAt());
        assertEquals(Instant.parse("2026-12-11T00:00:00Z"), plan(r, "FP-A").runOutAt());
        assertEquals(pool.runOutAt(), plan(r, "FP-A").runOutAt());
    }

    @Test
    public void plansUsedAtTheSameTimeAddTheirPaces() throws Exception {
        // two regions in use at once: 10 GiB/day + 5 GiB/day (150 GiB of 250 GiB in 30 days); 200 GiB at 15 GiB/day
        account().activated(true).plan(inUse("2027-06-01T00:00:00Z"))
                .plan(Plan.dataTransfer("FP-O", "overseas", 100 * GIB, 250 * GIB, "2026-10-22T00:00:00Z",
                        "2027-06-01T00:00:00Z"));
        Report r = run(request(0));
        PoolForecast pool = r.forecast().pool();
        assertEquals(15 * DAY_GIB, pool.bytesPerDay(), 0.001);
        assertEquals(200.0 / 15, pool.daysLeft(), 1e-6);
        // equal EndTimes are drawn by InstanceId, each at the pool's 15 GiB/day: A after 6.7 days, O after 13.3
        assertEquals(Instant.parse("2026-11-27T16:00:00Z"), plan(r, "FP-A").runOutAt());
        assertEquals(Instant.parse("2026-11-27T16:00:00Z"), plan(r, "FP-O").turnAt());
        assertEquals(Instant.parse("2026-12-04T08:00:00Z"), plan(r, "FP-O").runOutAt());
        assertEquals(pool.runOutAt(), plan(r, "FP-O").runOutAt());
    }

    @Test
    public void noConsumptionYetIsNoPaceReportedAndNeverAFail() throws Exception {
        account().activated(true).plan(unused());
        Report r = run(request(0).withDaysLeft(30, 60));
        assertEquals(r.reason(), Verdict.PASS, r.verdict());
        PoolForecast pool = r.forecast().pool();
        assertEquals(PaceSource.NONE, pool.source());
        assertEquals(Outcome.NO_PACE_YET, plan(r, "FP-B").outcome());
        assertNull(plan(r, "FP-B").runOutAt());
        assertNull(plan(r, "FP-B").unusedAtExpiryBytes());
        assertNull(pool.daysLeft());
        assertNull(pool.runOutAt());
        assertNull(pool.bytesPerDay());
        List<String> lines = ReportText.lines(r);
        assertTrue(lines.toString(), lines.stream().anyMatch(l -> l.startsWith("[CDN Gate] Days left cannot be told "
                + "yet: no pace yet (no data transfer used in the counted plans since they started); the days-left "
                + "minimum was not checked. [RequestId ")));
        assertTrue(lines.toString(), lines.contains("[CDN Gate] Forecast of plan FP-B \"B\": nothing used since it "
                + "started 2026-11-01T00:00:00Z; no pace yet, it ends 2027-11-01T00:00:00Z"));
        assertTrue(r.reason(), r.reason().endsWith("; days left not checked (no pace yet)"));
    }

    @Test
    public void fewerDaysLeftThanTheMinimumFails() throws Exception {
        account().activated(true).plan(inUse("2027-01-01T00:00:00Z"));
        Report r = run(request(0).withDaysLeft(11, null));
        assertEquals(Verdict.FAIL, r.verdict());
        assertEquals("Only 10.0 days of data transfer left at 10.0 GiB/day (the plans' average pace since they "
                + "started); at least 11 days are required. Buy a data-transfer plan, or lower the days-left minimum.",
                r.reason());
    }

    /**
     * No counted data-transfer plan at all is not "no pace yet": there is nothing to last any days, so a days-left
     * minimum fails (fail closed; with --min-bytes 0 the gate passed an account without any plan).
     */
    @Test
    public void withNoDataTransferPlanAtAllADaysLeftMinimumFails() throws Exception {
        account().activated(true);
        Report r = run(request(0).withDaysLeft(14, null));
        assertEquals(r.reason(), Verdict.FAIL, r.verdict());
        assertEquals("No counted data-transfer plan holds any data transfer, so none is left for any number of days;"
                + " at least 14 days are required. Buy a data-transfer plan, or lower the days-left minimum.", r.reason());
        java.util.List<String> lines = ReportText.lines(r);
        assertTrue(lines.toString(), lines.contains("[CDN Gate] Days left (pool): none, no counted data-transfer plan"
                + " holds any data transfer (so no pace either)"));
        assertTrue(lines.toString(), lines.stream().noneMatch(l -> l.contains("cannot be told")));

        Report warned = run(request(0).withDaysLeft(null, 14));
        assertEquals(warned.reason(), Verdict.UNSTABLE, warned.verdict());
        assertTrue(warned.reason(), warned.reason().contains("below the warning level of 14 days"));

        Report zero = run(request(0).withDaysLeft(0, null));
        assertEquals(zero.reason(), Verdict.PASS, zero.verdict());
    }

    @Test
    public void aOneDayMinimumReadsInTheSingularInEveryForm() throws Exception {
        // 5 GiB left at 10 GiB/day: half a day
        account().activated(true).plan(Plan.dataTransfer("FP-A", "A", 5 * GIB, 305 * GIB, "2026-10-22T00:00:00Z",
                "2027-01-01T00:00:00Z"));
        Report r = run(request(0).withDaysLeft(1, 1));
        assertEquals(Verdict.FAIL, r.verdict());
        assertTrue(r.reason(), r.reason().contains("; at least 1 day is required. "));
        String html = io.jenkins.plugins.cdngate.core.publish.HtmlReport.render(java.util.List.of(r), NOW);
        assertTrue(html, html.contains("at least 1 day left, warn under 1 day left"));
        String md = io.jenkins.plugins.cdngate.core.publish.MarkdownSummary.render(java.util.List.of(r));
        assertTrue(md, md.contains("at least 1 day left, warn under 1 day left"));
    }

    @Test
    public void fewerDaysLeftThanTheWarningLevelIsUnstable() throws Exception {
        account().activated(true).plan(inUse("2027-01-01T00:00:00Z"));
        Report r = run(request(0).withDaysLeft(10, 11));
        assertEquals(Verdict.UNSTABLE, r.verdict());
        assertTrue(r.reason(), r.reason().contains("below the warning level of 11 days"));
        Report ok = run(request(0).withDaysLeft(10, 10));
        assertEquals(ok.reason(), Verdict.PASS, ok.verdict());
        assertTrue(ok.reason(), ok.reason().endsWith("; 10.0 days left (at least 10 days required)"));
    }

    @Test
    public void daysAreShownRoundedDownSoTheTextNeverContradictsTheVerdict() throws Exception {
        // 100 GiB at 300 GiB in 30 days less 1 hour: a little under 10 days left (9.986)
        account().activated(true).plan(Plan.dataTransfer("FP-A", "A", 100 * GIB, 400 * GIB, "2026-10-22T01:00:00Z",
                "2027-01-01T00:00:00Z"));
        Report r = run(request(0).withDaysLeft(10, null));
        assertTrue(r.forecast().pool().daysLeft() < 10);
        assertEquals(Verdict.FAIL, r.verdict());
        List<String> lines = ReportText.lines(r);
        assertTrue(lines.toString(), lines.stream().anyMatch(l -> l.startsWith("[CDN Gate] FAIL: Only 9.9 days")));
        assertTrue(lines.toString(), lines.stream().anyMatch(l -> l.startsWith("[CDN Gate] Days left (pool): 9.9 days")));
        assertTrue(lines.stream().noneMatch(l -> l.contains("10.0 days")));
    }

    @Test
    public void twoRecentReadingsGiveTheRecentPaceAndSaySo() throws Exception {
        // the plan's own pace since start is 3 GiB/day (300 GiB in 100 days); the readings say 10 GiB/day lately
        account().activated(true).plan(Plan.dataTransfer("FP-A", "A", 700 * GIB, 1000 * GIB, "2026-08-13T00:00:00Z",
                "2027-08-13T00:00:00Z"));
        List<Reading> history = List.of(
                new Reading(Instant.parse("2026-10-01T00:00:00Z"), 990 * GIB), // older than 30 days: not used
                new Reading(Instant.parse("2026-11-11T00:00:00Z"), 800 * GIB),
                new Reading(Instant.parse("2026-11-01T00:00:00Z"), 900 * GIB));
        Report r = run(request(0).withHistory(history).withDaysLeft(0, 0));
        PoolForecast pool = r.forecast().pool();
        assertEquals(PaceSource.HISTORY, pool.source());
        assertEquals(3, pool.readingsUsed());
        assertEquals(10 * DAY_GIB, pool.bytesPerDay(), 0.001);
        assertEquals(70.0, pool.daysLeft(), 1e-9);
        assertEquals(3 * DAY_GIB, plan(r, "FP-A").bytesPerDay(), 0.001);
        // the plan's projection follows the pool's recent pace, not its own 3 GiB/day: 70 days, as the pool
        assertEquals(pool.runOutAt(), plan(r, "FP-A").runOutAt());
        assertEquals(Instant.parse("2027-01-30T00:00:00Z"), plan(r, "FP-A").runOutAt());
        assertTrue(ReportText.lines(r).toString(), ReportText.lines(r).stream().anyMatch(l -> l.contains(
                "Days left (pool): 70.0 days at 10.0 GiB/day (the recent pace from 3 readings within the last 30 days)")));
    }

    @Test
    public void aPurchaseBetweenReadingsHidesNoUse() throws Exception {
        account().activated(true).plan(Plan.dataTransfer("FP-A", "A", 1700 * GIB, 2000 * GIB, "2026-08-13T00:00:00Z",
                "2027-08-13T00:00:00Z"));
        // 900 -> 800 (100 used), 1000 GiB bought -> 1800, -> 1700 now (100 used): 200 GiB in 20 days
        List<Reading> history = List.of(new Reading(Instant.parse("2026-11-01T00:00:00Z"), 900 * GIB),
                new Reading(Instant.parse("2026-11-11T00:00:00Z"), 800 * GIB),
                new Reading(Instant.parse("2026-11-12T00:00:00Z"), 1800 * GIB));
        PoolForecast pool = run(request(0).withHistory(history)).forecast().pool();
        assertEquals(PaceSource.HISTORY, pool.source());
        assertEquals(10 * DAY_GIB, pool.bytesPerDay(), 0.001);
    }

    @Test
    public void oneRecentReadingOrReadingsWithoutUseFallBackToThePlansPace() throws Exception {
        account().activated(true).plan(inUse("2027-01-01T00:00:00Z"));
        Report one = run(request(0).withHistory(List.of(new Reading(Instant.parse("2026-11-11T00:00:00Z"), 200 * GIB))));
        assertEquals(PaceSource.PLANS_SINCE_START, one.forecast().pool().source());
        Report flat = run(request(0).withHistory(List.of(new Reading(Instant.parse("2026-11-11T00:00:00Z"), 100 * GIB),
                new Reading(Instant.parse("2026-11-15T00:00:00Z"), 100 * GIB))));
        assertEquals(PaceSource.PLANS_SINCE_START, flat.forecast().pool().source());
        assertEquals(0, flat.forecast().pool().readingsUsed());
    }

    @Test
    public void historyThatGivesNoPaceSaysWhyOnThePoolLineAndInTheJson() throws Exception {
        account().activated(true).plan(inUse("2027-01-01T00:00:00Z"));
        String fallback = ", so the plans' average pace since they started is used)";
        Report one = run(request(0).withHistory(List.of(new Reading(Instant.parse("2026-11-11T00:00:00Z"), 200 * GIB),
                new Reading(Instant.parse("2026-10-01T00:00:00Z"), 300 * GIB))));
        assertPoolLine(one, "(1 earlier reading within the last 30 days (2 needed)" + fallback);
        assertEquals("1 earlier reading within the last 30 days (2 needed)", JsonParser.parseString(
                ReportJson.toJson(one)).getAsJsonObject().getAsJsonObject("forecast").getAsJsonObject("pool")
                .get("historyNotUsed").getAsString());
        Report brief = run(request(0).withHistory(List.of(new Reading(Instant.parse("2026-11-20T12:00:00Z"), 120 * GIB),
                new Reading(Instant.parse("2026-11-20T18:00:00Z"), 110 * GIB))));
        assertPoolLine(brief, "(2 earlier readings and this run's span under a day" + fallback);
        // the HTML report's pace sentence gives the same reason
        assertTrue(io.jenkins.plugins.cdngate.core.publish.HtmlReport.render(List.of(brief), NOW)
                .contains("at the average pace since the plans started (2 earlier readings and this run"));
        Report flat = run(request(0).withHistory(List.of(new Reading(Instant.parse("2026-11-11T00:00:00Z"), 100 * GIB),
                new Reading(Instant.parse("2026-11-15T00:00:00Z"), 100 * GIB))));
        assertPoolLine(flat, "(2 earlier readings and this run's show no use" + fallback);
        // history and no plan pace: the reason follows "no pace yet"
        account().activated(true).plan(unused());
        Report nothingUsed = run(request(0).withHistory(List.of(new Reading(Instant.parse("2026-11-11T00:00:00Z"),
                100 * GIB))));
        assertPoolLine(nothingUsed, "no pace yet (no data transfer used in the counted plans since they started; "
                + "1 earlier reading within the last 30 days (2 needed))");
        account().activated(true).plan(inUse("2027-01-01T00:00:00Z"));
        // no history given: nothing to explain
        Report none = run(request(0));
        assertPoolLine(none, "(the plans' average pace since they started), plans used");
        assertTrue(JsonParser.parseString(ReportJson.toJson(none)).getAsJsonObject().getAsJsonObject("forecast")
                .getAsJsonObject("pool").get("historyNotUsed").isJsonNull());
    }

    private static void assertPoolLine(Report r, String part) {
        List<String> lines = ReportText.lines(r);
        assertTrue(lines.toString(), lines.stream().anyMatch(l -> l.contains("Days left (pool): ") && l.contains(part)));
    }

    @Test
    public void thisRunsReadingIsOfferedOnlyWhenVerified() throws Exception {
        account().activated(true).plan(inUse("2027-01-01T00:00:00Z"));
        assertEquals(new Reading(NOW, 100 * GIB), run(request(0)).forecast().reading());
    }

    @Test
    public void aReadingWithAnUnreadablePlanIsNotOffered() throws Exception {
        account().activated(true).plan(inUse("2027-01-01T00:00:00Z"))
                .plan(Plan.dataTransfer("FP-X", "broken", 0, 0, "2026-10-22T00:00:00Z", "2027-01-01T00:00:00Z")
                        .withCurrCapacity("12.5"));
        Report r = run(request(0));
        assertEquals(Verdict.UNSTABLE, r.verdict());
        assertNotNull(r.forecast());
        assertNull(r.forecast().reading());
    }

    @Test
    public void everyFormCarriesTheForecast() throws Exception {
        account().activated(true).plan(unused()).plan(inUse("2026-11-26T00:00:00Z"));
        Report r = run(new RequireQuotaRequest(key(), connection(), GIB, 2 * GIB, null, null, null, null, 30, 60, null));
        List<String> lines = ReportText.lines(r);
        assertTrue(lines.toString(), lines.contains("[CDN Gate] Forecast of plan FP-A \"A\": used 300.0 GiB (322122547200 "
                + "bytes) since it started 2026-10-22T00:00:00Z, about 10.0 GiB/day; in the pool's drain (earliest-expiry "
                + "first, at the pool's pace) it is drawn first and ends 2026-11-26T00:00:00Z with 50.0 GiB (53687091200 "
                + "bytes) unused"));
        assertTrue(lines.toString(), lines.contains("[CDN Gate] Forecast of plan FP-B \"B\": nothing used since it "
                + "started 2026-11-01T00:00:00Z; in the pool's drain (earliest-expiry first, at the pool's pace) it is "
                + "drawn from 2026-11-26T00:00:00Z and runs out 2027-03-06T00:00:00Z, before it ends 2027-11-01T00:00:00Z"));
        assertTrue(lines.toString(), lines.contains("[CDN Gate] Days left (pool): 105.0 days at 10.0 GiB/day (the plans' "
                + "average pace since they started), plans used earliest-expiry first: data transfer lasts until "
                + "2027-03-06T00:00:00Z; 50.0 GiB (53687091200 bytes) expires unused in plans that end before they are "
                + "used up"));
        JsonObject json = JsonParser.parseString(ReportJson.toJson(r)).getAsJsonObject();
        assertEquals("cdn-gate-report/2", json.get("schema").getAsString());
        JsonObject f = json.getAsJsonObject("forecast");
        assertEquals(30, f.get("minDaysLeft").getAsInt());
        assertEquals(60, f.get("warnDaysLeft").getAsInt());
        assertEquals(GIB, f.get("minBytes").getAsLong());
        assertEquals(2 * GIB, f.get("warnBytes").getAsLong());
        JsonObject pool = f.getAsJsonObject("pool");
        assertEquals("PLANS_SINCE_START", pool.get("paceSource").getAsString());
        assertEquals(105.0, pool.get("daysLeft").getAsDouble(), 1e-9);
        assertEquals("2027-03-06T00:00:00Z", pool.get("runOutAt").getAsString());
        assertEquals(50 * GIB, pool.get("unusedAtExpiryBytes").getAsLong());
        assertEquals("the last plan (B) is used up then: a run-out", "USED_UP", pool.get("ending").getAsString());
        JsonObject a = f.getAsJsonArray("plans").get(1).getAsJsonObject();
        assertEquals("FP-A", a.get("instanceId").getAsString());
        assertEquals("LEAVES_UNUSED_AT_EXPIRY", a.get("outcome").getAsString());
        assertEquals("2026-11-26T00:00:00Z", a.get("endsAt").getAsString());
        assertEquals("2026-11-26T00:00:00Z", a.get("runOutAt").getAsString());
        assertEquals("2026-11-21T00:00:00Z", a.get("turnAt").getAsString());
        assertEquals(50 * GIB, a.get("unusedAtExpiryBytes").getAsLong());
        JsonObject b = f.getAsJsonArray("plans").get(0).getAsJsonObject();
        assertTrue(b.get("bytesPerDay").isJsonNull());
        assertEquals("RUNS_OUT_BEFORE_EXPIRY", b.get("outcome").getAsString());
        assertEquals("2026-11-26T00:00:00Z", b.get("turnAt").getAsString());
        assertEquals("2027-03-06T00:00:00Z", b.get("runOutAt").getAsString());
        assertEquals("2026-11-21T00:00:00Z", f.getAsJsonObject("reading").get("at").getAsString());
        Map<String, Object> map = ReportJson.toMap(r);
        @SuppressWarnings("unchecked")
        Map<String, Object> mapPool = (Map<String, Object>) ((Map<String, Object>) map.get("forecast")).get("pool");
        assertEquals(105.0, (Double) mapPool.get("daysLeft"), 1e-9);
        assertEquals(30L, ((Map<?, ?>) map.get("forecast")).get("minDaysLeft"));
        assertEquals("2027-03-06T00:00:00Z", mapPool.get("runOutAt"));
        assertEquals(50 * GIB, ((Number) mapPool.get("unusedAtExpiryBytes")).longValue());
    }

    @Test
    public void ensureActiveHasNoForecast() throws Exception {
        account().activated(true);
        Report r = EnsureActive.run(EnsureActiveRequest.of(key(), connection()));
        assertNull(r.forecast());
        assertTrue(JsonParser.parseString(ReportJson.toJson(r)).getAsJsonObject().get("forecast").isJsonNull());
    }

    @Test
    public void aFailedCallHasNoForecast() throws Exception {
        account().activated(false);
        QuotaForecast f = run(request(0).withDaysLeft(1, 2)).forecast();
        assertNull(f);
    }
}
