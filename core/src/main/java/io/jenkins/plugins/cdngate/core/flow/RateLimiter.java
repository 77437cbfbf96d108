package io.jenkins.plugins.cdngate.core.flow;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * At most {@code permits} calls in any window of {@code windowNanos} as the server counts them, whatever
 * the delays between us and the server.
 *
 * <p>Why not a token bucket or a plain log of start times: Alibaba counts calls per user and action per
 * second (5/s OpenCdnService, 30/s each Describe; reference §1.6) at the moment a call reaches it, which
 * lies somewhere between our send and our receipt of the answer. Two calls started a full window apart
 * can reach the server closer than that when the first one is delayed (a loaded machine, the network).
 * The benchmark showed it: spacing starts by 1.1 s still drew Throttling answers from the emulator under
 * a load average of 17 (docs/performance.md). So each of the {@code permits} slots is held from the grant
 * until the call has ended, and then for one more window: the next call in that slot starts at least a
 * window after the previous one ended, hence reaches the server at least a window after the previous one
 * did. That holds for a fixed window, a sliding window and a bucket of capacity N refilled at N per window
 * alike (the emulator uses a sliding one-second log). An abandoned call keeps its slot until it really
 * ends, because the server may still count it.
 *
 * <p>Waiters are served first come, first served; only the head of the queue watches the clock, the
 * others sleep until they become head or their deadline passes, so a crowd of waiters does not stampede.
 */
public final class RateLimiter {
    /** {@link #freeAt} value of a slot whose call has not ended yet. */
    private static final long IN_FLIGHT = Long.MAX_VALUE;

    private final int permits;
    private final long windowNanos;
    private final Ticker ticker;

    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<Condition> queue = new ArrayDeque<>();
    /** Per slot: when it can be granted again ({@link Ticker} time), or {@link #IN_FLIGHT}. */
    private final long[] freeAt;
    private final boolean[] everUsed;
    private boolean retired;

    public RateLimiter(int permits, long windowNanos, Ticker ticker) {
        if (permits < 1 || windowNanos <= 0) {
            throw new IllegalArgumentException("a rate limit needs at least 1 permit per positive window");
        }
        this.permits = permits;
        this.windowNanos = windowNanos;
        this.ticker = ticker;
        this.freeAt = new long[permits];
        this.everUsed = new boolean[permits];
    }

    public int permits() {
        return permits;
    }

    public long windowNanos() {
        return windowNanos;
    }

    /**
     * Waits for a permit. The caller must {@link #release} it when its call has ended (or was never made).
     *
     * @return the permit, to hand to {@link #release}
     * @throws InterruptedException when interrupted while waiting (no permit is taken)
     * @throws TimeoutException     when the permit cannot come before {@code deadlineNanos} (no permit is taken)
     * @throws RetiredException     when this limiter was retired as idle; the caller fetches a fresh one
     */
    public int acquire(long deadlineNanos) throws InterruptedException, TimeoutException {
        lock.lockInterruptibly();
        try {
            if (retired) {
                throw RetiredException.INSTANCE;
            }
            Condition me = null;
            while (true) {
                long now = ticker.nanoTime();
                boolean myTurn = queue.isEmpty() || queue.peekFirst() == me;
                int slot = myTurn ? freeSlot(now) : -1;
                if (slot >= 0) {
                    take(slot);
                    if (me != null) {
                        queue.pollFirst();
                    }
                    signalHead();
                    return slot;
                }
                if (me == null) {
                    me = lock.newCondition();
                    queue.addLast(me);
                }
                long earliest = earliestGrant(position(me), now);
                if (earliest - deadlineNanos > 0 || now - deadlineNanos >= 0) {
                    leave(me);
                    throw new TimeoutException("no call permit before the deadline (" + permits + " calls per "
                            + TimeUnit.NANOSECONDS.toMillis(windowNanos) + " ms)");
                }
                // The head sleeps until its slot may free (a release wakes it sooner); the others until
                // their deadline (they are woken when they become head).
                long wakeAt = queue.peekFirst() == me ? Math.min(earliest, deadlineNanos) : deadlineNanos;
                try {
                    me.awaitNanos(Math.max(1, wakeAt - now));
                } catch (InterruptedException e) {
                    leave(me);
                    throw e;
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Takes a permit only if one is free now and nobody is queued.
     *
     * @return the permit, or -1
     */
    public int tryAcquire() {
        lock.lock();
        try {
            if (retired) {
                throw RetiredException.INSTANCE;
            }
            int slot = queue.isEmpty() ? freeSlot(ticker.nanoTime()) : -1;
            if (slot >= 0) {
                take(slot);
            }
            return slot;
        } finally {
            lock.unlock();
        }
    }

    /** The call made with this permit has ended now (or was never made): its slot frees one window later. */
    public void release(int permit) {
        lock.lock();
        try {
            if (freeAt[permit] == IN_FLIGHT) {
                freeAt[permit] = ticker.nanoTime() + windowNanos;
                signalHead();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Retires this limiter when nothing in it can matter any more (no waiter, no call in flight or within a
     * window of its end), so an idle AccessKey costs no memory. A retired limiter refuses further use.
     *
     * @return true when retired by this call
     */
    public boolean retireIfIdle() {
        lock.lock();
        try {
            if (retired || !queue.isEmpty()) {
                return false;
            }
            long now = ticker.nanoTime();
            for (int i = 0; i < permits; i++) {
                if (everUsed[i] && (freeAt[i] == IN_FLIGHT || freeAt[i] - now > 0)) {
                    return false;
                }
            }
            retired = true;
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Number of callers waiting for a permit. */
    public int waiting() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    /** Permits granted and not yet released. */
    public int inFlight() {
        lock.lock();
        try {
            int count = 0;
            for (long t : freeAt) {
                if (t == IN_FLIGHT) {
                    count++;
                }
            }
            return count;
        } finally {
            lock.unlock();
        }
    }

    private int freeSlot(long now) {
        for (int i = 0; i < permits; i++) {
            if (!everUsed[i] || freeAt[i] != IN_FLIGHT && now - freeAt[i] >= 0) {
                return i;
            }
        }
        return -1;
    }

    private void take(int slot) {
        everUsed[slot] = true;
        freeAt[slot] = IN_FLIGHT;
    }

    /**
     * A lower bound of when the waiter at queue position {@code k} can be granted: the (k+1)-th slot to
     * free. A slot whose call is still running, or that a waiter ahead will take, frees a window after
     * that call ends, so not before {@code now + window}.
     */
    private long earliestGrant(int k, long now) {
        if (k >= permits) {
            return now + windowNanos;
        }
        long[] times = new long[permits];
        for (int i = 0; i < permits; i++) {
            times[i] = !everUsed[i] ? now : freeAt[i] == IN_FLIGHT ? now + windowNanos : freeAt[i];
        }
        Arrays.sort(times);
        return Math.max(now, times[k]);
    }

    private int position(Condition me) {
        int i = 0;
        for (Iterator<Condition> it = queue.iterator(); it.hasNext(); i++) {
            if (it.next() == me) {
                return i;
            }
        }
        throw new IllegalStateException("waiter not queued");
    }

    private void leave(Condition me) {
        queue.remove(me);
        signalHead();
    }

    private void signalHead() {
        Condition next = queue.peekFirst();
        if (next != null) {
            next.signal();
        }
    }

    /** Thrown to a caller that found a limiter retired between looking it up and using it. */
    public static final class RetiredException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final RetiredException INSTANCE = new RetiredException();

        private RetiredException() {
            super("rate limiter retired", null, false, false);
        }
    }
}
