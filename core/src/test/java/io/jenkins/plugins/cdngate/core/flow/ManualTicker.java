package io.jenkins.plugins.cdngate.core.flow;

import java.util.concurrent.atomic.AtomicLong;

/** A clock that moves only when the test says so. */
final class ManualTicker implements Ticker {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    @Override
    public long nanoTime() {
        return now.get();
    }

    void advance(long nanos) {
        now.addAndGet(nanos);
    }
}
