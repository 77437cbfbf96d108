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
    public GovernorSettings {
        if (!(openPerSecond > 0) || !(describePerSecond > 0)) {
            throw new IllegalArgumentException("rate limits must be above 0 calls per second");
        }
        cacheTtl = cacheTtl == null || cacheTtl.isNegative() ? Duration.ZERO : cacheTtl;
    }

    public static GovernorSettings defaults() {
        return new GovernorSettings(true, 5, 30, true, Duration.ZERO);
    }
}
