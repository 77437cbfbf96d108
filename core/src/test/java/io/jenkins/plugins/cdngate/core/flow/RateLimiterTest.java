package io.jenkins.plugins.cdngate.core.flow;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.Test;

public class RateLimiterTest {
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    /** (permits, window): Alibaba's two limits and a slow one. */
    private static final long[][] LIMITS = {{5, SECOND}, {30, SECOND}, {1, 3 * SECOND}, {2, 7}};

    @Test
    public void neverGrantsMoreThanThePermitsInAnyWindowOfTheInjectedClock() {
        for (long[] limit : LIMITS) {
            int permits = (int) limit[0];
            long window = limit[1];
            // given a limiter on a manual clock, hammered at random instants
            ManualTicker clock = new ManualTicker();
            RateLimiter limiter = new RateLimiter(permits, window, clock);
            Random random = new Random(42);
            List<Long> grants = new ArrayList<>();
            // when
            for (int i = 0; i < 20_000; i++) {
                if (limiter.tryAcquire()) {
                    grants.add(clock.nanoTime());
                }
                clock.advance(random.nextInt(4) == 0 ? random.nextInt((int) Math.min(window, Integer.MAX_VALUE)) : 0);
            }
            // then: any permits+1 consecutive grants span at least a full window
            assertTrue("grants were made for " + permits + "/" + window, grants.size() > permits);
            for (int i = 0; i + permits < grants.size(); i++) {
                long span = grants.get(i + permits) - grants.get(i);
                assertTrue(permits + " per " + window + ": grant " + (i + permits) + " only " + span
                        + " ns after grant " + i, span >= window);
            }
        }
    }

    @Test
    public void grantsTheFullBurstAndAgainOnceTheWindowHasPassed() {
        ManualTicker clock = new ManualTicker();
        RateLimiter limiter = new RateLimiter(5, SECOND, clock);
        for (int i = 0; i < 5; i++) {
            assertTrue("permit " + i, limiter.tryAcquire());
        }
        assertFalse("sixth permit in the same instant", limiter.tryAcquire());
        clock.advance(SECOND - 1);
        assertFalse("sixth permit 1 ns before the window ends", limiter.tryAcquire());
        clock.advance(1);
        assertTrue("permit once the first grant left the window", limiter.tryAcquire());
    }

    @Test
    public void aPermitThatCannotComeBeforeTheDeadlineTimesOutAtOnceAndConsumesNothing() throws Exception {
        // given one permit per second, taken
        ManualTicker clock = new ManualTicker();
        RateLimiter limiter = new RateLimiter(1, SECOND, clock);
        assertTrue(limiter.tryAcquire());
        // when a caller can wait only half a second
        try {
            limiter.acquire(clock.nanoTime() + SECOND / 2);
            fail("expected a timeout");
        } catch (TimeoutException expected) {
            // then it leaves at once, without waiting for the clock, and without taking a place
        }
        assertEquals(0, limiter.waiting());
        clock.advance(SECOND);
        assertTrue("the permit is still there for the next caller", limiter.tryAcquire());
    }

    @Test
    public void waitersWaitTheirTurnInsteadOfFailing() throws Exception {
        // given 3 permits per 40 ms on the real clock and 12 callers at once, each with time to spare
        RateLimiter limiter = new RateLimiter(3, TimeUnit.MILLISECONDS.toNanos(40), Ticker.SYSTEM);
        int callers = 12;
        long[] granted = new long[callers];
        List<Throwable> failures = new ArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            int index = i;
            Thread thread = new Thread(() -> {
                try {
                    go.await();
                    granted[index] = limiter.acquire(System.nanoTime() + TimeUnit.SECONDS.toNanos(60));
                } catch (Throwable e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
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
        // then every caller got a permit, and the grants respect the window
        assertEquals("failures", List.of(), failures);
        long[] sorted = granted.clone();
        java.util.Arrays.sort(sorted);
        for (int i = 0; i + 3 < callers; i++) {
            assertTrue("4 grants within one window", sorted[i + 3] - sorted[i] >= TimeUnit.MILLISECONDS.toNanos(40));
        }
    }

    @Test
    public void anInterruptWhileWaitingForAPermitEndsTheWaitWithInterruptedException() throws Exception {
        // given a limiter whose only permit is taken for an hour
        RateLimiter limiter = new RateLimiter(1, TimeUnit.HOURS.toNanos(1), Ticker.SYSTEM);
        assertTrue(limiter.tryAcquire());
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        Thread waiter = new Thread(() -> {
            try {
                limiter.acquire(System.nanoTime() + TimeUnit.HOURS.toNanos(2));
                outcome.set(new AssertionError("granted"));
            } catch (Throwable e) {
                outcome.set(e);
            }
        });
        waiter.start();
        awaitCondition(() -> limiter.waiting() == 1);
        // when
        waiter.interrupt();
        waiter.join(TimeUnit.SECONDS.toMillis(30));
        // then
        assertFalse("the waiter is still waiting", waiter.isAlive());
        assertTrue("got " + outcome.get(), outcome.get() instanceof InterruptedException);
        assertEquals("the waiter left the queue", 0, limiter.waiting());
    }

    @Test
    public void anIdleLimiterRetiresAndRefusesFurtherUse() {
        ManualTicker clock = new ManualTicker();
        RateLimiter limiter = new RateLimiter(2, SECOND, clock);
        assertTrue(limiter.tryAcquire());
        assertFalse("a grant is still inside the window", limiter.retireIfIdle());
        clock.advance(SECOND);
        assertTrue("nothing inside the window", limiter.retireIfIdle());
        try {
            limiter.tryAcquire();
            fail("a retired limiter must not grant");
        } catch (RateLimiter.RetiredException expected) {
            // the governor fetches a fresh limiter
        }
    }

    /** Polls with a bound; fails instead of hanging. */
    static void awaitCondition(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - end > 0) {
                fail("condition not reached within 30 s");
            }
            Thread.sleep(5);
        }
    }
}
