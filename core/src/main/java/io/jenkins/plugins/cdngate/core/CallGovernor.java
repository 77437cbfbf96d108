package io.jenkins.plugins.cdngate.core;

import io.jenkins.plugins.cdngate.core.flow.Governor;

import java.util.concurrent.Callable;

/**
 * The one door every SDK call goes through: per-AccessKey rate limits, coalescing of identical
 * concurrent calls, the optional short cache, and abortable waiting (the SDK's blocking socket I/O
 * ignores {@link Thread#interrupt()}, reference §2.6).
 *
 * <p>Deliberately the only static mutable state in core: Alibaba counts calls per AccessKey across
 * everything that uses it, so one JVM (a Jenkins controller running hundreds of builds, or one CLI
 * process) must share one limiter, one set of calls in flight and one cache. The work is done by
 * {@link Governor}; tests build their own instances of it.
 */
public final class CallGovernor {
    private static final CallGovernor SHARED = new CallGovernor(new Governor());

    private final Governor engine;

    private CallGovernor(Governor engine) {
        this.engine = engine;
    }

    /** The process-wide instance, shared by every build and thread in this JVM. */
    public static CallGovernor shared() {
        return SHARED;
    }

    /** Takes effect for calls that start after it returns; calls already waiting keep their settings. */
    public void configure(GovernorSettings newSettings) {
        engine.configure(newSettings);
    }

    public GovernorSettings settings() {
        return engine.settings();
    }

    /** The engine, for statistics (benchmark, diagnostics). */
    public Governor engine() {
        return engine;
    }

    /**
     * Runs one SDK attempt: waits for a rate permit for ({@code accessKeyId}, {@code action}), shares
     * an identical call already in flight when {@code coalesceKey} is given, and runs the attempt on a
     * worker thread so that the caller can leave on interrupt or deadline at once. An abandoned attempt
     * finishes on its own, bounded by its read timeout; others waiting for it still get its answer.
     *
     * @param accessKeyId   whose limits apply
     * @param action        the API action, e.g. {@code DescribeCdnService}; any action that is not a
     *                      {@code Describe*} is treated as a write (it closes that AccessKey's coalesced
     *                      calls and cached results, so nothing read before it is served after it)
     * @param coalesceKey   non-null when identical concurrent calls may share the result (Describe calls,
     *                      and OpenCdnService too: concurrent identical activations may share one request;
     *                      must identify AccessKey, secret, endpoint, action and parameters); null otherwise.
     *                      Only Describe results are ever cached.
     * @param deadlineNanos {@link System#nanoTime()} by which the caller must have an answer
     * @return what the attempt returned (possibly shared with other callers: treat it as immutable)
     * @throws InterruptedException when the calling thread is interrupted while waiting
     * @throws java.util.concurrent.TimeoutException when the deadline passes while waiting for a permit
     *                                               or for the call
     * @throws Exception    whatever the attempt threw (the same instance for every caller that shared it)
     */
    public <T> T call(String accessKeyId, String action, String coalesceKey, long deadlineNanos, Callable<T> attempt)
            throws Exception {
        return engine.call(accessKeyId, action, coalesceKey, deadlineNanos, attempt);
    }
}
