package io.jenkins.plugins.cdngate.core.flow;

import static io.jenkins.plugins.cdngate.core.flow.RateLimiterTest.awaitCondition;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import io.jenkins.plugins.cdngate.core.GovernorSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.After;
import org.junit.Test;

/** The governor with plain callables standing in for SDK attempts; the emulator tests are separate. */
public class GovernorTest {
    private static final String KEY_ID = "LTAI-test-0001";
    private static final String DESCRIBE = "DescribeCdnService";
    private static final String OPEN = "OpenCdnService";

    private final List<Thread> threads = new ArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);

    @After
    public void releaseEverything() throws InterruptedException {
        release.countDown();
        for (Thread thread : threads) {
            thread.interrupt();
            thread.join(TimeUnit.SECONDS.toMillis(10));
        }
    }

    private static Governor governor(GovernorSettings settings) {
        Governor governor = new Governor(Governor.Options.defaults().withWorkerKeepAlive(Duration.ofMillis(50)));
        governor.configure(settings);
        return governor;
    }

    private static long in(long seconds) {
        return System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    }

    /** An attempt that counts invocations, says it started, and blocks (ignoring interrupts, like the SDK). */
    private Callable<String> blocking(AtomicInteger invocations, CountDownLatch started, String answer) {
        return () -> {
            invocations.incrementAndGet();
            started.countDown();
            while (true) {
                try {
                    release.await();
                    return answer;
                } catch (InterruptedException ignored) {
                    // the SDK's socket read does not react to interrupts either (reference §2.6)
                }
            }
        };
    }

    /** Starts a caller on its own thread; its outcome (value or throwable) lands in the returned reference. */
    private AtomicReference<Object> caller(Governor governor, String action, String coalesceKey, long deadline,
                                           Callable<?> attempt) {
        AtomicReference<Object> outcome = new AtomicReference<>();
        Thread thread = new Thread(() -> {
            try {
                outcome.set(governor.call(KEY_ID, action, coalesceKey, deadline, attempt));
            } catch (Throwable e) {
                outcome.set(e);
            }
        });
        threads.add(thread);
        thread.start();
        return outcome;
    }

    private void joinAll() throws InterruptedException {
        for (Thread thread : threads) {
            thread.join(TimeUnit.SECONDS.toMillis(30));
            assertFalse("a caller is still waiting", thread.isAlive());
        }
    }

    @Test
    public void identicalConcurrentCallsShareOneAttempt() throws Exception {
        // given a call in flight
        Governor governor = governor(GovernorSettings.defaults());
        AtomicInteger invocations = new AtomicInteger();
        CountDownLatch started = new CountDownLatch(1);
        Callable<String> attempt = blocking(invocations, started, "answer");
        List<AtomicReference<Object>> outcomes = new ArrayList<>();
        outcomes.add(caller(governor, DESCRIBE, "same", in(60), attempt));
        started.await();
        // when nine identical calls arrive while it runs
        for (int i = 0; i < 9; i++) {
            outcomes.add(caller(governor, DESCRIBE, "same", in(60), attempt));
        }
        awaitCondition(() -> governor.stats().coalesced() == 9);
        release.countDown();
        joinAll();
        // then one attempt answered all ten, and nothing is left in flight
        assertEquals(1, invocations.get());
        assertEquals(0, governor.joinableCalls());
        for (AtomicReference<Object> outcome : outcomes) {
            assertEquals("answer", outcome.get());
        }
    }

    @Test
    public void whenEveryWorkerSlotIsBusyACallWaitsForOneUntilItsDeadline() throws Exception {
        // given a governor that runs one attempt at a time, busy
        Governor governor = new Governor(Governor.Options.defaults().withMaxCalls(1)
                .withWorkerKeepAlive(Duration.ofMillis(50)));
        AtomicInteger invocations = new AtomicInteger();
        CountDownLatch started = new CountDownLatch(1);
        AtomicReference<Object> first = caller(governor, DESCRIBE, "a", in(60), blocking(invocations, started, "a"));
        started.await();
        // when another call may wait 100 ms
        try {
            governor.call(KEY_ID, DESCRIBE, "b", System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100),
                    () -> "b");
            fail("expected a timeout");
        } catch (TimeoutException expected) {
            // then it gives up at its deadline without an attempt
        }
        assertEquals(1, invocations.get());
        // and once the slot is free, calls run again; nothing stays in flight
        release.countDown();
        joinAll();
        assertEquals("a", first.get());
        assertEquals("c", governor.call(KEY_ID, DESCRIBE, "c", in(60), () -> "c"));
        awaitCondition(() -> governor.busyCalls() == 0); // a slot is given back just after the answer
        assertEquals(0, governor.joinableCalls());
    }

    @Test
    public void identicalConcurrentWritesWithAKeyShareOneAttemptButAreNeverCached() throws Exception {
        // given an activation in flight, offered for sharing, with the cache on
        Governor governor = governor(GovernorSettings.defaults().withCacheTtl(Duration.ofMinutes(5)));
        AtomicInteger invocations = new AtomicInteger();
        CountDownLatch started = new CountDownLatch(1);
        Callable<String> open = blocking(invocations, started, "opened");
        AtomicReference<Object> first = caller(governor, OPEN, "open|PayByTraffic", in(60), open);
        started.await();
        // when an identical activation arrives meanwhile
        AtomicReference<Object> second = caller(governor, OPEN, "open|PayByTraffic", in(60), open);
        awaitCondition(() -> governor.stats().coalesced() == 1);
        release.countDown();
        joinAll();
        // then both got the one answer, and a later activation asks again
        assertEquals("opened", first.get());
        assertEquals("opened", second.get());
        assertEquals(1, invocations.get());
        assertEquals("again", governor.call(KEY_ID, OPEN, "open|PayByTraffic", in(60), () -> "again"));
        assertEquals(0, governor.stats().cachedResults());
    }

    @Test
    public void callsWithDifferentKeysDoNotShare() throws Exception {
        Governor governor = governor(GovernorSettings.defaults());
        AtomicInteger invocations = new AtomicInteger();
        CountDownLatch started = new CountDownLatch(2);
        AtomicReference<Object> first = caller(governor, DESCRIBE, "key-a", in(60), blocking(invocations, started, "a"));
        AtomicReference<Object> second = caller(governor, DESCRIBE, "key-b", in(60), blocking(invocations, started, "b"));
        started.await();
        release.countDown();
        joinAll();
        assertEquals(2, invocations.get());
        assertEquals("a", first.get());
        assertEquals("b", second.get());
        assertEquals(0, governor.stats().coalesced());
    }

    @Test
    public void withCoalescingOffEveryCallMakesItsOwnAttempt() throws Exception {
        Governor governor = governor(GovernorSettings.defaults().withCoalescing(false));
        AtomicInteger invocations = new AtomicInteger();
        CountDownLatch started = new CountDownLatch(3);
        for (int i = 0; i < 3; i++) {
            caller(governor, DESCRIBE, "same", in(60), blocking(invocations, started, "x"));
        }
        // all three are running at once: none waited for another's answer
        started.await();
        release.countDown();
        joinAll();
        assertEquals(3, invocations.get());
    }

    @Test
    public void theFailureOfASharedAttemptGoesToEveryCaller() throws Exception {
        Governor governor = governor(GovernorSettings.defaults());
        IllegalStateException failure = new IllegalStateException("InternalError");
        CountDownLatch started = new CountDownLatch(1);
        Callable<String> attempt = () -> {
            started.countDown();
            release.await();
            throw failure;
        };
        AtomicReference<Object> leader = caller(governor, DESCRIBE, "same", in(60), attempt);
        started.await();
        AtomicReference<Object> joiner = caller(governor, DESCRIBE, "same", in(60), attempt);
        awaitCondition(() -> governor.stats().coalesced() == 1);
        release.countDown();
        joinAll();
        assertSame(failure, leader.get());
        assertSame(failure, joiner.get());
    }

    @Test
    public void anInterruptedJoinerLeavesWithoutCancellingTheOthers() throws Exception {
        Governor governor = governor(GovernorSettings.defaults());
        AtomicInteger invocations = new AtomicInteger();
        CountDownLatch started = new CountDownLatch(1);
        Callable<String> attempt = blocking(invocations, started, "answer");
        AtomicReference<Object> leader = caller(governor, DESCRIBE, "same", in(60), attempt);
        started.await();
        AtomicReference<Object> joiner = caller(governor, DESCRIBE, "same", in(60), attempt);
        awaitCondition(() -> governor.stats().coalesced() == 1);
        // when the joiner is interrupted (a Jenkins abort of its build)
        Thread joinerThread = threads.get(1);
        joinerThread.interrupt();
        joinerThread.join(TimeUnit.SECONDS.toMillis(30));
        // then it leaves at once, while the attempt is still blocked
        assertTrue("joiner got " + joiner.get(), joiner.get() instanceof InterruptedException);
        assertEquals(1, release.getCount());
        release.countDown();
        joinAll();
        assertEquals("answer", leader.get());
        assertEquals(1, invocations.get());
    }

    @Test
    public void anInterruptedCallerReturnsAtOnceWhileTheAttemptNeverAnswersAndNoThreadIsLeft() throws Exception {
        // given an attempt that ignores interrupts and never answers until released
        Governor governor = governor(GovernorSettings.defaults());
        AtomicInteger invocations = new AtomicInteger();
        CountDownLatch started = new CountDownLatch(1);
        AtomicReference<Object> outcome = caller(governor, DESCRIBE, null, in(60), blocking(invocations, started, "x"));
        started.await();
        // when the caller is interrupted
        threads.get(0).interrupt();
        joinAll();
        // then it left with InterruptedException although the attempt is still running
        assertTrue("got " + outcome.get(), outcome.get() instanceof InterruptedException);
        assertEquals(1, governor.workerThreads());
        // and once the abandoned attempt ends (the SDK's read timeout), its thread goes away
        release.countDown();
        awaitCondition(() -> governor.workerThreads() == 0);
    }

    @Test
    public void aCallThatDoesNotAnswerBeforeTheDeadlineEndsWithTimeoutException() throws Exception {
        Governor governor = governor(GovernorSettings.defaults());
        AtomicInteger invocations = new AtomicInteger();
        CountDownLatch started = new CountDownLatch(1);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
        AtomicReference<Object> outcome = caller(governor, DESCRIBE, "same", deadline,
                blocking(invocations, started, "x"));
        joinAll();
        assertTrue("got " + outcome.get(), outcome.get() instanceof TimeoutException);
    }

    @Test
    public void aPermitThatCannotComeBeforeTheDeadlineEndsWithTimeoutExceptionWithoutAnAttempt() throws Exception {
        // given one Describe per hour, already used
        Governor governor = new Governor(Governor.Options.defaults().withWindow(Duration.ofHours(1), Duration.ZERO));
        governor.configure(GovernorSettings.defaults().withRates(1, 1));
        AtomicInteger invocations = new AtomicInteger();
        Callable<String> attempt = () -> {
            invocations.incrementAndGet();
            return "x";
        };
        assertEquals("x", governor.call(KEY_ID, DESCRIBE, null, in(60), attempt));
        // when
        try {
            governor.call(KEY_ID, DESCRIBE, null, in(60), attempt);
            fail("expected a timeout");
        } catch (TimeoutException expected) {
            // then
        }
        assertEquals(1, invocations.get());
        // another AccessKey and another action have their own limits
        assertEquals("x", governor.call("LTAI-test-0002", DESCRIBE, null, in(60), attempt));
        assertEquals("x", governor.call(KEY_ID, "DescribeCdnUserResourcePackage", null, in(60), attempt));
    }

    @Test
    public void aCallerInterruptedWhileWaitingForAPermitLeavesAndItsJoinersCarryOn() throws Exception {
        // given one Describe per hour, already used, and a leader waiting for the next permit with a joiner
        Governor governor = new Governor(Governor.Options.defaults().withWindow(Duration.ofHours(1), Duration.ZERO));
        governor.configure(GovernorSettings.defaults().withRates(1, 1));
        AtomicInteger invocations = new AtomicInteger();
        Callable<String> attempt = () -> {
            invocations.incrementAndGet();
            return "x";
        };
        governor.call(KEY_ID, DESCRIBE, "first", in(60), attempt);
        AtomicReference<Object> leader = caller(governor, DESCRIBE, "same", in(7200), attempt);
        awaitCondition(() -> governor.stats().rateWaits() == 1);
        AtomicReference<Object> joiner = caller(governor, DESCRIBE, "same", in(1800), attempt);
        awaitCondition(() -> governor.stats().coalesced() == 1);
        // when the leader is interrupted
        threads.get(0).interrupt();
        joinAll();
        // then the leader leaves with InterruptedException, and the joiner, not stranded, takes the lead
        // and learns its own deadline cannot be met
        assertTrue("leader got " + leader.get(), leader.get() instanceof InterruptedException);
        assertTrue("joiner got " + joiner.get(), joiner.get() instanceof TimeoutException);
        assertEquals(1, invocations.get());
    }

    @Test
    public void manyCallersBeyondTheRateAllWaitTheirTurnAndSucceed() throws Exception {
        // given 4 Describe calls per 30 ms window, and 20 callers whose first 4 calls hold their slots
        Governor governor = new Governor(Governor.Options.defaults()
                .withWindow(Duration.ofMillis(30), Duration.ZERO).withWorkerKeepAlive(Duration.ofMillis(50)));
        governor.configure(GovernorSettings.defaults().withRates(4, 4).withCoalescing(false));
        AtomicInteger invocations = new AtomicInteger();
        Callable<String> attempt = () -> {
            int n = invocations.incrementAndGet();
            release.await();
            return "n" + n;
        };
        List<AtomicReference<Object>> outcomes = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            outcomes.add(caller(governor, DESCRIBE, "same", in(60), attempt));
        }
        // when the other 16 are all waiting for a permit
        awaitCondition(() -> governor.stats().rateWaits() == 16 && invocations.get() >= 4);
        assertEquals("calls running while the rest wait", 4, invocations.get());
        release.countDown();
        joinAll();
        // then every one of them got its turn
        for (AtomicReference<Object> outcome : outcomes) {
            assertTrue("got " + outcome.get(), outcome.get() instanceof String);
        }
        assertEquals(20, invocations.get());
    }

    @Test
    public void theCacheReusesASuccessWithinItsLifetimeOnlyWhenOn() throws Exception {
        AtomicInteger invocations = new AtomicInteger();
        Callable<String> attempt = () -> "n" + invocations.incrementAndGet();
        // cache off (the default): two calls, two attempts
        Governor off = governor(GovernorSettings.defaults());
        assertEquals("n1", off.call(KEY_ID, DESCRIBE, "same", in(60), attempt));
        assertEquals("n2", off.call(KEY_ID, DESCRIBE, "same", in(60), attempt));
        // cache on: the second call reuses the first answer
        Governor on = governor(GovernorSettings.defaults().withCacheTtl(Duration.ofMinutes(5)));
        assertEquals("n3", on.call(KEY_ID, DESCRIBE, "same", in(60), attempt));
        assertEquals("n3", on.call(KEY_ID, DESCRIBE, "same", in(60), attempt));
        assertEquals(1, on.stats().cacheHits());
        // and never across keys
        assertEquals("n4", on.call(KEY_ID, DESCRIBE, "other", in(60), attempt));
    }

    @Test
    public void newSettingsTakeEffectForTheNextCall() throws Exception {
        // given a cached answer
        Governor governor = governor(GovernorSettings.defaults().withCacheTtl(Duration.ofMinutes(5)));
        AtomicInteger invocations = new AtomicInteger();
        Callable<String> attempt = () -> "n" + invocations.incrementAndGet();
        assertEquals("n1", governor.call(KEY_ID, DESCRIBE, "same", in(60), attempt));
        // when the cache is turned off
        governor.configure(GovernorSettings.defaults());
        // then the next call asks again, and nothing stays cached
        assertEquals("n2", governor.call(KEY_ID, DESCRIBE, "same", in(60), attempt));
        assertEquals(0, governor.stats().cachedResults());
        // and a new rate applies to the next call: one per hour, then none before the deadline
        Governor slow = new Governor(Governor.Options.defaults().withWindow(Duration.ofHours(1), Duration.ZERO));
        slow.call(KEY_ID, DESCRIBE, null, in(60), attempt);
        slow.configure(GovernorSettings.defaults().withRates(1, 1));
        slow.call(KEY_ID, DESCRIBE, null, in(60), attempt);
        try {
            slow.call(KEY_ID, DESCRIBE, null, in(60), attempt);
            fail("expected a timeout under the new rate");
        } catch (TimeoutException expected) {
            // then
        }
    }

    @Test
    public void theCacheKeepsNoFailureAndNoExpiredResult() throws Exception {
        AtomicInteger invocations = new AtomicInteger();
        Governor governor = new Governor(Governor.Options.defaults().withIdleExpiry(Duration.ofMillis(1)));
        governor.configure(GovernorSettings.defaults().withCacheTtl(Duration.ofMillis(1)));
        Callable<String> failing = () -> {
            invocations.incrementAndGet();
            throw new IllegalStateException("ServiceUnavailable");
        };
        for (int i = 0; i < 2; i++) {
            try {
                governor.call(KEY_ID, DESCRIBE, "same", in(60), failing);
                fail("expected the failure");
            } catch (IllegalStateException expected) {
                // a failure is never reused
            }
        }
        assertEquals(2, invocations.get());
        governor.call(KEY_ID, DESCRIBE, "same", in(60), () -> "ok");
        awaitCondition(() -> {
            governor.sweepNow();
            return governor.stats().cachedResults() == 0;
        });
    }

    @Test
    public void aWriteDropsTheCachedAnswersOfItsAccessKey() throws Exception {
        // given a cached "not activated"
        Governor governor = governor(GovernorSettings.defaults().withCacheTtl(Duration.ofMinutes(5)));
        AtomicInteger describes = new AtomicInteger();
        Callable<String> describe = () -> describes.incrementAndGet() == 1 ? "not activated" : "activated";
        assertEquals("not activated", governor.call(KEY_ID, DESCRIBE, "same", in(60), describe));
        // when the service is opened
        assertEquals("opened", governor.call(KEY_ID, OPEN, null, in(60), () -> "opened"));
        // then the confirming describe asks again
        assertEquals("activated", governor.call(KEY_ID, DESCRIBE, "same", in(60), describe));
    }

    @Test
    public void aWriteClosesTheCallsInFlightToNewJoiners() throws Exception {
        // given a describe in flight
        Governor governor = governor(GovernorSettings.defaults());
        AtomicInteger invocations = new AtomicInteger();
        CountDownLatch started = new CountDownLatch(1);
        AtomicReference<Object> before = caller(governor, DESCRIBE, "same", in(60),
                blocking(invocations, started, "not activated"));
        started.await();
        // when the service is opened meanwhile
        governor.call(KEY_ID, OPEN, null, in(60), () -> "opened");
        // then a describe after it does not join the one from before
        String after = governor.call(KEY_ID, DESCRIBE, "same", in(60), () -> "activated");
        assertEquals("activated", after);
        release.countDown();
        joinAll();
        assertEquals("not activated", before.get());
        assertEquals(0, governor.stats().coalesced());
    }

    @Test
    public void absurdSettingsDoNotOverflow() throws Exception {
        // a rate of one call in ~300 years and a cache of 1,000 years still work as "very slow" and "very long"
        Governor governor = governor(new GovernorSettings(true, 1e-10, 1e-10, true, Duration.ofDays(365_000)));
        AtomicInteger invocations = new AtomicInteger();
        assertEquals(1, (int) governor.call(KEY_ID, DESCRIBE, "same", in(60), invocations::incrementAndGet));
        assertEquals(1, (int) governor.call(KEY_ID, DESCRIBE, "same", in(60), invocations::incrementAndGet));
        try {
            governor.call(KEY_ID, DESCRIBE, "other", in(60), invocations::incrementAndGet);
            fail("expected a timeout: the next permit is a day away");
        } catch (TimeoutException expected) {
            // then
        }
    }

    @Test
    public void anAlreadyInterruptedCallerMakesNoAttempt() {
        Governor governor = governor(GovernorSettings.defaults());
        AtomicInteger invocations = new AtomicInteger();
        Thread.currentThread().interrupt();
        try {
            governor.call(KEY_ID, DESCRIBE, null, in(60), invocations::incrementAndGet);
            fail("expected InterruptedException");
        } catch (Exception e) {
            assertTrue("got " + e, e instanceof InterruptedException);
        }
        assertEquals(0, invocations.get());
    }

    @Test
    public void idleRateLimitersExpire() throws Exception {
        Governor governor = new Governor(Governor.Options.defaults()
                .withWindow(Duration.ofMillis(1), Duration.ZERO).withIdleExpiry(Duration.ofHours(1)));
        governor.call(KEY_ID, DESCRIBE, null, in(60), () -> "x");
        governor.call("LTAI-test-0002", DESCRIBE, null, in(60), () -> "x");
        assertEquals(2, governor.stats().limiters());
        awaitCondition(() -> {
            governor.sweepNow();
            return governor.stats().limiters() == 0;
        });
        // and a fresh limiter serves the key again
        assertEquals("y", governor.call(KEY_ID, DESCRIBE, null, in(60), () -> "y"));
    }
}
