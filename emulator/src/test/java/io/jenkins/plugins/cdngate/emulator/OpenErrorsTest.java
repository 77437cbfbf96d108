package io.jenkins.plugins.cdngate.emulator;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.AfterClass;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameters;

/** Each of the 11 documented OpenCdnService errors, set as the account's answer, with its documented status. */
@RunWith(Parameterized.class)
public class OpenErrorsTest {
    private static final CdnEmulator EMU = CdnEmulator.start(EmulatorOptions.defaults().rateLimits(false));
    /** Status per code, from seeds/OpenCdnService.txt. */
    static final Map<String, Integer> DOCUMENTED_STATUS = Map.ofEntries(
            Map.entry("InvalidInternetChargeType.ValueNotSupported", 400),
            Map.entry("CdnService.HasOpened", 400),
            Map.entry("InsufficientBalance", 400),
            Map.entry("NoRealNameAuthentication", 400),
            Map.entry("VertifyFailInvalidPayMethod", 400),
            Map.entry("VertifyFailUserProfileComplete", 400),
            Map.entry("CreateOrderFailed", 400),
            Map.entry("QueryInfoError", 400),
            Map.entry("MissingParameter", 400),
            Map.entry("Forbidden.Intl", 403),
            Map.entry("Forbidden.BidUser", 403));

    @Parameters(name = "{0}")
    public static Collection<Object[]> codes() {
        List<Object[]> rows = new ArrayList<>();
        for (String code : ErrorCodes.OPEN_CDN_SERVICE_ERRORS) {
            rows.add(new Object[] {code});
        }
        return rows;
    }

    private final String code;

    public OpenErrorsTest(String code) {
        this.code = code;
    }

    @AfterClass
    public static void stop() {
        EMU.close();
    }

    @Test
    public void openAnswersTheConfiguredErrorWithItsDocumentedStatusAndStaysInactive() throws Exception {
        String id = "LTAI-open-" + Integer.toHexString(code.hashCode());
        Account a = EMU.addAccount(Account.create(id, "test-secret-0001").openError(code));

        RawClient.Response r = new RawClient(EMU).signed("POST", withChargeType(id), Map.of(), "test-secret-0001");

        assertEquals(code, r.code());
        assertEquals((int) DOCUMENTED_STATUS.get(code), r.status());
        assertEquals(ErrorCodes.get(code).message(), r.message());
        assertEquals(code, Sdk.of(EMU, id, "test-secret-0001").code("OpenCdnService", "InternetChargeType", "PayByTraffic"));
        assertFalse(a.isActivated());
    }

    private static Map<String, String> withChargeType(String id) {
        Map<String, String> q = RawClient.common("OpenCdnService", id);
        q.put("InternetChargeType", "PayByTraffic");
        return q;
    }
}
