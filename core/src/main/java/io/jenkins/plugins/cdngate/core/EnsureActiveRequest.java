package io.jenkins.plugins.cdngate.core;

import java.util.Objects;

/**
 * Parameters of the ensure-active gate.
 *
 * @param activate           open the service when it is not activated (default true)
 * @param chargeType         the InternetChargeType to open with (default PayByTraffic)
 * @param expectedChargeType when set, a different current charge type makes the result UNSTABLE
 * @param lockPolicy         what an operation lock does (default FAIL)
 */
public record EnsureActiveRequest(AccessKey accessKey, ConnectionSettings connection, boolean activate,
                                  String chargeType, String expectedChargeType, LockPolicy lockPolicy,
                                  Mode mode) {
    public static final String DEFAULT_CHARGE_TYPE = "PayByTraffic";

    public EnsureActiveRequest {
        Objects.requireNonNull(accessKey, "accessKey");
        connection = connection == null ? ConnectionSettings.defaults() : connection;
        chargeType = chargeType == null || chargeType.isBlank() ? DEFAULT_CHARGE_TYPE : chargeType.trim();
        expectedChargeType = expectedChargeType == null || expectedChargeType.isBlank() ? null : expectedChargeType.trim();
        lockPolicy = lockPolicy == null ? LockPolicy.FAIL : lockPolicy;
        mode = mode == null ? Mode.ENFORCE : mode;
    }

    /** All defaults: activate with PayByTraffic, locks fail, enforce. */
    public static EnsureActiveRequest of(AccessKey accessKey, ConnectionSettings connection) {
        return new EnsureActiveRequest(accessKey, connection, true, null, null, null, null);
    }
}
