package io.jenkins.plugins.cdngate.core.picture;

import java.time.Instant;

/**
 * One plan as a picture draws it: plain values only, so a front end can store them (Jenkins keeps plain fields
 * of a build action) and draw the same bar again later.
 *
 * @param instanceId the plan's InstanceId (may be null)
 * @param name       the plan's display name (may be null or Chinese; escaped when drawn)
 * @param unit       {@link #BYTES} or {@link #REQUESTS}; anything else is drawn as a count
 * @param remaining  what is left, 0 or more
 * @param total      the plan's capacity, 0 or more (a remaining above it is drawn as full, as reported)
 * @param endsAt     the plan's EndTime; null when open-ended or unknown
 * @param runOutAt   when the pool's drain is done with it (core.forecast: the pool's pace drawn through the counted
 *                   plans, earliest end first): the moment it is used up, or its end date when it ends with capacity
 *                   left (then it is drawn as "left unused"); null when there is no pace yet (or not a data-transfer
 *                   plan)
 * @param counted    whether the plan counted toward the gate
 */
public record PlanBar(String instanceId, String name, String unit, long remaining, long total, Instant endsAt,
                     Instant runOutAt, boolean counted) {
    /** Unit of a data-transfer plan: numbers are bytes. */
    public static final String BYTES = "BYTES";
    /** Unit of a request plan: numbers are requests. */
    public static final String REQUESTS = "REQUESTS";

    /** @throws IllegalArgumentException when a number is negative */
    public PlanBar {
        if (remaining < 0 || total < 0) {
            throw new IllegalArgumentException("a plan bar needs remaining and total of 0 or more, not " + remaining
                    + " and " + total);
        }
    }

    /** Whether the numbers are bytes. */
    public boolean bytes() {
        return BYTES.equals(unit);
    }

    /** What was used: total minus remaining, never below 0. */
    public long used() {
        return Math.max(0, total - remaining);
    }
}
