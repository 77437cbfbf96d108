/**
 * Call flow control behind {@link io.jenkins.plugins.cdngate.core.CallGovernor}: per-AccessKey,
 * per-action rate limits ({@link io.jenkins.plugins.cdngate.core.flow.RateLimiter}), coalescing of
 * identical concurrent calls, the optional short result cache and abortable waiting on a bounded
 * worker pool ({@link io.jenkins.plugins.cdngate.core.flow.Governor}).
 */
package io.jenkins.plugins.cdngate.core.flow;
