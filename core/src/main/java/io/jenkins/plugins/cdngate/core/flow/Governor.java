package io.jenkins.plugins.cdngate.core.flow;

import io.jenkins.plugins.cdngate.core.GovernorSettings;

import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The engine behind {@link io.jenkins.plugins.cdngate.core.CallGovernor}: one per process in
 * production, one per test here.
 *
 * <p>A call goes: result cache (when on) -> join an identical call in flight (when coalescing) ->
 * take a worker slot -> wait for a rate permit for (AccessKey, action) -> run the attempt on a
 * worker thread -> the caller waits on it with the time it has left. Every wait is interruptible and
 * bounded by the caller's deadline; a caller that leaves never cancels a call others are waiting for.
 *
 * <p>Consistency: a write (any action that is not a {@code Describe*}, i.e. OpenCdnService) for an
 * AccessKey closes that key's calls in flight to new joiners and drops its cached results, both when
 * it starts and when it ends. So the "describe again to confirm" after an activation never receives
 * an answer given before the activation (reference: issue 3, EnsureActive).
 */
public final class Governor {
    /** Tuning that is not user configuration: fixed in production, shortened by tests. */
    public record Options(Duration window, Duration safetyMargin, int maxCalls, Duration workerKeepAlive,
                          Duration idleExpiry, int maxCachedResults) {
        public Options {
            Objects.requireNonNull(window, "window");
            Objects.requireNonNull(safetyMargin, "safetyMargin");
            Objects.requireNonNull(workerKeepAlive, "workerKeepAlive");
            Objects.requireNonNull(idleExpiry, "idleExpiry");
            if (window.isZero() || window.isNegative() || safetyMargin.isNegative() || maxCalls < 1
                    || maxCachedResults < 0) {
                throw new IllegalArgumentException("invalid governor options");
            }
        }

        /**
         * Production values. The window is Alibaba's second plus a small margin (clock granularity: the
         * emulator counts in whole milliseconds; a distributed server may disagree with itself by a few).
         * The delays between us and the server need no margin: a rate slot is held until its call has
         * ended (see {@link RateLimiter}).
         * 128 concurrent calls matches the SDK's Apache connection pool (128 per route, reference §2.3).
         */
        public static Options defaults() {
            return new Options(Duration.ofSeconds(1), Duration.ofMillis(50), 128, Duration.ofSeconds(30),
                    Duration.ofSeconds(60), 10_000);
        }

        public Options withWorkerKeepAlive(Duration value) {
            return new Options(window, safetyMargin, maxCalls, value, idleExpiry, maxCachedResults);
        }

        public Options withWindow(Duration value, Duration margin) {
            return new Options(value, margin, maxCalls, workerKeepAlive, idleExpiry, maxCachedResults);
        }

        public Options withMaxCalls(int value) {
            return new Options(window, safetyMargin, value, workerKeepAlive, idleExpiry, maxCachedResults);
        }

        public Options withIdleExpiry(Duration value) {
            return new Options(window, safetyMargin, maxCalls, workerKeepAlive, value, maxCachedResults);
        }
    }

    /** Counters since start, for the benchmark and tests. */
    public record Stats(long calls, long attempts, long coalesced, long cacheHits, long rateWaits,
                        long limiters, long cachedResults) {
    }

    private record LimiterKey(String accessKeyId, String action, int permits, long windowNanos) {
    }

    private record Cached(Object value, long expiresAt) {
    }

    /** One attempt that identical callers share; removed from the map when done or closed by a write. */
    private static final class Flight {
        final String accessKeyId;
        final CompletableFuture<Object> result = new CompletableFuture<>();

        Flight(String accessKeyId) {
            this.accessKeyId = accessKeyId;
        }
    }

    /** Tells joiners that the caller who was to start the attempt left before starting it. */
    private static final class LeaderLeft extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final LeaderLeft INSTANCE = new LeaderLeft();

