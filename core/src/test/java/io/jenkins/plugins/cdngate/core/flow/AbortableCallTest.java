package io.jenkins.plugins.cdngate.core.flow;

import static io.jenkins.plugins.cdngate.core.flow.RateLimiterTest.awaitCondition;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.aliyuncs.exceptions.ClientException;
import io.jenkins.plugins.cdngate.core.GovernorSettings;
import io.jenkins.plugins.cdngate.emulator.Account;
import io.jenkins.plugins.cdngate.emulator.CdnEmulator;
import io.jenkins.plugins.cdngate.emulator.Fault;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.After;
import org.junit.Assume;
import org.junit.Test;

/** Real SDK, real HTTP: an interrupted call leaves at once although the service never answers. */
public class AbortableCallTest {
    private static final String KEY_ID = "LTAI-test-0001";
    private static final String SECRET = "test-secret-0001";
    private static final int READ_TIMEOUT_MS = 3000;

    private final CdnEmulator emu = CdnEmulator.start();
    private final Governor governor = new Governor(
            Governor.Options.defaults().withWorkerKeepAlive(Duration.ofMillis(100)));

    @After
    public void stop() {
        emu.close();
    }

    @Test
    public void anInterruptedCallReturnsWhileTheServiceNeverAnswersAndLeavesNoThreadOrConnection() throws Exception {
        // given a warm SDK (its idle-connection cleaner thread exists) and a service that never answers
        emu.addAccount(Account.create(KEY_ID, SECRET).activated(true));
        governor.configure(GovernorSettings.defaults());
        governor.call(KEY_ID, "DescribeCdnService", null, deadlineIn(30),
                () -> RawSdk.call(emu.endpoint(), KEY_ID, SECRET, "DescribeCdnService", READ_TIMEOUT_MS));
        awaitCondition(() -> governor.workerThreads() == 0);
        int threadsBefore = ourThreads();
        int connectionsBefore = RawSdk.establishedTo(emu.port());
        emu.inject("DescribeCdnService", Fault.noAnswer());
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        AtomicReference<Throwable> attemptEnd = new AtomicReference<>();
        Thread build = new Thread(() -> {
            try {
                governor.call(KEY_ID, "DescribeCdnService", null, deadlineIn(60), () -> {
                    try {
                        return RawSdk.call(emu.endpoint(), KEY_ID, SECRET, "DescribeCdnService", READ_TIMEOUT_MS);
                    } catch (Exception e) {
                        attemptEnd.set(e);
                        throw e;
                    }
                });
            } catch (Throwable e) {
                outcome.set(e);
            }
        }, "build-under-test");
        build.start();
        awaitCondition(() -> emu.requestCount("DescribeCdnService") == 2);

        // when the build is aborted
        long abortedAt = System.nanoTime();
        build.interrupt();
        build.join(TimeUnit.SECONDS.toMillis(30));
        long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - abortedAt);

        // then it returned with InterruptedException while the SDK call was still waiting for its answer
        assertFalse(build.isAlive());
        assertTrue("got " + outcome.get(), outcome.get() instanceof InterruptedException);
        assertEquals("the SDK call had not ended when the build returned (" + tookMs + " ms)", null,
                attemptEnd.get());
        // and the abandoned call ends on its own at its read timeout, freeing its thread and its connection
        awaitCondition(() -> attemptEnd.get() != null);
        assertEquals("SDK.ReadTimeout", ((ClientException) attemptEnd.get()).getErrCode());
        awaitCondition(() -> governor.workerThreads() == 0);
        // (the emulator's own worker threads are not ours to count; they idle out on their own schedule)
        awaitCondition(() -> ourThreads() <= threadsBefore);
        Assume.assumeTrue("connection count needs Linux /proc", connectionsBefore >= 0);
        awaitCondition(() -> RawSdk.establishedTo(emu.port()) <= connectionsBefore);
    }

    /** Live threads in this JVM except the emulator's. */
    private static int ourThreads() {
        int count = 0;
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.isAlive() && !thread.getName().startsWith("cdn-emulator")) {
                count++;
            }
        }
        return count;
    }

    private static long deadlineIn(long seconds) {
        return System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    }
}
