package io.jenkins.plugins.cdngate.core.forecast;

import io.jenkins.plugins.cdngate.core.ResourcePlan;
import io.jenkins.plugins.cdngate.core.forecast.PlanForecast.Outcome;
import io.jenkins.plugins.cdngate.core.forecast.PoolForecast.PaceSource;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * How long the counted data-transfer plans last. The model, with worked numbers, is in docs/gates.md
 * ("Days left"); in short:
 * <ul>
 *   <li>A plan's own pace is its average use since its StartTime: {@code (InitCapacity - CurrCapacity) / (now -
 *       StartTime)}. Nothing used yet (or remaining above total, or no StartTime) is no pace: never a made-up
 *       number. A plan that started moments ago is measured over at least {@value #MIN_ELAPSED_SECONDS} seconds;
 *       a young plan's pace is taken as measured (a burst reads as a high pace, the conservative reading).</li>
 *   <li>The pool's pace is the recent pace from earlier readings when at least {@value #MIN_HISTORY_READINGS}
 *       readings lie within the last 30 days, span at least a day (with this run's reading) and show use;
 *       otherwise the sum of the plans' paces (an unused plan adds nothing).</li>
 *   <li>The pool drains at that pace through the plans one after another, the earliest EndTime first (Alibaba
 *       consumes plans earliest-expiry first); a plan that ends before it is used up loses the rest, which does not
 *       count toward days left. Days left = until the last plan is used up or has ended.</li>
 *   <li>Each plan's projection (when it runs out, what it leaves unused, which comes first) is its part of that one
 *       drain: the plans' unused amounts add up to the pool's, and the last plan is done when the pool is. A plan's
 *       own pace is reported as measured (how it was used), never projected on its own (it is not how it will be
 *       used: the deduction order decides that).</li>
 * </ul>
 * Pure computation: no I/O, no clock of its own.
 */
public final class Forecaster {
    /** Readings older than this are not used for the recent pace. */
    public static final Duration HISTORY_WINDOW = Duration.ofDays(30);
    /** Earlier readings needed (within {@link #HISTORY_WINDOW}) for a recent pace. */
    public static final int MIN_HISTORY_READINGS = 2;
    /** The readings (with this run's) must span at least this long to give a pace. */
    public static final Duration MIN_HISTORY_SPAN = Duration.ofDays(1);
    /** A plan younger than this is measured over this long (no division by zero, no infinite pace). */
    public static final long MIN_ELAPSED_SECONDS = 60;

    static final double SECONDS_PER_DAY = 86_400d;
    /** Beyond this, a run-out date is not given (ISO-8601 years have four digits). */
    private static final Instant LAST_DATE = Instant.parse("9999-12-31T23:59:59Z");

    private Forecaster() {
    }

    /**
     * The forecast from the plans as the gate judged them (only counted data-transfer plans with a readable
     * capacity are used), earlier readings and the gate's thresholds.
     *
     * @param plans   every plan of the report; the counted {@link ResourcePlan.Unit#BYTES} ones are forecast
     * @param now     the gate's clock
     * @param history earlier readings, any order; null = none
     * @param reading this run's reading when verified (recorded as history by front ends), else null
     */
    public static QuotaForecast forecast(List<ResourcePlan> plans, Instant now, List<Reading> history, Long minBytes,
                                         Long warnBytes, Integer minDaysLeft, Integer warnDaysLeft, Reading reading) {
        // each plan's times parsed once (parsing dominates the cost with many plans; docs/performance.md)
        List<Dated> counted = new ArrayList<>();
        for (ResourcePlan p : plans) {
            if (p.counted() && p.unit() == ResourcePlan.Unit.BYTES && p.remaining() != null) {
                counted.add(Dated.of(p, now));
            }
        }
        double plansPace = 0;
        double remaining = 0;
        for (Dated d : counted) {
            if (d.pace() != null) {
                plansPace += d.pace();
            }
            remaining += d.plan().remaining();
        }
        PaceSource source = PaceSource.NONE;
        double pace = 0;
        int readingsUsed = 0;
        List<Reading> recent = recent(history, now);
        int earlier = recent.size();
        String historyNotUsed = null;
        if (earlier >= MIN_HISTORY_READINGS) {
            recent.add(new Reading(now, (long) Math.min(remaining, Long.MAX_VALUE)));
            double historyPace = historyPace(recent);
            if (historyPace > 0) {
                source = PaceSource.HISTORY;
                pace = historyPace;
                readingsUsed = recent.size();
            } else {
                historyNotUsed = earlier + " earlier readings and this run's "
                        + (seconds(recent.get(0).at(), now) < MIN_HISTORY_SPAN.getSeconds() ? "span under a day"
                        : "show no use");
            }
        } else if (history != null && history.stream().anyMatch(java.util.Objects::nonNull)) {
            historyNotUsed = (earlier == 0 ? "no earlier reading" : earlier + " earlier reading")
                    + " within the last " + HISTORY_WINDOW.toDays() + " days (" + MIN_HISTORY_READINGS + " needed)";
        }
        if (source == PaceSource.NONE && plansPace > 0) {
            source = PaceSource.PLANS_SINCE_START;
            pace = plansPace;
        }
        if (source == PaceSource.NONE) {
            List<PlanForecast> perPlan = new ArrayList<>();
            for (Dated d : counted) {
                perPlan.add(new PlanForecast(d.plan().instanceId(), null, null, d.end(), null, Outcome.NO_PACE_YET,
                        null, null));
            }
            return new QuotaForecast(perPlan, new PoolForecast(PaceSource.NONE, null, null, null, null, 0,
                    historyNotUsed), minBytes,
                    warnBytes, minDaysLeft, warnDaysLeft, reading);
        }
        return drain(counted, now, pace, source, readingsUsed, historyNotUsed, minBytes, warnBytes, minDaysLeft, warnDaysLeft, reading);
    }

    /**
     * A counted plan with its StartTime and EndTime read (null when absent) and its own average pace since it started
     * (null when none) measured over {@code measuredDays}.
     */
    private record Dated(ResourcePlan plan, Instant start, Instant end, Double pace, Double measuredDays) {
        static Dated of(ResourcePlan p, Instant now) {
            Instant start = time(p.startTime());
            Double pace = paceSinceStart(p, start, now);
            Double measured = pace == null ? null
                    : Math.max(seconds(start, now), MIN_ELAPSED_SECONDS) / SECONDS_PER_DAY;
            return new Dated(p, start, time(p.endTime()), pace, measured);
        }
    }

    /** Bytes per day since StartTime; null when nothing was used, the start is unknown or the totals unusable. */
    static Double paceSinceStart(ResourcePlan p, Instant start, Instant now) {
        if (start == null || p.remaining() == null || p.total() == null || p.remaining() >= p.total()) {
            return null;
        }
        long used = p.total() - p.remaining();
        long elapsed = Math.max(seconds(start, now), MIN_ELAPSED_SECONDS);
        return used * SECONDS_PER_DAY / elapsed;
    }

    /** The readings within {@link #HISTORY_WINDOW} before {@code now} (none after it), oldest first. */
    static List<Reading> recent(List<Reading> history, Instant now) {
        List<Reading> recent = new ArrayList<>();
        if (history != null) {
            Instant from = now.minus(HISTORY_WINDOW);
            for (Reading r : history) {
                if (r != null && !r.at().isBefore(from) && r.at().isBefore(now)) {
                    recent.add(r);
                }
            }
        }
        recent.sort(Comparator.comparing(Reading::at));
        return recent;
    }

    /**
     * Bytes per day over the readings (oldest first): the sum of every drop between neighbours over the time from
     * the first to the last. A rise (a plan bought) adds nothing and hides no use before or after it; a drop because
     * a plan ended unused reads as use (too high a pace: the conservative side). 0 when they span less than
     * {@link #MIN_HISTORY_SPAN} or show no drop.
     */
    static double historyPace(List<Reading> readings) {
        double dropped = 0;
        for (int i = 1; i < readings.size(); i++) {
            dropped += Math.max(0, readings.get(i - 1).remainingBytes() - readings.get(i).remainingBytes());
        }
        long span = seconds(readings.get(0).at(), readings.get(readings.size() - 1).at());
        if (span < MIN_HISTORY_SPAN.getSeconds() || dropped <= 0) {
            return 0;
        }
        return dropped * SECONDS_PER_DAY / span;
    }

    /**
     * The pool drained at {@code pace} through the plans, the earliest EndTime first (none = never ends, last; equal
     * ends by InstanceId). Each plan's projection is its part of this one drain, so the plans' unused amounts add up to
     * the pool's and the last plan is done when the pool is. The plans keep the order of {@code counted}.
     */
    private static QuotaForecast drain(List<Dated> counted, Instant now, double pace, PaceSource source,
                                       int readingsUsed, String historyNotUsed, Long minBytes, Long warnBytes, Integer minDaysLeft,
                                       Integer warnDaysLeft, Reading reading) {
        List<Dated> order = new ArrayList<>(counted);
        order.sort(Comparator.comparing(Dated::end, Comparator.nullsLast(Comparator.<Instant>naturalOrder()))
                .thenComparing(d -> d.plan().instanceId() == null ? "" : d.plan().instanceId()));
        double perSecond = pace / SECONDS_PER_DAY;
        double t = 0;
        long unused = 0;
        PoolForecast.Ending ending = PoolForecast.Ending.USED_UP;
        long left = 0;
        for (Dated d : counted) {
            left = d.plan().remaining() > 0 && left > Long.MAX_VALUE - d.plan().remaining() ? Long.MAX_VALUE
                    : left + Math.max(0, d.plan().remaining());
        }
        // the pool over time: (now, left), then where each plan is used up or ends (the drop it leaves unused)
        List<DrainStep> path = new ArrayList<>();
        path.add(new DrainStep(now, left));
        boolean pathEnds = false;
        Map<Dated, PlanForecast> parts = new IdentityHashMap<>();
        for (Dated d : order) {
            ResourcePlan p = d.plan();
            Instant end = d.end();
            if (p.remaining() != null && p.remaining() <= 0) {
                // used up already: the drain is done with it now (not when its turn in the EndTime order would come)
                parts.put(d, new PlanForecast(p.instanceId(), d.pace(), now, end, 0L, Outcome.RUNS_OUT_BEFORE_EXPIRY,
                        d.measuredDays(), now));
                continue;
            }
            Instant turn = plus(now, t);
            double toEmpty = p.remaining() / perSecond;
            double toEnd = end == null ? Double.POSITIVE_INFINITY : seconds(now, end);
            PlanForecast part;
            if (t + toEmpty <= toEnd) {
                t += toEmpty;
                part = new PlanForecast(p.instanceId(), d.pace(), plus(now, t), end, 0L,
                        Outcome.RUNS_OUT_BEFORE_EXPIRY, d.measuredDays(), turn);
                ending = PoolForecast.Ending.USED_UP;
                left = Math.max(0, left - p.remaining());
                pathEnds = step(path, pathEnds, part.runOutAt(), left);
            } else {
                // Earliest-expiry first means t <= this plan's end here; what is left at its end is lost.
                long lost = unused(p.remaining(), perSecond * Math.max(0, toEnd - t));
                unused = unused > Long.MAX_VALUE - lost ? Long.MAX_VALUE : unused + lost;
                t = Math.max(t, toEnd);
                part = new PlanForecast(p.instanceId(), d.pace(), plus(now, t), end, lost,
                        Outcome.LEAVES_UNUSED_AT_EXPIRY, d.measuredDays(), turn);
                ending = PoolForecast.Ending.LAST_PLAN_EXPIRES;
                left = Math.max(0, left - (p.remaining() - lost));
                pathEnds = step(path, pathEnds, part.runOutAt(), left);
                left = Math.max(0, left - lost);
                pathEnds = step(path, pathEnds, part.runOutAt(), left);
            }
            parts.put(d, part);
        }
        List<PlanForecast> perPlan = new ArrayList<>();
        for (Dated d : counted) {
            perPlan.add(parts.get(d));
        }
        PoolForecast pool = new PoolForecast(source, pace, days(t), plus(now, t), unused, readingsUsed,
                source == PaceSource.HISTORY ? null : historyNotUsed, ending);
        return new QuotaForecast(perPlan, pool, minBytes, warnBytes, minDaysLeft, warnDaysLeft, reading, path);
    }

    /**
     * Adds a step to the drain's path unless it ended (a step beyond the year 9999 ends it) or the step repeats the last
     * one (a plan ending the moment its turn comes, with nothing used); returns whether the path has ended.
     */
    private static boolean step(List<DrainStep> path, boolean ended, Instant at, long left) {
        if (ended || at == null) {
            return true;
        }
        DrainStep last = path.get(path.size() - 1);
        if (!(last.at().equals(at) && last.remainingBytes() == left)) {
            path.add(new DrainStep(at, left));
        }
        return false;
    }

    /** What is left of {@code remaining} after {@code consumed}, rounded up, at least 1 (it is left) and at most all. */
    private static long unused(long remaining, double consumed) {
        double left = Math.ceil(remaining - consumed);
        return (long) Math.max(1, Math.min(remaining, left));
    }

    /**
     * Seconds as days, to a millionth of a day (under 0.1 s): a pace of 10 GiB/day over 100 GiB is 10.0 days, not
     * 9.9999999999 from binary fractions, so the gate's comparison and the rounded-down text agree with the numbers a
     * reader can check.
     */
    static double days(double seconds) {
        double days = seconds / SECONDS_PER_DAY;
        return days < 1e9 ? Math.round(days * 1e6) / 1e6 : days;
    }

    /** {@code now} plus seconds (rounded down: earlier is the conservative side); null beyond year 9999. */
    private static Instant plus(Instant now, double seconds) {
        if (!(seconds <= seconds(now, LAST_DATE))) {
            return null;
        }
        // + 1 ms: 2591999.9999999995 s from binary fractions is 30 days, not 29 days 23:59:59
        return now.plusSeconds((long) Math.floor(seconds + 0.001));
    }

    /**
     * Whole seconds from one instant to another. Not {@code Duration.between}: between instants centuries apart it
     * overflows its nanosecond count and recovers through a caught exception, tens of microseconds a call.
     */
    private static long seconds(Instant from, Instant to) {
        return to.getEpochSecond() - from.getEpochSecond();
    }

    /** ISO-8601 with offset, as the gate reads plan times; null when absent or unreadable (counted plans never are). */
    static Instant time(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.trim();
        Instant fast = utc(t);
        if (fast != null) {
            return fast;
        }
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * {@code 2026-11-21T00:00:00Z} or {@code 2026-11-21T00:00Z}, the forms Alibaba sends, read without a
     * DateTimeFormatter (which costs microseconds a plan; docs/performance.md); null for anything else, which then
     * goes through {@link OffsetDateTime#parse}, so both read the same text the same way.
     */
    private static Instant utc(String t) {
        int n = t.length();
        if ((n != 20 && n != 17) || t.charAt(n - 1) != 'Z' || t.charAt(4) != '-' || t.charAt(7) != '-'
                || t.charAt(10) != 'T' || t.charAt(13) != ':' || (n == 20 && t.charAt(16) != ':')) {
            return null;
        }
        int year = digits(t, 0, 4);
        int month = digits(t, 5, 2);
        int day = digits(t, 8, 2);
        int hour = digits(t, 11, 2);
        int minute = digits(t, 14, 2);
        int second = n == 20 ? digits(t, 17, 2) : 0;
        if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) {
            return null;
        }
        try {
            return java.time.LocalDateTime.of(year, month, day, hour, minute, second).toInstant(java.time.ZoneOffset.UTC);
        } catch (java.time.DateTimeException e) {
            return null; // e.g. month 13: the full parser decides (and refuses it)
        }
    }

    private static int digits(String t, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
