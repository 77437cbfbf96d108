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
 * @param ending              how the pool ends at {@code runOutAt}: used up, or its last plan expires with capacity
 *                            left; null when there is no pace yet (or unknown: a forecast made without it)
 */
public record PoolForecast(PaceSource source, Double bytesPerDay, Double daysLeft, Instant runOutAt,
                           Long unusedAtExpiryBytes, int readingsUsed, String historyNotUsed, Ending ending) {

    /** Without how the pool ends (unknown). */
    public PoolForecast(PaceSource source, Double bytesPerDay, Double daysLeft, Instant runOutAt,
                        Long unusedAtExpiryBytes, int readingsUsed, String historyNotUsed) {
        this(source, bytesPerDay, daysLeft, runOutAt, unusedAtExpiryBytes, readingsUsed, historyNotUsed, null);
    }

    /** A pool forecast with nothing to say about earlier readings. */
    public PoolForecast(PaceSource source, Double bytesPerDay, Double daysLeft, Instant runOutAt,
                        Long unusedAtExpiryBytes, int readingsUsed) {
        this(source, bytesPerDay, daysLeft, runOutAt, unusedAtExpiryBytes, readingsUsed, null, null);
    }

    /**
     * Whether the pool is used up at {@link #runOutAt()} ("runs out"), not left with capacity by its last plan's expiry
     * ("lasts until ..., ... expires unused"). Unknown ({@link #ending()} null) reads as used up, as before it was told.
     */
    public boolean usedUpAtEnd() {
        return ending != Ending.LAST_PLAN_EXPIRES;
    }

    /** How the pool's drain ends. */
    public enum Ending {
        /** The last plan in the drain is used up: the data transfer runs out then. */
        USED_UP,
        /** The last plan in the drain reaches its EndTime with capacity left: that expires unused, nothing runs out. */
        LAST_PLAN_EXPIRES
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
