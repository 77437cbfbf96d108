package io.jenkins.plugins.cdngate.core.forecast;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.cdngate.core.ResourcePlan;
import io.jenkins.plugins.cdngate.core.forecast.PlanForecast.Outcome;
import io.jenkins.plugins.cdngate.core.forecast.PoolForecast.PaceSource;
import java.time.Instant;
import java.util.List;
import org.junit.Test;

/** The corners of the model that the emulator-driven ForecastTest does not reach (plain computation on records). */
public class ForecasterTest {
    private static final Instant NOW = Instant.parse("2026-11-21T00:00:00Z");
    private static final long GIB = 1L << 30;

    private static ResourcePlan plan(String id, String start, String end, long left, long total) {
        return new ResourcePlan(id, "cdnflowbag", id, "t", "valid", start, end, Long.toString(left),
                Long.toString(total), ResourcePlan.Unit.BYTES, left, total, true, null);
    }

    private static QuotaForecast forecast(ResourcePlan... plans) {
        return Forecaster.forecast(List.of(plans), NOW, null, 0L, null, null, null, null);
    }

    @Test
    public void aPlanWithoutEndTimeRunsOutAndNeverExpires() {
        QuotaForecast f = forecast(plan("A", "2026-10-22T00:00:00Z", null, 100 * GIB, 400 * GIB));
        PlanForecast a = f.plans().get(0);
        assertEquals(Outcome.RUNS_OUT_BEFORE_EXPIRY, a.outcome());
        assertNull(a.endsAt());
        assertEquals(Instant.parse("2026-12-01T00:00:00Z"), a.runOutAt());
        assertEquals(10.0, f.pool().daysLeft(), 1e-9);
        assertTrue(ForecastText.lines(f, List.of(plan("A", "2026-10-22T00:00:00Z", null, 100 * GIB, 400 * GIB)))
                .get(0).endsWith("it is drawn first and runs out 2026-12-01T00:00:00Z (it has no end date)"));
    }

    @Test
    public void withoutStartTimeOrWithMoreLeftThanTotalThereIsNoPace() {
        QuotaForecast f = forecast(plan("A", null, "2027-01-01T00:00:00Z", 100 * GIB, 400 * GIB),
                plan("B", "2026-10-22T00:00:00Z", "2027-01-01T00:00:00Z", 500 * GIB, 400 * GIB));
        assertEquals(Outcome.NO_PACE_YET, f.plans().get(0).outcome());
        assertEquals(Outcome.NO_PACE_YET, f.plans().get(1).outcome());
        assertEquals(PaceSource.NONE, f.pool().source());
        List<String> lines = ForecastText.lines(f, List.of(plan("A", null, "2027-01-01T00:00:00Z", 100 * GIB, 400 * GIB),
                plan("B", "2026-10-22T00:00:00Z", "2027-01-01T00:00:00Z", 500 * GIB, 400 * GIB)));
        assertEquals("Forecast of plan A \"A\": its use cannot be measured (it has no StartTime); no pace yet, it ends "
                + "2027-01-01T00:00:00Z", lines.get(0));
        assertEquals("Forecast of plan B \"B\": its use cannot be measured (more left than its total); no pace yet, it "
                + "ends 2027-01-01T00:00:00Z", lines.get(1));
        assertEquals("Days left (pool): cannot be told, no pace yet (no data transfer used in the counted plans since "
                + "they started)", lines.get(2));
    }

