package io.jenkins.plugins.cdngate.core;

import java.time.Duration;

/**
 * Process-wide call policy, set once by the front end (Jenkins global configuration, CLI flags).
 *
 * @param rateLimited        wait for a per-AccessKey, per-action permit before each call (default on)
 * @param openPerSecond      OpenCdnService calls per second per AccessKey (Alibaba allows 5)
 * @param describePerSecond  calls per second per AccessKey for each Describe action (Alibaba allows 30)
 * @param coalescing         identical concurrent Describe calls share one request (default on)
 * @param cacheTtl           how long a Describe result may be reused; {@link Duration#ZERO} = off (default)
 */
public record GovernorSettings(boolean rateLimited, double openPerSecond, double describePerSecond,
                               boolean coalescing, Duration cacheTtl) {
    /** Alibaba's documented per-user limits (reference §1.6). */
    public static final double ALIBABA_OPEN_PER_SECOND = 5;
    public static final double ALIBABA_DESCRIBE_PER_SECOND = 30;
    /** A cache longer than this would hide real changes of the account from the next builds. */
    public static final Duration MAX_CACHE_TTL = Duration.ofMinutes(10);

    public GovernorSettings {
        if (!(openPerSecond > 0) || !(describePerSecond > 0)
                || Double.isInfinite(openPerSecond) || Double.isInfinite(describePerSecond)) {
            throw new IllegalArgumentException("rate limits must be above 0 calls per second");
        }
        cacheTtl = cacheTtl == null || cacheTtl.isNegative() ? Duration.ZERO : cacheTtl;
        if (cacheTtl.compareTo(MAX_CACHE_TTL) > 0) {
            throw new IllegalArgumentException("the result cache may last at most " + MAX_CACHE_TTL.toMinutes()
                    + " minutes");
        }
    }

    public static GovernorSettings defaults() {
        return new GovernorSettings(true, ALIBABA_OPEN_PER_SECOND, ALIBABA_DESCRIBE_PER_SECOND, true, Duration.ZERO);
    }

    /**
     * Calls per second allowed for one action: {@code OpenCdnService} and any other action that is not a
     * Describe get the (lower) write limit, every {@code Describe*} action the Describe limit.
     */
    public double perSecond(String action) {
        return action != null && action.startsWith("Describe") ? describePerSecond : openPerSecond;
    }

    public GovernorSettings withRateLimited(boolean value) {
        return new GovernorSettings(value, openPerSecond, describePerSecond, coalescing, cacheTtl);
    }

    public GovernorSettings withRates(double open, double describe) {
        return new GovernorSettings(rateLimited, open, describe, coalescing, cacheTtl);
    }

    public GovernorSettings withCoalescing(boolean value) {
        return new GovernorSettings(rateLimited, openPerSecond, describePerSecond, value, cacheTtl);
    }

    public GovernorSettings withCacheTtl(Duration value) {
        return new GovernorSettings(rateLimited, openPerSecond, describePerSecond, coalescing, value);
    }
}
