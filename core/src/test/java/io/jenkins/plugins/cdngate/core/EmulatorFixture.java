package io.jenkins.plugins.cdngate.core;

import io.jenkins.plugins.cdngate.emulator.Account;
import io.jenkins.plugins.cdngate.emulator.CdnEmulator;
import io.jenkins.plugins.cdngate.emulator.EmulatorOptions;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.AfterClass;
import org.junit.Before;
import org.junit.BeforeClass;

/**
 * One emulator per test class (real HTTP on 127.0.0.1, real SDK), a fresh account per test, and short
 * backoffs so retry tests stay fast on a loaded machine (the retry count is asserted, never the timing).
 */
public abstract class EmulatorFixture {
    private static final AtomicInteger NEXT = new AtomicInteger(1000);

    protected static CdnEmulator emu;
    protected String id;
    protected String secret;

    @BeforeClass
    public static void startEmulator() {
        emu = CdnEmulator.start(EmulatorOptions.defaults().port(0).rateLimits(false));
        CdnClient.backoffBaseMillis = 1;
        CdnClient.backoffCapMillis = 5;
        EnsureActive.confirmDelaysMillis = new long[] {1, 1, 1};
    }

    @AfterClass
    public static void stopEmulator() {
        emu.close();
        CdnClient.backoffBaseMillis = 200;
        CdnClient.backoffCapMillis = 5000;
        EnsureActive.confirmDelaysMillis = new long[] {500, 1000, 2000, 4000, 8000};
    }

    @Before
    public void freshKey() {
        int n = NEXT.incrementAndGet();
        id = "LTAI-test-" + n;
        secret = "test-secret-" + n;
        emu.clearFaults();
        emu.clearRequests();
    }

    /** A new emulator account for this test's key. */
    protected Account account() {
        return emu.addAccount(Account.create(id, secret));
    }

    protected AccessKey key() {
        return AccessKey.of(id, secret);
    }

    protected ConnectionSettings connection() {
        return ConnectionSettings.defaults().withEndpoint(emu.endpoint())
                .withTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(5))
                .withRetries(3, Duration.ofSeconds(30));
    }

    protected EnsureActiveRequest ensure() {
        return EnsureActiveRequest.of(key(), connection());
    }

    protected long count(String action) {
        return emu.requests().stream().filter(r -> r.accessKeyId().equals(id) && r.action().equals(action)).count();
    }
}
