package io.jenkins.plugins.cdngate.core.flow;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads SDK attempts run on, so that the caller can stop waiting.
 *
 * <p>Why: the SDK's blocking socket I/O ignores {@link Thread#interrupt()} (reference §2.6: an
 * interrupt 1 s into an 8 s server delay returned after 8 s), so a Jenkins abort or Ctrl-C must not
 * depend on it. The caller waits on a future instead; an abandoned attempt ends on its own, bounded by
 * its read timeout, and then frees its thread.
 *
 * <p>Bounded by a semaphore of {@code maxCalls} slots, taken by the caller before it asks for a rate
 * permit (so a permit is never granted to a call that then queues for a thread, which would bunch
 * starts together) and given back when the attempt ends, abandoned or not. Threads are daemon, named
 * {@code cdn-gate-call-N}, reused, and die after {@code keepAlive} idle.
 */
final class CallWorkers {
    static final String THREAD_PREFIX = "cdn-gate-call-";

    private final Semaphore slots;
    private final ThreadPoolExecutor pool;

    CallWorkers(int maxCalls, Duration keepAlive) {
        this.slots = new Semaphore(maxCalls, true);
        AtomicInteger serial = new AtomicInteger();
        ThreadFactory factory = runnable -> {
            Thread thread = new Thread(runnable, THREAD_PREFIX + serial.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        // A direct hand-off queue: a task either finds an idle thread or gets a new one. The pool may
        // briefly hold a few more threads than slots (a thread that has released its slot but not yet
        // gone back to the queue), hence the slack; in the rare case that is not enough the submitter
        // waits for a thread to come back rather than failing the call.
        this.pool = new ThreadPoolExecutor(0, maxCalls + 8, keepAlive.toNanos(), TimeUnit.NANOSECONDS,
                new SynchronousQueue<>(), factory, (task, executor) -> {
                    try {
                        executor.getQueue().put(task);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new RejectedExecutionException("interrupted while handing a call to a worker", e);
                    }
                });
    }

    /** Takes a slot, waiting at most until the deadline. */
    void acquireSlot(long deadlineNanos) throws InterruptedException, TimeoutException {
        if (slots.tryAcquire()) {
            return;
        }
        long remaining = deadlineNanos - System.nanoTime();
        if (remaining <= 0 || !slots.tryAcquire(remaining, TimeUnit.NANOSECONDS)) {
            throw new TimeoutException("no free call slot before the deadline");
        }
    }

    void releaseSlot() {
        slots.release();
    }

    /** Runs the task on a worker; the slot taken with {@link #acquireSlot} is released when it ends. */
    void start(Runnable task) {
        try {
            pool.execute(() -> {
                try {
                    task.run();
                } finally {
                    slots.release();
                }
            });
        } catch (RuntimeException e) {
            slots.release();
            throw e;
        }
    }

    int activeThreads() {
        return pool.getPoolSize();
    }

    int freeSlots() {
        return slots.availablePermits();
    }
}
