package io.jenkins.plugins.cdngate.core.flow;

/**
 * Monotonic time source for the rate limiter, so tests can drive the window arithmetic with a
 * manual clock instead of sleeping.
 */
@FunctionalInterface
public interface Ticker {
    /** Same contract as {@link System#nanoTime()}: only differences are meaningful. */
    long nanoTime();

    /** The real clock. */
    Ticker SYSTEM = System::nanoTime;
}
