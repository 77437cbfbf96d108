package io.jenkins.plugins.cdngate.core;

import java.util.concurrent.Callable;

/**
 * The one door every SDK call goes through: per-AccessKey rate limits, coalescing of identical
 * concurrent calls, the optional short cache, and abortable waiting (the SDK's blocking socket I/O
 * ignores {@link Thread#interrupt()}).
 *
 * <p>PLACEHOLDER: calls straight through. Issue 4 replaces the body; the signatures stay.
 */
public final class CallGovernor {
    private static final CallGovernor SHARED = new CallGovernor();

    private volatile GovernorSettings settings = GovernorSettings.defaults();

    /** The process-wide instance, shared by every build and thread in this JVM. */
    public static CallGovernor shared() {
        return SHARED;
    }

    public void configure(GovernorSettings newSettings) {
        this.settings = newSettings;
    }

    public GovernorSettings settings() {
        return settings;
    }

    /**
     * Runs one SDK attempt.
     *
     * @param accessKeyId   whose limits apply
     * @param action        the API action, e.g. {@code DescribeCdnService}
     * @param coalesceKey   non-null when identical concurrent calls may share the result (Describe calls;
     *                      must identify AccessKey, secret, endpoint, action and parameters); null otherwise
     * @param deadlineNanos {@link System#nanoTime()} by which the caller must have an answer
     * @throws InterruptedException when the calling thread is interrupted while waiting
     * @throws java.util.concurrent.TimeoutException when the deadline passes while waiting for a permit
     *                                               or for the call
     */
    public <T> T call(String accessKeyId, String action, String coalesceKey, long deadlineNanos, Callable<T> attempt)
            throws Exception {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        return attempt.call();
    }
}
