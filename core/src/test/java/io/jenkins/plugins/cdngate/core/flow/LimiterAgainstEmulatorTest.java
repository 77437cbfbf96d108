package io.jenkins.plugins.cdngate.core.flow;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.aliyuncs.exceptions.ClientException;
import io.jenkins.plugins.cdngate.core.GovernorSettings;
import io.jenkins.plugins.cdngate.emulator.Account;
import io.jenkins.plugins.cdngate.emulator.CdnEmulator;
import io.jenkins.plugins.cdngate.emulator.EmulatorOptions;
import io.jenkins.plugins.cdngate.emulator.Fault;
import io.jenkins.plugins.cdngate.emulator.RecordedRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.After;
import org.junit.Test;

/**
 * Our limiter against the emulator's own rate limit (a sliding one-second window counted on arrival):
 * a crowd of concurrent calls waits its turn and draws no Throttling answer; without the limiter the same
 * crowd is throttled (so this test can fail).
 */
public class LimiterAgainstEmulatorTest {
    private static final String KEY_ID = "LTAI-test-0004";
    private static final String SECRET = "test-secret-0004";
    private static final String ACTION = "DescribeCdnService";
    private static final int PER_SECOND = 8;
    private static final int CALLS = 20;

    private final CdnEmulator emu = CdnEmulator.start(EmulatorOptions.defaults().describePerSecond(PER_SECOND));

    @After
    public void stop() {
        emu.close();
    }

    @Test
    public void aCrowdOfCallsWaitsItsTurnAndIsNeverThrottled() throws Exception {
        List<String> outcomes = crowd(GovernorSettings.defaults().withRates(5, PER_SECOND).withCoalescing(false));
        assertEquals("every call answered", CALLS, outcomes.stream().filter("OK"::equals).count());
        assertEquals("Throttling answers", 0, throttled());
    }

    @Test
    public void withoutTheLimiterTheSameCrowdIsThrottled() throws Exception {
        crowd(GovernorSettings.defaults().withRateLimited(false).withCoalescing(false));
        assertTrue("expected Throttling answers", throttled() > 0);
    }

    private List<String> crowd(GovernorSettings settings) throws InterruptedException {
        // given an account behind 20 ms of latency and a crowd of identical calls at once
        emu.addAccount(Account.create(KEY_ID, SECRET).activated(true));
        emu.inject(ACTION, Fault.latency(20));
        Governor governor = new Governor();
        governor.configure(settings);
        List<String> outcomes = new ArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < CALLS; i++) {
            Thread thread = new Thread(() -> {
                String outcome;
                try {
                    go.await();
                    governor.call(KEY_ID, ACTION, null, System.nanoTime() + TimeUnit.SECONDS.toNanos(60),
                            () -> RawSdk.call(emu.endpoint(), KEY_ID, SECRET, ACTION, 10_000));
                    outcome = "OK";
                } catch (ClientException e) {
                    outcome = e.getErrCode();
                } catch (Exception e) {
                    outcome = e.toString();
                }
                synchronized (outcomes) {
                    outcomes.add(outcome);
                }
            });
            thread.start();
            threads.add(thread);
        }
        // when
        go.countDown();
        for (Thread thread : threads) {
            thread.join(TimeUnit.SECONDS.toMillis(60));
        }
        return outcomes;
    }

    private long throttled() throws InterruptedException {
        // answers delayed by the latency fault are logged when sent
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (emu.requestCount(ACTION) < CALLS && System.nanoTime() - end < 0) {
            Thread.sleep(10);
        }
        return emu.requests().stream().map(RecordedRequest::code)
                .filter(code -> code != null && code.startsWith("Throttling")).count();
    }
}
