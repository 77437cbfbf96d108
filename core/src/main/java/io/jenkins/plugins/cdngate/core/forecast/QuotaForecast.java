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
 */
public record QuotaForecast(List<PlanForecast> plans, PoolForecast pool, Long minBytes, Long warnBytes,
                            Integer minDaysLeft, Integer warnDaysLeft, Reading reading) {
    public QuotaForecast {
        plans = plans == null ? List.of() : List.copyOf(plans);
    }

    /** Without this run's reading (nothing to record). */
    public QuotaForecast(List<PlanForecast> plans, PoolForecast pool, Long minBytes, Long warnBytes,
                         Integer minDaysLeft, Integer warnDaysLeft) {
        this(plans, pool, minBytes, warnBytes, minDaysLeft, warnDaysLeft, null);
    }
}
