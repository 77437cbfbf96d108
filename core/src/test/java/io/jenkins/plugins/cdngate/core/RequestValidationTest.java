package io.jenkins.plugins.cdngate.core;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

/**
 * Request parameters are checked when the request is built, before any API call: one line naming the parameter
 * (as the Jenkins steps name it) and what it accepts.
 */
public class RequestValidationTest {
    private static final AccessKey KEY = AccessKey.of("LTAI-test-0001", "test-secret-0001");

    private static EnsureActiveRequest ensure(String chargeType, String expectedChargeType) {
        return new EnsureActiveRequest(KEY, null, true, chargeType, expectedChargeType, null, null);
    }

    private static String refusal(org.junit.function.ThrowingRunnable build) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build);
        assertFalse("one line: " + e.getMessage(), e.getMessage().contains("\n"));
        return e.getMessage();
    }

    /** text -> the spelling the request keeps (Alibaba's). */
    private static final String[][] CHARGE_TYPES = {
            {null, "PayByTraffic"}, {"", "PayByTraffic"}, {"PayByTraffic", "PayByTraffic"},
            {"paybytraffic", "PayByTraffic"}, {" PAYBYTRAFFIC\n", "PayByTraffic"},
    };

    @Test
    public void chargeTypeIsNormalisedToAlibabasSpelling() {
        for (String[] row : CHARGE_TYPES) {
            assertEquals(String.valueOf(row[0]), row[1], ensure(row[0], null).chargeType());
        }
    }

    @Test
    public void chargeTypeOtherThanPayByTrafficIsRefusedBeforeAnyCall() {
        // OpenCdnService accepts only PayByTraffic (seed); PayByBandwidth would reach a real, state-changing call.
        for (String bad : new String[] {"PayByBandwidth", "bogus", "PayBy Traffic"}) {
            String m = refusal(() -> ensure(bad, null));
            assertTrue(m, m.startsWith("chargeType '" + bad + "' is not accepted"));
            assertTrue(m, m.contains("accepts only PayByTraffic"));
        }
    }

    @Test
    public void frontEndsCanCheckChargeTypesEarlyWithTheSameRules() {
        assertEquals("PayByTraffic", EnsureActiveRequest.chargeType(" paybytraffic "));
        assertEquals("PayByBandwidth", EnsureActiveRequest.expectedChargeType("PAYBYBANDWIDTH"));
        assertNull(EnsureActiveRequest.expectedChargeType(""));
        assertTrue(refusal(() -> EnsureActiveRequest.chargeType("PayByBandwidth")).startsWith("chargeType 'PayByBandwidth'"));
    }

    /** text -> the spelling the request keeps. */
    private static final String[][] EXPECTED = {
            {null, null}, {" ", null}, {"PayByTraffic", "PayByTraffic"}, {"paybybandwidth", "PayByBandwidth"},
            {"PAYBYBANDWIDTH ", "PayByBandwidth"},
    };

    @Test
    public void expectedChargeTypeIsEitherMeteringMethodNormalised() {
        for (String[] row : EXPECTED) {
            assertEquals(String.valueOf(row[0]), row[1], ensure(null, row[0]).expectedChargeType());
        }
    }

    @Test
    public void unknownExpectedChargeTypeIsRefusedNamingBothValues() {
        String m = refusal(() -> ensure(null, "bogus"));
        assertEquals("expectedChargeType 'bogus' is not accepted: use PayByTraffic or PayByBandwidth", m);
    }

    @Test
    public void warnBelowMinNamesBothParametersWithHumanSizes() {
        String m = refusal(() -> new RequireQuotaRequest(KEY, null, 100L << 30, 50L << 30, null, null, null, null));
        assertEquals("warnBytes (50.0 GiB (53687091200 bytes)) must be at least minBytes (100.0 GiB (107374182400 bytes))", m);
    }

    @Test
    public void negativeCountsAreRefusedNamingTheParameter() {
        assertEquals("minBytes must be 0 or more, not -1",
                refusal(() -> new RequireQuotaRequest(KEY, null, -1, null, null, null, null, null)));
        assertEquals("minRequests must be 0 or more, not -1,000",
                refusal(() -> new RequireQuotaRequest(KEY, null, 0, null, -1000L, null, null, null)));
        assertEquals("expiryWarningDays must be 0 or more, not -1",
                refusal(() -> new RequireQuotaRequest(KEY, null, 0, null, null, null, -1, null)));
    }

    @Test
    public void daysLeftSettingsAreCheckedNamingTheParameter() {
        RequireQuotaRequest base = RequireQuotaRequest.of(KEY, null, 0);
        assertEquals("minDaysLeft must be 0 or more, not -1", refusal(() -> base.withDaysLeft(-1, null)));
        assertEquals("warnDaysLeft must be 0 or more, not -2", refusal(() -> base.withDaysLeft(null, -2)));
        assertEquals("warnDaysLeft (10) must be at least minDaysLeft (30)", refusal(() -> base.withDaysLeft(30, 10)));
        RequireQuotaRequest both = base.withDaysLeft(30, 60);
        assertEquals(Integer.valueOf(30), both.minDaysLeft());
        assertEquals(Integer.valueOf(60), both.warnDaysLeft());
        assertEquals(java.util.List.of(), both.history());
    }

    @Test
    public void secretAndTokenLoseSurroundingWhitespaceLikeATrailingNewlineFromASecretFile() {
        AccessKey k = AccessKey.of(" LTAI-test-0001\n", "test-secret-0001\n", "\tsts-token-1\r\n");
        assertEquals("LTAI-test-0001", k.id());
        assertEquals("test-secret-0001", k.secret());
        assertEquals("sts-token-1", k.securityToken());
        assertEquals(AccessKey.of("LTAI-test-0001", "test-secret-0001", "sts-token-1"), k);
    }

    @Test
    public void whitespaceInsideASecretIsRefusedWithoutShowingIt() {
        String m = refusal(() -> AccessKey.of("LTAI-test-0001", "test-secret\n-0001"));
        assertEquals("AccessKey secret for AccessKey LTAI****0001 contains whitespace inside it (a space, tab or line"
                + " break): copy the secret again", m);
        assertFalse(m, m.contains("test-secret"));
    }

    @Test
    public void aBlankSecretIsEmptyAndABlankTokenIsNone() {
        assertTrue(refusal(() -> AccessKey.of("LTAI-test-0001", " \n")).startsWith("AccessKey secret is empty"));
        assertNull(AccessKey.of("LTAI-test-0001", "test-secret-0001", "\n").securityToken());
    }

    @Test
    public void aRequestCheckedWithAPlaceholderKeyKeepsEveryValueWhenItTakesTheRealKey() {
        RequireQuotaRequest checked = new RequireQuotaRequest(AccessKey.of("validation-only", "validation-only"),
                ConnectionSettings.defaults(), 100, 200L, 1000L, "CDN", 7, Mode.WARN).withDaysLeft(10, 20);
        RequireQuotaRequest real = checked.withAccessKey(KEY);
        assertEquals(KEY, real.accessKey());
        assertEquals(new RequireQuotaRequest(KEY, ConnectionSettings.defaults(), 100, 200L, 1000L, "CDN", 7, Mode.WARN)
                .withDaysLeft(10, 20), real);
    }
}
