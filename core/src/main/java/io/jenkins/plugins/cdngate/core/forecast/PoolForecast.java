package io.jenkins.plugins.cdngate.core.forecast;

import java.time.Instant;

/**
 * The forecast of the pool of counted data-transfer plans.
 *
 * @param source              where the pace came from
 * @param bytesPerDay         the pool's pace; null when there is no pace yet
 * @param daysLeft            days of data transfer left at that pace; null when there is no pace yet
 * @param runOutAt            when the pool is used up or its last plan has ended at that pace (the latest
 *                            {@link PlanForecast#runOutAt()}); null when there is no pace yet or beyond the year 9999
 * @param unusedAtExpiryBytes bytes the pool loses to plans expiring before they are used up: the sum of the plans'
 *                            {@link PlanForecast#unusedAtExpiryBytes()}; null when no pace
 * @param readingsUsed        how many history readings (including this run's) gave the pace; 0 unless HISTORY
 * @param historyNotUsed      why earlier readings were given but gave no pace, e.g. {@code 2 earlier readings and this
 *                            run's span under a day}; null when none were given or they gave the pace
 */
public record PoolForecast(PaceSource source, Double bytesPerDay, Double daysLeft, Instant runOutAt,
                           Long unusedAtExpiryBytes, int readingsUsed, String historyNotUsed) {

    /** A pool forecast with nothing to say about earlier readings. */
    public PoolForecast(PaceSource source, Double bytesPerDay, Double daysLeft, Instant runOutAt,
                        Long unusedAtExpiryBytes, int readingsUsed) {
        this(source, bytesPerDay, daysLeft, runOutAt, unusedAtExpiryBytes, readingsUsed, null);
    }

    /** Where a pace came from. */
    public enum PaceSource {
        /** Two or more readings within the last 30 days (the recent pace). */
        HISTORY,
        /** The plans' own average use since each one started. */
        PLANS_SINCE_START,
        /** No consumption seen yet: no pace. */
        NONE
    }
}
