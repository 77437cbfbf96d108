package io.jenkins.plugins.cdngate.core;

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
 */
public record RequireQuotaRequest(AccessKey accessKey, ConnectionSettings connection, long minBytes,
                                  Long warnBytes, Long minRequests, String planFilter,
                                  Integer expiryWarningDays, Mode mode) {

    /** @throws IllegalArgumentException with a one-line message naming the parameter */
    public RequireQuotaRequest {
        Objects.requireNonNull(accessKey, "accessKey");
        connection = connection == null ? ConnectionSettings.defaults() : connection;
        if (minBytes < 0) {
            throw new IllegalArgumentException("minBytes must be 0 or more, not " + minBytes);
        }
        if (warnBytes != null && warnBytes < minBytes) {
            throw new IllegalArgumentException("warnBytes (" + Sizes.human(warnBytes) + ") must be at least minBytes ("
                    + Sizes.human(minBytes) + ")");
        }
        if (minRequests != null && minRequests < 0) {
            throw new IllegalArgumentException("minRequests must be 0 or more, not " + Counts.format(minRequests));
        }
        if (expiryWarningDays != null && expiryWarningDays < 0) {
            throw new IllegalArgumentException("expiryWarningDays must be 0 or more, not " + expiryWarningDays);
        }
        planFilter = planFilter == null || planFilter.isBlank() ? null : planFilter.trim();
        mode = mode == null ? Mode.ENFORCE : mode;
    }

    public static RequireQuotaRequest of(AccessKey accessKey, ConnectionSettings connection, long minBytes) {
        return new RequireQuotaRequest(accessKey, connection, minBytes, null, null, null, null, null);
    }
}
