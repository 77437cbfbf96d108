package io.jenkins.plugins.cdngate.core.forecast;

import io.jenkins.plugins.cdngate.core.ResourcePlan;
import io.jenkins.plugins.cdngate.core.Sizes;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The words for a forecast, shared by the gate's findings and the report's lines so that no line says a number
 * another line says differently: days are shown rounded <em>down</em> to a tenth (29.97 days is "29.9 days", below a
 * 30-day minimum as the verdict says), times as ISO-8601 UTC to the second.
 */
public final class ForecastText {
    private ForecastText() {
    }

    /** {@code 45.2 days}, rounded down to a tenth. */
    public static String days(double days) {
        return BigDecimal.valueOf(days).setScale(1, RoundingMode.FLOOR).toPlainString() + " days";
    }

    /** {@code 30 days}, {@code 1 day}. */
    public static String days(int days) {
        return days + (days == 1 ? " day" : " days");
    }

    /** {@code 3.3 GiB/day}; never {@code 0 B/day} for a pace above zero. */
    public static String perDay(double bytesPerDay) {
        return Sizes.brief(Math.max(1, Math.round(bytesPerDay))) + "/day";
    }

    /** {@code 2027-01-06T13:20:00Z}. */
    public static String date(Instant at) {
        return at.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** Where the pool's pace came from, in words. */
    public static String source(PoolForecast pool) {
        return switch (pool.source()) {
            case HISTORY -> "the recent pace from " + pool.readingsUsed() + " readings within the last "
                    + Forecaster.HISTORY_WINDOW.toDays() + " days";
            case PLANS_SINCE_START -> pool.historyNotUsed() == null ? "the plans' average pace since they started"
                    : pool.historyNotUsed() + ", so the plans' average pace since they started is used";
            case NONE -> "no pace yet";
        };
    }

    /** {@code at 3.3 GiB/day (the plans' average pace since they started)}. */
    public static String atPace(PoolForecast pool) {
        return "at " + perDay(pool.bytesPerDay()) + " (" + source(pool) + ")";
    }

    /** Why there is no pool pace: {@code no pace yet (...)}. */
    public static String noPace(QuotaForecast forecast) {
        String history = forecast.pool() == null || forecast.pool().historyNotUsed() == null ? ""
                : "; " + forecast.pool().historyNotUsed();
        return forecast.plans().isEmpty() ? "no pace yet (no counted data-transfer plan" + history + ")"
                : "no pace yet (no data transfer used in the counted plans since they started" + history + ")";
    }

    /** What an amount lost to expiry is, after the amount: the same words on every surface. */
    public static final String EXPIRES_UNUSED = "expires unused in plans that end before they are used up";

    /**
     * How the pool ends, in the words every surface uses: {@code runs out <date>} only when the pool is used up then
     * (and {@code ; <amount> expires unused in plans ...} when earlier plans lose some), else {@code lasts until <date>,
     * <amount> expires unused in plans ...}: its last plan ends with capacity left, so nothing runs out.
     *
     * @param usedUp whether the pool is used up at {@code at} ({@link PoolForecast#usedUpAtEnd()})
     * @param at     the pool's end ({@link PoolForecast#runOutAt()}), not null
     * @param unused what expires unused in the drain, in bytes; null or 0 for nothing
     * @param date   how a surface writes a date
     * @param size   how a surface writes an amount
     */
    public static String poolEnd(boolean usedUp, Instant at, Long unused, java.util.function.Function<Instant, String> date,
                                 java.util.function.LongFunction<String> size) {
        long lost = unused == null ? 0 : unused;
        if (usedUp) {
            return "runs out " + date.apply(at) + (lost > 0 ? "; " + size.apply(lost) + " " + EXPIRES_UNUSED : "");
        }
        return "lasts until " + date.apply(at) + ", " + size.apply(lost) + " " + EXPIRES_UNUSED;
    }

    /** {@code in the pool's drain (earliest-expiry first, at the pool's pace)}: where every plan projection comes from. */
    public static final String DRAIN = "in the pool's drain (earliest-expiry first, at the pool's pace)";

    /**
     * The lines (without prefix) of a forecast: one per counted data-transfer plan, then the pool. A plan's line gives
     * what it used since it started (measured) and then its part of the pool's drain (the one projection); the pool
     * line sums the same drain, so no two lines give a plan two fates.
     */
    public static List<String> lines(QuotaForecast f, List<ResourcePlan> plans) {
        List<String> out = new ArrayList<>();
        Instant first = f.plans().stream().map(PlanForecast::turnAt).filter(java.util.Objects::nonNull)
                .min(Instant::compareTo).orElse(null);
        // each counted data-transfer plan by InstanceId, the first one when two share an id (once, not per line)
        java.util.Map<String, ResourcePlan> byId = new java.util.HashMap<>();
        for (ResourcePlan x : plans) {
            if (x.counted() && x.unit() == ResourcePlan.Unit.BYTES) {
                byId.putIfAbsent(x.instanceId(), x);
            }
        }
        for (PlanForecast p : f.plans()) {
            ResourcePlan plan = byId.get(p.instanceId());
            out.add("Forecast of plan " + name(p, plan) + ": " + used(p, plan) + "; "
                    + (usedUp(p, plan) ? DRAIN + " " + USED_UP + ", " + (p.endsAt() == null ? "it has no end date"
                    : "it ends " + date(p.endsAt())) : projection(p, first)));
        }
        out.add(pool(f));
        return out;
    }

    /** What a plan with nothing left is: {@code it is used up already (0 bytes left)}. */
    public static final String USED_UP = "it is used up already (0 bytes left)";

    /** Whether the drain found the plan used up already (nothing left now): it has no run-out date ahead. */
    public static boolean usedUp(PlanForecast p, ResourcePlan plan) {
        return p.outcome() == PlanForecast.Outcome.RUNS_OUT_BEFORE_EXPIRY && plan != null && plan.remaining() != null
                && plan.remaining() <= 0;
    }

    /** What the plan used since it started, as measured: {@code used 300.0 GiB (...) since it started ..., about ...}. */
    private static String used(PlanForecast p, ResourcePlan plan) {
        Instant start = plan == null ? null : Forecaster.time(plan.startTime());
        if (p.bytesPerDay() == null) {
            if (plan == null || plan.total() == null || plan.remaining() == null) {
                return "its use cannot be measured (its capacity is unknown)";
            } else if (start == null) {
                return "its use cannot be measured (it has no StartTime)";
            } else if (plan.remaining() > plan.total()) {
                return "its use cannot be measured (more left than its total)";
            } else if (plan.remaining().equals(plan.total())) {
                return "nothing used since it started " + date(start);
            }
            return "its use cannot be measured";
        }
        StringBuilder s = new StringBuilder("used ");
        if (plan != null && plan.total() != null && plan.remaining() != null) {
            s.append(Sizes.human(plan.total() - plan.remaining())).append(' ');
        }
        s.append("since it started ").append(start == null ? "(unknown)" : date(start)).append(", about ")
                .append(perDay(p.bytesPerDay()));
        if (p.measuredDays() != null && p.measuredDays() < 1) {
            long minutes = Math.round(p.measuredDays() * 24 * 60);
            s.append(" (measured over ").append(minutes == 1 ? "1 minute"
                    : minutes < 120 ? minutes + " minutes" : minutes / 60 + " hours")
                    .append(" only: a burst counts in full)");
        }
        return s.toString();
    }

    /** The plan's part of the pool's drain, or "no pace yet". */
    private static String projection(PlanForecast p, Instant first) {
        String ends = p.endsAt() == null ? "it has no end date" : "it ends " + date(p.endsAt());
        if (p.outcome() == null || p.outcome() == PlanForecast.Outcome.NO_PACE_YET) {
            return "no pace yet, " + ends;
        }
        StringBuilder s = new StringBuilder(DRAIN).append(" it is drawn ");
        s.append(p.turnAt() == null ? "after the year 9999" : p.turnAt().equals(first) ? "first"
                : "from " + date(p.turnAt()));
        if (p.outcome() == PlanForecast.Outcome.LEAVES_UNUSED_AT_EXPIRY) {
            s.append(" and ends ").append(date(p.endsAt())).append(" with ")
                    .append(Sizes.human(p.unusedAtExpiryBytes())).append(" unused");
        } else if (p.runOutAt() == null) {
            s.append(" and lasts beyond the year 9999 (").append(ends).append(')');
        } else {
            s.append(" and runs out ").append(date(p.runOutAt()))
                    .append(p.endsAt() == null ? " (it has no end date)" : ", before it ends " + date(p.endsAt()));
        }
        return s.toString();
    }

    private static String pool(QuotaForecast f) {
        PoolForecast pool = f.pool();
        if (pool.daysLeft() == null && f.plans().isEmpty()) {
            return "Days left (pool): none, no counted data-transfer plan holds any data transfer (so no pace either)";
        }
        if (pool.daysLeft() == null) {
            return "Days left (pool): cannot be told, " + noPace(f);
        }
        StringBuilder s = new StringBuilder("Days left (pool): ").append(days(pool.daysLeft())).append(' ')
                .append(atPace(pool)).append(", plans used earliest-expiry first: data transfer lasts ");
        s.append(pool.runOutAt() == null ? "beyond the year 9999" : "until " + date(pool.runOutAt()));
        long unused = pool.unusedAtExpiryBytes() == null ? 0 : pool.unusedAtExpiryBytes();
        s.append(unused > 0 ? "; " + Sizes.human(unused) + " expires unused in plans that end before they are used up"
                : "; nothing expires unused");
        return s.toString();
    }

    private static String name(PlanForecast p, ResourcePlan plan) {
        String id = p.instanceId() == null || p.instanceId().isBlank() ? "(none)" : p.instanceId().trim();
        if (plan == null || plan.displayName() == null || plan.displayName().isBlank()) {
            return id;
        }
        return id + " \"" + plan.displayName().trim() + "\"";
    }
}
