package io.jenkins.plugins.cdngate.core.forecast;

import java.time.Instant;

/**
 * The forecast of one counted data-transfer plan at its own average pace since it started.
 *
 * @param instanceId          the plan's InstanceId
 * @param bytesPerDay         average use per day since StartTime; null when there is no pace yet
 * @param runOutAt            when the plan is empty at that pace; null when there is no pace yet
 * @param endsAt              the plan's EndTime; null when unknown
 * @param unusedAtExpiryBytes bytes still left when it expires at that pace (0 when it runs out first); null
 *                            when there is no pace yet or no end time
 * @param outcome             which of the above applies
 */
public record PlanForecast(String instanceId, Double bytesPerDay, Instant runOutAt, Instant endsAt,
                           Long unusedAtExpiryBytes, Outcome outcome) {

    /** How a plan ends at its pace. */
    public enum Outcome {
        /** Empty before its EndTime at the pace. */
        RUNS_OUT_BEFORE_EXPIRY,
        /** Still holds capacity at its EndTime; that capacity is lost. */
        LEAVES_UNUSED_AT_EXPIRY,
        /** Nothing used yet (or started too recently / no usable dates): no pace, no projection. */
        NO_PACE_YET
    }
}