    @Test
    public void aPlanStartedMomentsAgoIsMeasuredOverAMinuteAndItsBurstCountsInFull() {
        // 1 GiB used in the 10 seconds since purchase: measured over 60 s, 1440 GiB/day, not smoothed away
        QuotaForecast f = forecast(plan("A", "2026-11-20T23:59:50Z", "2027-01-01T00:00:00Z", 99 * GIB, 100 * GIB));
        assertEquals(1440 * (double) GIB, f.plans().get(0).bytesPerDay(), 1);
        assertEquals(99.0 / 1440, f.pool().daysLeft(), 1e-6);
        assertEquals(60.0 / 86400, f.plans().get(0).measuredDays(), 1e-12);
        assertTrue(ForecastText.lines(f, List.of(plan("A", "2026-11-20T23:59:50Z", "2027-01-01T00:00:00Z", 99 * GIB,
                100 * GIB))).get(0).startsWith("Forecast of plan A \"A\": used 1.0 GiB (1073741824 bytes) since it "
                + "started 2026-11-20T23:59:50Z, about 1.4 TiB/day (measured over 1 minute only: a burst counts in full); "));
        // five hours: the same note, in hours
        QuotaForecast young = forecast(plan("A", "2026-11-20T19:00:00Z", "2027-01-01T00:00:00Z", 99 * GIB, 100 * GIB));
        assertTrue(ForecastText.lines(young, List.of(plan("A", "2026-11-20T19:00:00Z", "2027-01-01T00:00:00Z", 99 * GIB,
                100 * GIB))).get(0).contains("(measured over 5 hours only: a burst counts in full)"));
        // a day or more: no note
        QuotaForecast day = forecast(plan("A", "2026-11-20T00:00:00Z", "2027-01-01T00:00:00Z", 99 * GIB, 100 * GIB));
        assertTrue(ForecastText.lines(day, List.of(plan("A", "2026-11-20T00:00:00Z", "2027-01-01T00:00:00Z", 99 * GIB,
                100 * GIB))).get(0).startsWith("Forecast of plan A \"A\": used 1.0 GiB (1073741824 bytes) since it "
                + "started 2026-11-20T00:00:00Z, about 1.0 GiB/day; "));
    }

    @Test
    public void aPaceTooSlowToEndBeforeTheYear9999HasNoRunOutDate() {
        // 1 byte used in 30 days, 1 TiB left, no end: billions of years
        QuotaForecast f = forecast(plan("A", "2026-10-22T00:00:00Z", null, 1L << 40, (1L << 40) + 1));
        assertNull(f.plans().get(0).runOutAt());
        assertNull(f.pool().runOutAt());
        assertTrue(f.pool().daysLeft() > 1e12);
        assertTrue(ForecastText.lines(f, List.of(plan("A", "2026-10-22T00:00:00Z", null, 1L << 40, (1L << 40) + 1)))
                .get(1).contains("data transfer lasts beyond the year 9999"));
    }

    @Test
    public void noCountedPlanIsNoPace() {
        ResourcePlan requests = new ResourcePlan("H", "cdnhttpsbag", "h", "t", "valid", "2026-10-22T00:00:00Z", null,
                "1", "2", ResourcePlan.Unit.REQUESTS, 1L, 2L, true, null);
        QuotaForecast f = Forecaster.forecast(List.of(requests), NOW, null, 0L, null, null, null, null);
        assertTrue(f.plans().isEmpty());
        assertEquals(PaceSource.NONE, f.pool().source());
        assertEquals("no pace yet (no counted data-transfer plan)", ForecastText.noPace(f));
    }

    @Test
    public void readingsInTheFutureOrOlderThan30DaysAndSpansUnderADayAreNotAPace() {
        ResourcePlan a = plan("A", "2026-10-22T00:00:00Z", "2027-01-01T00:00:00Z", 100 * GIB, 400 * GIB);
        List<Reading> skewed = List.of(new Reading(Instant.parse("2026-10-01T00:00:00Z"), 900 * GIB),
                new Reading(Instant.parse("2026-11-22T00:00:00Z"), 800 * GIB),
                new Reading(Instant.parse("2026-11-20T12:00:00Z"), 120 * GIB),
                new Reading(Instant.parse("2026-11-20T18:00:00Z"), 110 * GIB));
        QuotaForecast f = Forecaster.forecast(List.of(a), NOW, skewed, 0L, null, null, null, null);
        // 2 readings within 30 days, but with now they span 12 hours only: the plans' pace
        assertEquals(PaceSource.PLANS_SINCE_START, f.pool().source());
    }

