package io.jenkins.plugins.cdngate.core;

import java.time.Duration;

/** The {@link System#nanoTime()} by which a gate must be done. */
final class Deadlines {
    private Deadlines() {
    }

    static long start(ConnectionSettings connection) {
        Duration total = connection.deadline() == null || connection.deadline().isNegative()
                || connection.deadline().isZero() ? Duration.ofSeconds(60) : connection.deadline();
        return System.nanoTime() + Math.min(total.toNanos(), Long.MAX_VALUE / 4);
    }
}
