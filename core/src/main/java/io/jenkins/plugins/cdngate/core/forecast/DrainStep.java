package io.jenkins.plugins.cdngate.core.forecast;

import java.time.Instant;
import java.util.Objects;

/**
 * One corner of the pool's drain over time ({@link QuotaForecast#drainPath()}): the data transfer left in the counted
 * plans at {@code at}, at the pool's pace through the plans earliest-expiry first. Between two steps the pool drains in
 * a straight line at the pool's pace; two steps at the same instant are a drop: a plan ending with that much unused.
 *
 * @param at             the moment
 * @param remainingBytes data transfer left in the pool then, 0 or more
 */
public record DrainStep(Instant at, long remainingBytes) {
    /** @throws IllegalArgumentException for a negative amount */
    public DrainStep {
        Objects.requireNonNull(at, "at");
        if (remainingBytes < 0) {
            throw new IllegalArgumentException("remainingBytes must be 0 or more, not " + remainingBytes);
        }
    }
}