    @Test
    public void daysAreShownRoundedDownToATenth() {
        assertEquals("9.9 days", ForecastText.days(9.99));
        assertEquals("10.0 days", ForecastText.days(10.0));
        assertEquals("0.0 days", ForecastText.days(0.04));
        assertEquals("1 day", ForecastText.days(1));
    }

    @Test
    public void aPoolWhoseLastPlanEndsWithCapacityLeftLastsUntilThenAndDoesNotRunOut() {
        // A: 10 GiB/day, 100 GiB left, ends in 5 days: 50 GiB used, 50 GiB expires unused
        QuotaForecast f = forecast(plan("A", "2026-10-22T00:00:00Z", "2026-11-26T00:00:00Z", 100 * GIB, 400 * GIB));
        assertEquals(PoolForecast.Ending.LAST_PLAN_EXPIRES, f.pool().ending());
        assertTrue(!f.pool().usedUpAtEnd());
        assertEquals("lasts until 2026-11-26T00:00:00Z, 50 GiB " + ForecastText.EXPIRES_UNUSED,
                ForecastText.poolEnd(f.pool().usedUpAtEnd(), f.pool().runOutAt(), f.pool().unusedAtExpiryBytes(),
                        ForecastText::date, b -> b / GIB + " GiB"));
    }

    @Test
    public void aPoolWhoseLastPlanIsUsedUpRunsOut() {
        QuotaForecast f = forecast(plan("A", "2026-10-22T00:00:00Z", "2027-01-01T00:00:00Z", 100 * GIB, 400 * GIB));
        assertEquals(PoolForecast.Ending.USED_UP, f.pool().ending());
        assertEquals("runs out 2026-12-01T00:00:00Z", ForecastText.poolEnd(f.pool().usedUpAtEnd(), f.pool().runOutAt(),
                f.pool().unusedAtExpiryBytes(), ForecastText::date, b -> b / GIB + " GiB"));
    }

    @Test
    public void theDrainPathFallsAtThePoolsPaceAndDropsWhereAPlanEndsUnused() {
        // docs/gates.md: A (10 GiB/day) ends 2026-11-26 with 50 GiB unused, then B's 1000 GiB lasts 100 days
        QuotaForecast f = forecast(plan("A", "2026-10-22T00:00:00Z", "2026-11-26T00:00:00Z", 100 * GIB, 400 * GIB),
                plan("B", "2026-11-01T00:00:00Z", "2027-11-01T00:00:00Z", 1000 * GIB, 1000 * GIB));
        assertEquals(List.of(new DrainStep(NOW, 1100 * GIB),
                new DrainStep(Instant.parse("2026-11-26T00:00:00Z"), 1050 * GIB),
                new DrainStep(Instant.parse("2026-11-26T00:00:00Z"), 1000 * GIB),
                new DrainStep(Instant.parse("2027-03-06T00:00:00Z"), 0)), f.drainPath());
        assertEquals(PoolForecast.Ending.USED_UP, f.pool().ending());
    }

    @Test
    public void theDrainPathEndsWithTheDropOfALastPlanEndingUnused() {
        QuotaForecast f = forecast(plan("A", "2026-10-22T00:00:00Z", "2026-11-26T00:00:00Z", 100 * GIB, 400 * GIB));
        assertEquals(List.of(new DrainStep(NOW, 100 * GIB),
                new DrainStep(Instant.parse("2026-11-26T00:00:00Z"), 50 * GIB),
                new DrainStep(Instant.parse("2026-11-26T00:00:00Z"), 0)), f.drainPath());
    }

    @Test
    public void withoutAPaceThereIsNoDrainPathNorEnding() {
        QuotaForecast f = forecast(plan("A", "2026-10-22T00:00:00Z", "2027-01-01T00:00:00Z", 400 * GIB, 400 * GIB));
        assertTrue(f.drainPath().isEmpty());
        assertNull(f.pool().ending());
    }
}
