package io.jenkins.plugins.cdngate.core.picture;

import java.util.Objects;
import java.time.Instant;

/**
 * One build's reading of the pool, as the trend draws it.
 *
 * @param label          what names the build on the chart, e.g. {@code #12} (may be null)
 * @param at             when the build read the quota
 * @param remainingBytes data transfer left in the counted plans then, 0 or more
 * @param verdict        the gate's verdict then (PASS, UNSTABLE, FAIL; anything else is drawn as unknown)
 */
public record TrendPoint(String label, Instant at, long remainingBytes, String verdict) {
    /** @throws IllegalArgumentException for a negative amount */
    public TrendPoint {
        Objects.requireNonNull(at, "at");
        if (remainingBytes < 0) {
            throw new IllegalArgumentException("remainingBytes must be 0 or more, not " + remainingBytes);
        }
    }
}
