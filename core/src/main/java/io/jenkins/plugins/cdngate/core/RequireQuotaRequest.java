package io.jenkins.plugins.cdngate.core;

import io.jenkins.plugins.cdngate.core.forecast.Reading;

import java.util.List;
import java.util.Objects;

/**
 * Parameters of the require-quota gate. Messages name the parameters as the Jenkins steps do
 * ({@code minBytes}, {@code warnBytes}, ...) and show sizes as {@link Sizes#human}; the CLI maps them to its
 * option names.
 *
 * @param minBytes          required, >= 0: less remaining data transfer fails the gate
 * @param warnBytes         optional, >= minBytes: less remaining makes the result UNSTABLE
 * @param minRequests       optional, >= 0: less remaining in request plans fails the gate
 * @param planFilter        optional, case-insensitive regular expression matched (find) against a plan's
 *                          DisplayName, TemplateName, CommodityCode and InstanceId; only matching plans count
 * @param expiryWarningDays optional, >= 0: a counted plan ending within this many days makes the result UNSTABLE
 * @param minDaysLeft       optional, >= 0: fewer days of data transfer left at the pace fails the gate
 * @param warnDaysLeft      optional, >= minDaysLeft: fewer days left at the pace makes the result UNSTABLE
 * @param history           earlier readings of the pool (any order; may be empty, never null after construction)
 */
public record RequireQuotaRequest(AccessKey accessKey, ConnectionSettings connection, long minBytes,
                                  Long warnBytes, Long minRequests, String planFilter,
                                  Integer expiryWarningDays, Mode mode, Integer minDaysLeft,
                                  Integer warnDaysLeft, List<Reading> history) {

    /** @throws IllegalArgumentException with a one-line message naming the parameter */
    public RequireQuotaRequest {
        Objects.requireNonNull(accessKey, "accessKey");
        connection = connection == null ? ConnectionSettings.defaults() : connection;
        if (minBytes < 0) {
            throw new IllegalArgumentException("minBytes must be 0 or more, not " + minBytes);
        }
        String bytesOrder = warnBelowMin("warnBytes", warnBytes, "minBytes", minBytes);
        if (bytesOrder != null) {
            throw new IllegalArgumentException(bytesOrder);
        }
        if (minRequests != null && minRequests < 0) {
            throw new IllegalArgumentException("minRequests must be 0 or more, not " + Counts.format(minRequests));
        }
        if (expiryWarningDays != null && expiryWarningDays < 0) {
            throw new IllegalArgumentException("expiryWarningDays must be 0 or more, not " + expiryWarningDays);
        }
        if (minDaysLeft != null && minDaysLeft < 0) {
            throw new IllegalArgumentException("minDaysLeft must be 0 or more, not " + minDaysLeft);
        }
        if (warnDaysLeft != null && warnDaysLeft < 0) {
            throw new IllegalArgumentException("warnDaysLeft must be 0 or more, not " + warnDaysLeft);
        }
        String daysOrder = warnDaysBelowMin("warnDaysLeft", warnDaysLeft, "minDaysLeft", minDaysLeft);
        if (daysOrder != null) {
            throw new IllegalArgumentException(daysOrder);
        }
        planFilter = planFilter == null || planFilter.isBlank() ? null : planFilter.trim();
        mode = mode == null ? Mode.ENFORCE : mode;
        history = history == null ? List.of() : List.copyOf(history);
    }

    /**
     * The one rule relating the two size levels, for the request and for a form that checks one field against the
     * other: {@code warnBytes (100.0 GiB (...)) must be at least minBytes (500.0 GiB (...))}, or null when the warning
     * level is unset or not below the minimum. The names are how the caller's user knows the two values.
     */
    public static String warnBelowMin(String warnName, Long warnBytes, String minName, long minBytes) {
        return warnBytes != null && warnBytes < minBytes ? warnName + " (" + Sizes.human(warnBytes)
                + ") must be at least " + minName + " (" + Sizes.human(minBytes) + ")" : null;
    }

    /** The same rule for the days-left levels: {@code warnDaysLeft (5) must be at least minDaysLeft (10)}, or null. */
    public static String warnDaysBelowMin(String warnName, Integer warnDaysLeft, String minName, Integer minDaysLeft) {
        return minDaysLeft != null && warnDaysLeft != null && warnDaysLeft < minDaysLeft ? warnName + " ("
                + warnDaysLeft + ") must be at least " + minName + " (" + minDaysLeft + ")" : null;
    }

    /** The request without days-left thresholds and history. */
    public RequireQuotaRequest(AccessKey accessKey, ConnectionSettings connection, long minBytes, Long warnBytes,
                               Long minRequests, String planFilter, Integer expiryWarningDays, Mode mode) {
        this(accessKey, connection, minBytes, warnBytes, minRequests, planFilter, expiryWarningDays, mode,
                null, null, null);
    }

    public static RequireQuotaRequest of(AccessKey accessKey, ConnectionSettings connection, long minBytes) {
        return new RequireQuotaRequest(accessKey, connection, minBytes, null, null, null, null, null);
    }

    /** A copy with these days-left thresholds (either may be null). */
    public RequireQuotaRequest withDaysLeft(Integer min, Integer warn) {
        return new RequireQuotaRequest(accessKey, connection, minBytes, warnBytes, minRequests, planFilter,
                expiryWarningDays, mode, min, warn, history);
    }

    /** A copy that calls with this AccessKey: the values are checked once, before any credential is looked up. */
    public RequireQuotaRequest withAccessKey(AccessKey key) {
        return new RequireQuotaRequest(key, connection, minBytes, warnBytes, minRequests, planFilter,
                expiryWarningDays, mode, minDaysLeft, warnDaysLeft, history);
    }

    /** A copy with these earlier readings (null = none). */
    public RequireQuotaRequest withHistory(List<Reading> readings) {
        return new RequireQuotaRequest(accessKey, connection, minBytes, warnBytes, minRequests, planFilter,
                expiryWarningDays, mode, minDaysLeft, warnDaysLeft, readings);
    }
}
