package io.jenkins.plugins.cdngate.core.flow;

import static io.jenkins.plugins.cdngate.core.flow.RateLimiterTest.awaitCondition;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.cdngate.core.AccessKey;
import io.jenkins.plugins.cdngate.core.CallGovernor;
import io.jenkins.plugins.cdngate.core.ConnectionSettings;
import io.jenkins.plugins.cdngate.core.Report;
import io.jenkins.plugins.cdngate.core.RequireQuota;
import io.jenkins.plugins.cdngate.core.RequireQuotaRequest;
import io.jenkins.plugins.cdngate.core.Verdict;
import io.jenkins.plugins.cdngate.emulator.Account;
import io.jenkins.plugins.cdngate.emulator.CdnEmulator;
import io.jenkins.plugins.cdngate.emulator.Fault;
import io.jenkins.plugins.cdngate.emulator.Plan;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.After;
import org.junit.Assume;
import org.junit.Test;

/** A Jenkins abort (thread interrupt) of a gate whose service never answers, through the process-wide governor. */
public class InterruptedGateTest {
    private static final String KEY_ID = "LTAI-test-0003";
    private static final String SECRET = "test-secret-0003";
    private static final String ACTION = "DescribeCdnUserResourcePackage";

    private final CdnEmulator emu = CdnEmulator.start();

    @After
    public void stop() {
        emu.close();
    }

    @Test
    public void anInterruptedGateReturnsAtOnceAndItsAbandonedCallEndsAtTheReadTimeoutWithoutLeaks() throws Exception {
        // given a warm gate and then a service that never answers
        emu.addAccount(Account.create(KEY_ID, SECRET).activated(true).plan(Plan.dataTransfer("FP-0001",
                "CDN data transfer plan (Chinese mainland)", 536870912000L, 536870912000L,
                "2026-01-01T00:00:00Z", "2099-01-01T00:00:00Z")));
        RequireQuotaRequest request = RequireQuotaRequest.of(AccessKey.of(KEY_ID, SECRET),
                ConnectionSettings.defaults().withEndpoint(emu.endpoint())
                        .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(3))
                        .withRetries(4, Duration.ofSeconds(60)), 1L << 30);
        assertEquals(Verdict.PASS, RequireQuota.run(request).verdict());
        Governor governor = CallGovernor.shared().engine();
        awaitCondition(() -> governor.busyCalls() == 0);
        int threadsBefore = nonEmulatorThreads();
        int connectionsBefore = RawSdk.establishedTo(emu.port());
        emu.inject(ACTION, Fault.noAnswer());
        emu.clearRequests();
        AtomicReference<Object> outcome = new AtomicReference<>();
        Thread build = new Thread(() -> {
            try {
                Report report = RequireQuota.run(request);
                outcome.set(report);
            } catch (Throwable e) {
                outcome.set(e);
            }
        }, "build-under-test");
        build.start();
        awaitCondition(() -> emu.requestCount(ACTION) == 1);

        // when the build is aborted
        long abortedAt = System.nanoTime();
        build.interrupt();
        build.join(TimeUnit.SECONDS.toMillis(30));
        long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - abortedAt);
        int busyWhenReturned = governor.busyCalls();

        // then the gate returned with InterruptedException, not waiting for the SDK call (still running)
        assertFalse(build.isAlive());
        assertTrue("got " + outcome.get(), outcome.get() instanceof InterruptedException);
        assertEquals("the abandoned SDK call was still running when the gate returned after " + tookMs + " ms",
                1, busyWhenReturned);
        // and the abandoned call ends at its read timeout without a retry; no thread or connection stays behind
        awaitCondition(() -> governor.busyCalls() == 0);
        assertEquals("no retry after the abort", 1, emu.requestCount(ACTION));
        awaitCondition(() -> nonEmulatorThreads() <= threadsBefore);
        Assume.assumeTrue("connection count needs Linux /proc", connectionsBefore >= 0);
        awaitCondition(() -> RawSdk.establishedTo(emu.port()) <= connectionsBefore);
    }

    /** Live threads except the emulator's (its own pool idles out on its own schedule). */
    private static int nonEmulatorThreads() {
        int count = 0;
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.isAlive() && !thread.getName().startsWith("cdn-emulator")) {
                count++;
            }
        }
        return count;
    }
}
