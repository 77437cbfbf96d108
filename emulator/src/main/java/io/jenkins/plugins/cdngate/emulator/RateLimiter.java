package io.jenkins.plugins.cdngate.emulator;

import java.util.ArrayDeque;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-account, per-action limit as a sliding one-second window log: a call is admitted when fewer than
 * {@code limit} calls were admitted in the last 1000 ms (by the emulator's clock). Rejected calls do
 * not count. Exact and deterministic with a test clock: at a frozen clock exactly {@code limit} calls pass.
 */
final class RateLimiter {
    private static final long WINDOW_MILLIS = 1000;
    private final ConcurrentHashMap<String, ArrayDeque<Long>> windows = new ConcurrentHashMap<>();

    boolean tryAcquire(String accessKeyId, String action, int limit, long nowMillis) {
        ArrayDeque<Long> window = windows.computeIfAbsent(accessKeyId + '\n' + action, k -> new ArrayDeque<>());
        synchronized (window) {
            while (!window.isEmpty() && window.peekFirst() <= nowMillis - WINDOW_MILLIS) {
                window.pollFirst();
            }
            if (window.size() >= limit) {
                return false;
            }
            window.addLast(nowMillis);
            return true;
        }
    }

    void reset() {
        windows.clear();
    }
}
