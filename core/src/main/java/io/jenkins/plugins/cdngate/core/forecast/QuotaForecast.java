package io.jenkins.plugins.cdngate.core.forecast;

import java.util.List;

/**
 * How long the counted data-transfer plans last, per plan and for the pool, plus the gate's thresholds so a
 * renderer can draw markers from a report alone.
 *
 * @param plans        one entry per counted data-transfer plan
 * @param pool         the pool
 * @param minBytes     the gate's minBytes; null when not a require-quota gate
 * @param warnBytes    the gate's warnBytes; null when not set
 * @param minDaysLeft  the gate's minDaysLeft; null when not set
 * @param warnDaysLeft the gate's warnDaysLeft; null when not set
 * @param reading      this run's observation of the pool, to be recorded as history; null when it is not verified
 *                     (the plan list was not read fully, a plan's capacity or dates were unreadable, the plan filter
 *                     matched nothing, or the sum overflowed), so an unverified number never becomes history
 * @param drainPath    the pool's remaining over time at the pool's pace through the plans earliest-expiry first: this
 *                     run's (now, remaining), then where each plan is used up or ends (a plan ending with capacity left
 *                     adds a second step at the same instant: the drop by what expires unused), ending at 0; at most
 *                     two steps per counted plan after the first. Empty when there is no pace yet; stops at the year 9999
 */
public record QuotaForecast(List<PlanForecast> plans, PoolForecast pool, Long minBytes, Long warnBytes,
                            Integer minDaysLeft, Integer warnDaysLeft, Reading reading, List<DrainStep> drainPath) {
    public QuotaForecast {
        plans = plans == null ? List.of() : List.copyOf(plans);
        drainPath = drainPath == null ? List.of() : List.copyOf(drainPath);
    }

    /** Without the drain's path (none drawn). */
    public QuotaForecast(List<PlanForecast> plans, PoolForecast pool, Long minBytes, Long warnBytes,
                         Integer minDaysLeft, Integer warnDaysLeft, Reading reading) {
        this(plans, pool, minBytes, warnBytes, minDaysLeft, warnDaysLeft, reading, null);
    }

    /** Without this run's reading (nothing to record). */
    public QuotaForecast(List<PlanForecast> plans, PoolForecast pool, Long minBytes, Long warnBytes,
                         Integer minDaysLeft, Integer warnDaysLeft) {
        this(plans, pool, minBytes, warnBytes, minDaysLeft, warnDaysLeft, null, null);
    }
}
