package io.jenkins.plugins.cdngate.core.forecast;

import java.time.Instant;

/**
 * One counted data-transfer plan: what it used so far (a measured fact) and its part in the pool's drain (the one
 * projection of the report). The projection is the pool's: the pool's pace drawn through the plans one after another,
 * the earliest EndTime first (docs/gates.md, "Days left"), so the plans' {@code unusedAtExpiryBytes} add up to the
 * pool's, and the last plan's {@code runOutAt} is the pool's. A plan's own past pace says how it was used; it is
 * never projected on its own.
 *
 * @param instanceId          the plan's InstanceId
 * @param bytesPerDay         the plan's own average use per day since its StartTime (measured, not projected); null when
 *                            nothing was used yet, or there is no StartTime or usable capacity
 * @param runOutAt            when the drain is done with the plan: the moment it is used up
 *                            ({@link Outcome#RUNS_OUT_BEFORE_EXPIRY}), or its EndTime when it ends with capacity left
 *                            ({@link Outcome#LEAVES_UNUSED_AT_EXPIRY}); null when the pool has no pace yet or beyond the
 *                            year 9999
 * @param endsAt              the plan's EndTime; null when unknown
 * @param unusedAtExpiryBytes bytes still left when it expires in the drain (0 when it is used up first), its share of
 *                            the pool's unused amount; null when the pool has no pace yet
 * @param outcome             which of the above applies
 * @param measuredDays        the time its own pace was measured over (since StartTime, at least a minute), in days; null
 *                            when it has no pace of its own. Under a day the pace is young: a burst right after purchase
 *                            counts in full (the conservative reading), and the report says so
 * @param turnAt              when the drain starts drawing on the plan: now for the first plan, else when the plan before
 *                            it is used up or ends; null when the pool has no pace yet or beyond the year 9999
 */
public record PlanForecast(String instanceId, Double bytesPerDay, Instant runOutAt, Instant endsAt,
                           Long unusedAtExpiryBytes, Outcome outcome, Double measuredDays, Instant turnAt) {

    /** Without the drain's turn (unknown). */
    public PlanForecast(String instanceId, Double bytesPerDay, Instant runOutAt, Instant endsAt,
                        Long unusedAtExpiryBytes, Outcome outcome, Double measuredDays) {
        this(instanceId, bytesPerDay, runOutAt, endsAt, unusedAtExpiryBytes, outcome, measuredDays, null);
    }

    /** Without the measuring window and the drain's turn (unknown). */
    public PlanForecast(String instanceId, Double bytesPerDay, Instant runOutAt, Instant endsAt,
                        Long unusedAtExpiryBytes, Outcome outcome) {
        this(instanceId, bytesPerDay, runOutAt, endsAt, unusedAtExpiryBytes, outcome, null, null);
    }

    /** How a plan ends in the pool's drain. */
    public enum Outcome {
        /** Used up before its EndTime. */
        RUNS_OUT_BEFORE_EXPIRY,
        /** Still holds capacity at its EndTime; that capacity is lost. */
        LEAVES_UNUSED_AT_EXPIRY,
        /** The pool has no pace yet (nothing used in any counted plan, no usable history): no projection. */
        NO_PACE_YET
    }
}
