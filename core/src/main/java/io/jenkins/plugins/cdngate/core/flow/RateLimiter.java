package io.jenkins.plugins.cdngate.core.flow;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * At most {@code permits} grants in any window of {@code windowNanos}: a sliding-window log of the
 * last {@code permits} grant times.
 *
 * <p>Why a log and not a token bucket or evenly spaced slots: Alibaba counts requests per user and
 * action per second (5/s OpenCdnService, 30/s each Describe; reference §1.6), and we cannot know
 * whether its window is fixed, sliding or a bucket. "No more than N starts in any window of W" is
 * accepted by all three when W is at least the server's window: a fixed window is one of the sliding
 * windows, and a bucket of capacity N refilled at N/W never runs dry on such a sequence. The caller
 * adds a safety margin to W to absorb the jitter between our grant and the server's arrival time.
 *
 * <p>Grants are recorded at the instant they are made (not reserved ahead), so a waiter that wakes
 * late never makes two grants look closer than they were. Waiters are served first come, first
 * served; only the head of the queue watches the clock, the others sleep until they become head or
 * their deadline passes, so a crowd of waiters does not stampede on every grant.
 */
public final class RateLimiter {
    private final int permits;
    private final long windowNanos;
    private final Ticker ticker;

    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<Condition> queue = new ArrayDeque<>();
    /** Ring of the last {@code permits} grant times, oldest at {@code head}. */
    private final long[] grants;
    private int head;
    private int size;
    private boolean retired;

    public RateLimiter(int permits, long windowNanos, Ticker ticker) {
        if (permits < 1 || windowNanos <= 0) {
            throw new IllegalArgumentException("a rate limit needs at least 1 permit per positive window");
        }
        this.permits = permits;
        this.windowNanos = windowNanos;
        this.ticker = ticker;
        this.grants = new long[permits];
    }

    public int permits() {
        return permits;
    }

    public long windowNanos() {
        return windowNanos;
    }

    /**
     * Waits for a permit.
     *
     * @return the {@link Ticker} time at which the permit was granted
     * @throws InterruptedException when interrupted while waiting (no permit is consumed)
     * @throws TimeoutException     when the permit cannot come before {@code deadlineNanos} (no permit is consumed)
     * @throws RetiredException     when this limiter was retired as idle; the caller fetches a fresh one
     */
    public long acquire(long deadlineNanos) throws InterruptedException, TimeoutException {
        lock.lockInterruptibly();
        try {
            if (retired) {
                throw RetiredException.INSTANCE;
            }
            Condition me = null;
            while (true) {
                long now = ticker.nanoTime();
                evict(now);
                boolean myTurn = queue.isEmpty() || queue.peekFirst() == me;
                if (myTurn && size < permits) {
                    record(now);
                    if (me != null) {
                        queue.pollFirst();
                    }
                    signalHead();
                    return now;
                }
                if (me == null) {
                    me = lock.newCondition();
                    queue.addLast(me);
                }
                long earliest = earliestGrant(position(me), now);
                if (earliest - deadlineNanos > 0 || now - deadlineNanos >= 0) {
                    leave(me);
                    throw new TimeoutException("no call permit before the deadline (" + permits + " per "
                            + TimeUnit.NANOSECONDS.toMillis(windowNanos) + " ms)");
                }
                long wakeAt = queue.peekFirst() == me ? earliest : deadlineNanos;
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
     * @return true when granted
     */
    public boolean tryAcquire() {
        lock.lock();
        try {
            if (retired) {
                throw RetiredException.INSTANCE;
            }
            long now = ticker.nanoTime();
            evict(now);
            if (queue.isEmpty() && size < permits) {
                record(now);
                return true;
            }
            return false;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Retires this limiter when nothing in it can matter any more (no waiter, no grant inside the
     * window), so an idle AccessKey costs no memory. A retired limiter refuses further use.
     *
     * @return true when retired by this call
     */
    public boolean retireIfIdle() {
        lock.lock();
        try {
            if (retired) {
                return false;
            }
            evict(ticker.nanoTime());
            if (size == 0 && queue.isEmpty()) {
                retired = true;
                return true;
            }
            return false;
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

    private void evict(long now) {
        while (size > 0 && now - grants[head] >= windowNanos) {
            head = (head + 1) % permits;
            size--;
        }
    }

    private void record(long now) {
        grants[(head + size) % permits] = now;
        size++;
    }

    /**
     * A lower bound of when the waiter at queue position {@code k} can be granted: each waiter ahead
     * of it, and itself, needs one recorded grant to leave the window.
     */
    private long earliestGrant(int k, long now) {
        int free = permits - size;
        if (k < free) {
            return now;
        }
        int index = k - free;
        if (index < size) {
            return grants[(head + index) % permits] + windowNanos;
        }
        return now + windowNanos;
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