        private LeaderLeft() {
            super("leader left", null, false, false);
        }
    }

    private static final long MAX_WINDOW_NANOS = TimeUnit.DAYS.toNanos(1);
    private static final long MAX_TTL_SECONDS = TimeUnit.DAYS.toSeconds(365);

    private final Options options;
    private final CallWorkers workers;
    private volatile GovernorSettings settings = GovernorSettings.defaults();

    private final ConcurrentHashMap<LimiterKey, RateLimiter> limiters = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Flight> flights = new ConcurrentHashMap<>();
    /** AccessKey ID -> coalesce key -> result. */
    private final ConcurrentHashMap<String, ConcurrentHashMap<String, Cached>> cache = new ConcurrentHashMap<>();
    private final Object cacheLock = new Object();
    /** Bumped by every write; a result is cached only if no write happened while it was fetched. */
    private final AtomicLong writeGeneration = new AtomicLong();
    private final AtomicLong lastSweep = new AtomicLong(System.nanoTime());

    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong attempts = new AtomicLong();
    private final AtomicLong coalesced = new AtomicLong();
    private final AtomicLong cacheHits = new AtomicLong();
    private final AtomicLong rateWaits = new AtomicLong();

    public Governor(Options options) {
        this.options = Objects.requireNonNull(options, "options");
        this.workers = new CallWorkers(options.maxCalls(), options.workerKeepAlive());
    }

    public Governor() {
        this(Options.defaults());
    }

    public void configure(GovernorSettings newSettings) {
        this.settings = Objects.requireNonNull(newSettings, "settings");
        if (newSettings.cacheTtl().isZero()) {
            cache.clear();
        }
    }

    public GovernorSettings settings() {
        return settings;
    }

    public Options options() {
        return options;
    }

    public Stats stats() {
        long cached = 0;
        for (Map<String, Cached> perKey : cache.values()) {
            cached += perKey.size();
        }
        return new Stats(calls.get(), attempts.get(), coalesced.get(), cacheHits.get(), rateWaits.get(),
                limiters.size(), cached);
    }

    /** Attempts running now, abandoned ones included (each ends at the latest at its read timeout). */
    public int busyCalls() {
        return options.maxCalls() - workers.freeSlots();
    }

    /** Distinct coalescable calls in flight that new identical calls may still join. */
    public int joinableCalls() {
        return flights.size();
    }

    /** Threads currently in the worker pool (busy or idle). */
    public int workerThreads() {
        return workers.activeThreads();
    }

    /** See {@link io.jenkins.plugins.cdngate.core.CallGovernor#call}. */
    public <T> T call(String accessKeyId, String action, String coalesceKey, long deadlineNanos, Callable<T> attempt)
            throws Exception {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(attempt, "attempt");
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        calls.incrementAndGet();
        if (deadlineNanos - System.nanoTime() <= 0) {
            throw new TimeoutException("the deadline has already passed");
        }
        GovernorSettings current = settings;
        maybeSweep();
        boolean cacheable = coalesceKey != null && !current.cacheTtl().isZero() && !isWrite(action);
        if (cacheable) {
            Object hit = cached(accessKeyId, coalesceKey);
            if (hit != null) {
                cacheHits.incrementAndGet();
                return cast(hit);
            }
        }
        if (coalesceKey == null || !current.coalescing()) {
            Flight own = new Flight(accessKeyId);
            start(own, null, accessKeyId, action, coalesceKey, cacheable, current, deadlineNanos, attempt);
            return await(own, deadlineNanos);
        }
        while (true) {
            Flight flight = flights.get(coalesceKey);
            if (flight == null) {
                Flight mine = new Flight(accessKeyId);
                if (flights.putIfAbsent(coalesceKey, mine) != null) {
                    continue;
                }
                start(mine, coalesceKey, accessKeyId, action, coalesceKey, cacheable, current, deadlineNanos,
                        attempt);
                flight = mine;
            } else {
                coalesced.incrementAndGet();
            }
            try {
                return await(flight, deadlineNanos);
            } catch (LeaderLeft e) {
                // The caller who was to start it was interrupted or ran out of time before it started;
                // try again (take the lead or join a newer one) within our own deadline.
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
            }
        }
    }

    /**
     * Takes a worker slot and a rate permit on the caller's thread, then starts the attempt on a
     * worker that completes the flight. When the caller leaves before that, the flight is closed and
     * its joiners are told to try again.
     */
    private <T> void start(Flight flight, String flightKey, String accessKeyId, String action, String coalesceKey,
                           boolean cacheable, GovernorSettings current, long deadlineNanos, Callable<T> attempt)
            throws InterruptedException, TimeoutException {
        boolean slot = false;
        Permit permit = null;
        try {
            workers.acquireSlot(deadlineNanos);
            slot = true;
            if (current.rateLimited()) {
                permit = permit(accessKeyId, action, current, deadlineNanos);
            }
            boolean write = isWrite(action);
            Permit held = permit;
            slot = false; // from here on the worker (or start's own failure handling) gives it back
            workers.start(() -> runAttempt(flight, flightKey, accessKeyId, coalesceKey, cacheable, write, current,
                    held, attempt));
        } catch (InterruptedException | TimeoutException | RuntimeException | Error e) {
            if (permit != null) {
                permit.release(); // no call was made with it
            }
            if (slot) {
                workers.releaseSlot();
            }
            if (flightKey != null) {
                flights.remove(flightKey, flight);
            }
            flight.result.completeExceptionally(LeaderLeft.INSTANCE);
            throw e;
        }
    }

    private <T> void runAttempt(Flight flight, String flightKey, String accessKeyId, String coalesceKey,
                                boolean cacheable, boolean write, GovernorSettings current, Permit permit,
                                Callable<T> attempt) {
        attempts.incrementAndGet();
        long generation;
        if (write) {
            closeFor(accessKeyId, flight);
            generation = -1;
        } else {
            generation = writeGeneration.get();
        }
        Object value = null;
        Throwable failure = null;
        try {
            value = attempt.call();
        } catch (Throwable e) {
            failure = e;
        } finally {
            // The call has ended (answer, error or the SDK's own timeout): only now may its rate slot
            // start counting down, because only now do we know the server has counted it.
            if (permit != null) {
                permit.release();
            }
            if (write) {
                closeFor(accessKeyId, flight);
            }
        }
        if (failure == null && cacheable && value != null) {
            synchronized (cacheLock) { // no write may slip in between the check and the store
                if (writeGeneration.get() == generation) {
                    store(accessKeyId, coalesceKey, value, current.cacheTtl());
                }
            }
        }
        finish(flight, flightKey);
        if (failure == null) {
            flight.result.complete(value);
        } else {
            flight.result.completeExceptionally(failure);
        }
    }

    private void finish(Flight flight, String flightKey) {
        if (flightKey != null) {
            flights.remove(flightKey, flight);
        }
    }

    /** A granted rate permit, released when its call has ended. */
    private record Permit(RateLimiter limiter, int slot) {
        void release() {
            limiter.release(slot);
        }
    }

    private Permit permit(String accessKeyId, String action, GovernorSettings current, long deadlineNanos)
            throws InterruptedException, TimeoutException {
        double perSecond = current.perSecond(action);
        // Alibaba's limits are whole calls per second: 2.5/s allows 2 in a second, never 3. Below 1/s,
        // one call per 1/rate seconds.
        int permits = perSecond >= 1 ? (int) Math.min(100_000, Math.floor(perSecond)) : 1;
        long base = options.window().toNanos();
        // (a rate below one call a day is taken as one a day: no overflow for absurd settings)
        long window = (perSecond >= 1 ? base : (long) Math.min(Math.ceil(base / perSecond), MAX_WINDOW_NANOS))
                + options.safetyMargin().toNanos();
        LimiterKey key = new LimiterKey(accessKeyId, action, permits, window);
        while (true) {
            RateLimiter limiter = limiters.computeIfAbsent(key, k -> new RateLimiter(k.permits(), k.windowNanos(),
                    Ticker.SYSTEM));
            try {
                int slot = limiter.tryAcquire();
                if (slot < 0) {
                    rateWaits.incrementAndGet();
                    slot = limiter.acquire(deadlineNanos);
                }
                return new Permit(limiter, slot);
            } catch (RateLimiter.RetiredException retired) {
                limiters.remove(key, limiter);
            }
        }
    }

    private static <T> T await(Flight flight, long deadlineNanos) throws Exception {
        long remaining = deadlineNanos - System.nanoTime();
        try {
            Object value = remaining > 0 || flight.result.isDone()
                    ? flight.result.get(Math.max(0, remaining), TimeUnit.NANOSECONDS)
                    : flight.result.getNow(null);
            if (!flight.result.isDone()) {
                throw new TimeoutException("no answer before the deadline");
            }
            return cast(value);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception exception) {
                throw exception;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object value) {
        return (T) value;
    }

    /** Any action that is not a Describe changes the account (OpenCdnService). */
    static boolean isWrite(String action) {
        return !action.startsWith("Describe");
    }

    /**
     * A write started or ended: joiners and the cache must not see answers given before it. The write's
     * own flight stays open: identical concurrent writes (e.g. OpenCdnService with the same charge type,
     * when the caller gives a coalesce key) may share it.
     */
    private void closeFor(String accessKeyId, Flight writer) {
        synchronized (cacheLock) {
            writeGeneration.incrementAndGet();
            cache.remove(accessKeyId);
        }
        for (Iterator<Map.Entry<String, Flight>> it = flights.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Flight> entry = it.next();
            if (entry.getValue() != writer && entry.getValue().accessKeyId.equals(accessKeyId)) {
                flights.remove(entry.getKey(), entry.getValue());
            }
        }
    }

    private Object cached(String accessKeyId, String coalesceKey) {
        Map<String, Cached> perKey = cache.get(accessKeyId);
        if (perKey == null) {
            return null;
        }
        Cached entry = perKey.get(coalesceKey);
        if (entry == null) {
            return null;
        }
        if (System.nanoTime() - entry.expiresAt() >= 0) {
            perKey.remove(coalesceKey, entry);
            return null;
        }
        return entry.value();
    }

    private void store(String accessKeyId, String coalesceKey, Object value, Duration ttl) {
        if (cachedCount() >= options.maxCachedResults()) {
            sweepCache(System.nanoTime());
            if (cachedCount() >= options.maxCachedResults()) {
                return;
            }
        }
        cache.computeIfAbsent(accessKeyId, k -> new ConcurrentHashMap<>())
                .put(coalesceKey, new Cached(value, System.nanoTime() + Math.min(ttl.toSeconds(), MAX_TTL_SECONDS)
                        * 1_000_000_000L + Math.min(ttl.toNanosPart(), 999_999_999)));
    }

    private int cachedCount() {
        int count = 0;
        for (Map<String, Cached> perKey : cache.values()) {
            count += perKey.size();
        }
        return count;
    }

    /** Drops idle rate limiters and expired results, at most once per idle-expiry period. */
    private void maybeSweep() {
        long now = System.nanoTime();
        long last = lastSweep.get();
        if (now - last < options.idleExpiry().toNanos() || !lastSweep.compareAndSet(last, now)) {
            return;
        }
        sweepNow();
    }

    /** Drops idle rate limiters and expired cached results now. */
    public void sweepNow() {
        for (Map.Entry<LimiterKey, RateLimiter> entry : limiters.entrySet()) {
            if (entry.getValue().retireIfIdle()) {
                limiters.remove(entry.getKey(), entry.getValue());
            }
        }
        sweepCache(System.nanoTime());
    }

    private void sweepCache(long now) {
        for (Map.Entry<String, ConcurrentHashMap<String, Cached>> perKey : cache.entrySet()) {
            perKey.getValue().values().removeIf(entry -> now - entry.expiresAt() >= 0);
            if (perKey.getValue().isEmpty()) {
                cache.remove(perKey.getKey(), perKey.getValue());
            }
        }
    }
}
