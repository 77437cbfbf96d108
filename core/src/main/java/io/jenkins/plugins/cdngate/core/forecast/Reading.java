package io.jenkins.plugins.cdngate.core.forecast;

import java.time.Instant;
import java.util.Objects;

/**
 * One earlier observation of the pool: the data transfer left in the counted data-transfer plans at a moment.
 *
 * @param at             when it was observed
 * @param remainingBytes bytes left in the counted data-transfer plans then, >= 0
 */
public record Reading(Instant at, long remainingBytes) {
    /** @throws IllegalArgumentException with a one-line message */
    public Reading {
        Objects.requireNonNull(at, "at");
        if (remainingBytes < 0) {
            throw new IllegalArgumentException("remainingBytes must be 0 or more, not " + remainingBytes);
        }
    }
}
