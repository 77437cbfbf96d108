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
            // when: each call lasts a random while (often no time at all) before it ends
            List<long[]> running = new ArrayList<>(); // {permit, endsAt}
            for (int i = 0; i < 20_000; i++) {
                for (java.util.Iterator<long[]> it = running.iterator(); it.hasNext(); ) {
                    long[] call = it.next();
                    if (clock.nanoTime() >= call[1]) {
                        limiter.release((int) call[0]);
                        it.remove();
                    }
                }
                int permit = limiter.tryAcquire();
                if (permit >= 0) {
                    grants.add(clock.nanoTime());
                    long lasts = random.nextBoolean() ? 0 : random.nextInt((int) Math.min(window, Integer.MAX_VALUE));
                    running.add(new long[] {permit, clock.nanoTime() + lasts});
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
            limiter.release(granted(limiter.tryAcquire()));
        }
        assertEquals("sixth permit in the same instant", -1, limiter.tryAcquire());
        clock.advance(SECOND - 1);
        assertEquals("sixth permit 1 ns before the window ends", -1, limiter.tryAcquire());
        clock.advance(1);
        granted(limiter.tryAcquire());
    }

    @Test
    public void aSlotIsHeldWhileItsCallRunsAndForOneWindowAfterItEnds() {
        // given one call per second, whose call takes 5 s (the server counts it somewhere in between)
        ManualTicker clock = new ManualTicker();
        RateLimiter limiter = new RateLimiter(1, SECOND, clock);
        int permit = granted(limiter.tryAcquire());
        clock.advance(5 * SECOND);
        assertEquals("a permit while the call is still running", -1, limiter.tryAcquire());
        // when it ends
        limiter.release(permit);
        // then the next call starts one full window after it ended
        clock.advance(SECOND - 1);
        assertEquals("a permit within a window of the end", -1, limiter.tryAcquire());
        clock.advance(1);
        granted(limiter.tryAcquire());
    }

    @Test
    public void aPermitThatCannotComeBeforeTheDeadlineTimesOutAtOnceAndConsumesNothing() throws Exception {
        // given one permit per second, used just now
        ManualTicker clock = new ManualTicker();
        RateLimiter limiter = new RateLimiter(1, SECOND, clock);
        limiter.release(granted(limiter.tryAcquire()));
        // when a caller can wait only half a second
        try {
            limiter.acquire(clock.nanoTime() + SECOND / 2);
            fail("expected a timeout");
        } catch (TimeoutException expected) {
            // then it leaves at once, without waiting for the clock, and without taking a place
        }
        assertEquals(0, limiter.waiting());
        clock.advance(SECOND);
        granted(limiter.tryAcquire());
    }

    @Test
    public void aWaiterBehindARunningCallTimesOutAtOnceWhenTheWindowCannotPassInTime() throws Exception {
        // given the only permit held by a call that is still running
        ManualTicker clock = new ManualTicker();
        RateLimiter limiter = new RateLimiter(1, SECOND, clock);
        granted(limiter.tryAcquire());
        // when a caller can wait less than a window (the slot frees a window after that call ends)
        try {
            limiter.acquire(clock.nanoTime() + SECOND - 1);
            fail("expected a timeout");
        } catch (TimeoutException expected) {
            // then it gives up at once, without waiting for the clock, and leaves the queue
        }
        assertEquals(0, limiter.waiting());
        assertEquals(1, limiter.inFlight());
    }

    @Test
    public void aWaiterBehindACallThatNeverEndsGivesUpAtItsDeadline() throws Exception {
        // given the only permit held by a call that does not end, and a caller that could wait 1.2 windows
        long window = TimeUnit.MILLISECONDS.toNanos(100);
        RateLimiter limiter = new RateLimiter(1, window, Ticker.SYSTEM);
        granted(limiter.tryAcquire());
        // when
        try {
            limiter.acquire(System.nanoTime() + window + window / 5);
            fail("expected a timeout");
        } catch (TimeoutException expected) {
            // then it gives up as soon as the deadline is out of reach
        }
        assertEquals(0, limiter.waiting());
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
                    int permit = limiter.acquire(System.nanoTime() + TimeUnit.SECONDS.toNanos(60));
                    granted[index] = System.nanoTime();
                    limiter.release(permit);
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
        limiter.release(granted(limiter.tryAcquire()));
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
        int permit = granted(limiter.tryAcquire());
        assertFalse("a call in flight", limiter.retireIfIdle());
        limiter.release(permit);
        assertFalse("a call ended within the window", limiter.retireIfIdle());
        clock.advance(SECOND);
        assertTrue("nothing inside the window", limiter.retireIfIdle());
        try {
            limiter.tryAcquire();
            fail("a retired limiter must not grant");
        } catch (RateLimiter.RetiredException expected) {
            // the governor fetches a fresh limiter
        }
    }

    private static int granted(int permit) {
        assertTrue("no permit granted", permit >= 0);
        return permit;
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
