package io.jenkins.plugins.cdngate.core;

import java.util.List;
import java.util.Objects;

/**
 * Parameters of the ensure-active gate. Charge types are checked here, before any API call, because a wrong one
 * would otherwise reach OpenCdnService, a real, state-changing call.
 *
 * @param activate           open the service when it is not activated (default true)
 * @param chargeType         the InternetChargeType to open with: only {@code PayByTraffic} (the default), the one
 *                           value OpenCdnService accepts (seed {@code OpenCdnService.txt}; any other value is refused
 *                           by Alibaba with {@code InvalidInternetChargeType.ValueNotSupported})
 * @param expectedChargeType when set, {@code PayByTraffic} or {@code PayByBandwidth} (the two metering methods
 *                           DescribeCdnService reports); a different current charge type makes the result UNSTABLE
 * @param lockPolicy         what an operation lock does (default FAIL)
 */
public record EnsureActiveRequest(AccessKey accessKey, ConnectionSettings connection, boolean activate,
                                  String chargeType, String expectedChargeType, LockPolicy lockPolicy,
                                  Mode mode) {
    public static final String DEFAULT_CHARGE_TYPE = "PayByTraffic";

    /** The charge types OpenCdnService accepts for activation (seed: "only PayByTraffic is supported"). */
    public static final List<String> ACTIVATION_CHARGE_TYPES = List.of(DEFAULT_CHARGE_TYPE);

    /** The charge types DescribeCdnService reports (seed: InternetChargeType / ChangingChargeType values). */
    public static final List<String> EXPECTED_CHARGE_TYPES = List.of("PayByTraffic", "PayByBandwidth");

    /**
     * @throws IllegalArgumentException with a one-line message naming the parameter and its accepted values
     */
    public EnsureActiveRequest {
        Objects.requireNonNull(accessKey, "accessKey");
        connection = connection == null ? ConnectionSettings.defaults() : connection;
        chargeType = chargeType(chargeType);
        expectedChargeType = expectedChargeType(expectedChargeType);
        lockPolicy = lockPolicy == null ? LockPolicy.FAIL : lockPolicy;
        mode = mode == null ? Mode.ENFORCE : mode;
    }

    /** All defaults: activate with PayByTraffic, locks fail, enforce. */
    public static EnsureActiveRequest of(AccessKey accessKey, ConnectionSettings connection) {
        return new EnsureActiveRequest(accessKey, connection, true, null, null, null, null);
    }

    /**
     * The activation charge type as the request keeps it: blank means {@value #DEFAULT_CHARGE_TYPE}, any letter case
     * is accepted. Front ends may call it to check the value early (a form check, before credentials are read).
     *
     * @throws IllegalArgumentException one line naming {@code chargeType} and the accepted value
     */
    public static String chargeType(String value) {
        return value == null || value.isBlank() ? DEFAULT_CHARGE_TYPE
                : normalise("chargeType", value, ACTIVATION_CHARGE_TYPES, "OpenCdnService accepts only PayByTraffic");
    }

    /**
     * The expected charge type as the request keeps it: null when blank, else PayByTraffic or PayByBandwidth in
     * Alibaba's spelling, any letter case accepted.
     *
     * @throws IllegalArgumentException one line naming {@code expectedChargeType} and the accepted values
     */
    public static String expectedChargeType(String value) {
        return value == null || value.isBlank() ? null
                : normalise("expectedChargeType", value, EXPECTED_CHARGE_TYPES, "use PayByTraffic or PayByBandwidth");
    }

    /** The accepted value spelled as Alibaba spells it ({@code paybytraffic} becomes {@code PayByTraffic}). */
    private static String normalise(String parameter, String value, List<String> accepted, String advice) {
        String v = value.strip();
        for (String a : accepted) {
            if (a.equalsIgnoreCase(v)) {
                return a;
            }
        }
        throw new IllegalArgumentException(parameter + " '" + oneLine(v) + "' is not accepted: " + advice);
    }

    private static String oneLine(String s) {
        String flat = s.replaceAll("\\s+", " ");
        return flat.length() > 40 ? flat.substring(0, 40) + "..." : flat;
    }
}
