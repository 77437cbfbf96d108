package io.jenkins.plugins.cdngate.emulator;

import static org.junit.Assert.assertEquals;

import java.time.Duration;
import org.junit.After;
import org.junit.Test;

/**
 * Per-account, per-action limits at the documented rates. The emulator's clock is frozen, so "within one
 * second" does not depend on how fast this machine runs the calls.
 */
public class RateLimitTest {
    private final MutableClock clock = MutableClock.now();
    private final CdnEmulator emu = CdnEmulator.start(EmulatorOptions.defaults().clock(clock));
    private final Sdk one = Sdk.of(emu, "LTAI-test-0001", "test-secret-0001");
    private final Sdk two = Sdk.of(emu, "LTAI-test-0002", "test-secret-0002");

    {
        emu.addAccount(Account.create("LTAI-test-0001", "test-secret-0001").activated(true));
        emu.addAccount(Account.create("LTAI-test-0002", "test-secret-0002").activated(true));
    }

    @After
    public void stop() {
        emu.close();
    }

    private static int passed(Sdk sdk, String action, int calls, String... params) {
        int ok = 0;
        for (int i = 0; i < calls; i++) {
            String code = sdk.code(action, params);
            if (!"Throttling.User".equals(code)) {
                ok++;
            }
        }
        return ok;
    }

    @Test
    public void describeServiceAllowsThirtyPerSecondPerAccount() {
        assertEquals(30, passed(one, "DescribeCdnService", 40));
        assertEquals(10, emu.requests().stream().filter(r -> "Throttling.User".equals(r.code())).count());
    }

    @Test
    public void describePlansHasItsOwnThirtyPerSecond() {
        assertEquals(30, passed(one, "DescribeCdnService", 35));

        assertEquals(30, passed(one, "DescribeCdnUserResourcePackage", 35));
    }

    @Test
    public void openAllowsFivePerSecondCountingRejectedOpens() {
        // The first activates, the next four are CdnService.HasOpened; all five count.
        assertEquals(5, passed(one, "OpenCdnService", 8, "InternetChargeType", "PayByTraffic"));
    }

    @Test
    public void accountsAreLimitedSeparately() {
        assertEquals(30, passed(one, "DescribeCdnService", 31));

        assertEquals(30, passed(two, "DescribeCdnService", 31));
    }

    @Test
    public void theWindowSlidesWithTheClock() {
        assertEquals(30, passed(one, "DescribeCdnService", 30));
        clock.advance(Duration.ofMillis(999));
        assertEquals(0, passed(one, "DescribeCdnService", 1));

        clock.advance(Duration.ofMillis(1));

        assertEquals(30, passed(one, "DescribeCdnService", 31));
    }

    @Test
    public void throttlingIsTheDocumentedError() throws Exception {
        passed(one, "DescribeCdnService", 30);

        RawClient.Response r = new RawClient(emu).signed("POST", RawClient.common("DescribeCdnService", "LTAI-test-0001"),
                java.util.Map.of(), "test-secret-0001");

        assertEquals(400, r.status());
        assertEquals("Throttling.User", r.code());
        assertEquals("Request was denied due to user flow control.", r.message());
    }

    @Test
    public void limitsCanBeTurnedOff() {
        try (CdnEmulator free = CdnEmulator.start(EmulatorOptions.defaults().rateLimits(false))) {
            free.addAccount(Account.create("LTAI-test-0001", "test-secret-0001").activated(true));

            assertEquals(40, passed(Sdk.of(free, "LTAI-test-0001", "test-secret-0001"), "DescribeCdnService", 40));
        }
    }
}
