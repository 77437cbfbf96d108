package io.jenkins.plugins.cdngate.emulator;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link CdnEmulator} starts. Fluent and mutable; {@link #defaults()} gives a fresh copy each time:
 * 127.0.0.1, port 0 (any free port), rate limits on at the documented 5/s (OpenCdnService) and 30/s
 * (each Describe), ±15 min timestamp skew, 15 min nonce memory, 32 worker threads, the system clock,
 * connections held by {@code noAnswer} dropped after 10 min.
 */
public final class EmulatorOptions {
    private String bindAddress = "127.0.0.1";
    private int port;
    private boolean rateLimits = true;
    private int openPerSecond = 5;
    private int describePerSecond = 30;
    private Clock clock = Clock.systemUTC();
    private Duration timestampSkew = Duration.ofMinutes(15);
    private Duration nonceTtl = Duration.ofMinutes(15);
    private int nonceCacheSize = 500_000;
    private int requestLogSize = 100_000;
    private int threads = 32;
    private Duration noAnswerHold = Duration.ofMinutes(10);

    private EmulatorOptions() {
    }

    public static EmulatorOptions defaults() {
        return new EmulatorOptions();
    }

    /** Address to bind; the admin path {@code /_emulator/} is served only on a loopback address. */
    public EmulatorOptions bindAddress(String value) {
        this.bindAddress = Objects.requireNonNull(value, "bindAddress");
        return this;
    }

    /** TCP port; 0 picks a free one. */
    public EmulatorOptions port(int value) {
        if (value < 0 || value > 65535) {
            throw new IllegalArgumentException("port must be within 0..65535, was " + value);
        }
        this.port = value;
        return this;
    }

    /** Per-account, per-action rate limits (400 {@code Throttling.User}); on by default. */
    public EmulatorOptions rateLimits(boolean value) {
        this.rateLimits = value;
        return this;
    }

    /** OpenCdnService calls allowed per account in any one-second window (default 5). */
    public EmulatorOptions openPerSecond(int value) {
        this.openPerSecond = positive(value, "openPerSecond");
        return this;
    }

    /** Calls of each Describe operation allowed per account in any one-second window (default 30). */
    public EmulatorOptions describePerSecond(int value) {
        this.describePerSecond = positive(value, "describePerSecond");
        return this;
    }

    /** Clock for timestamp checks, nonce expiry, rate-limit windows and OpeningTime. Tests inject their own. */
    public EmulatorOptions clock(Clock value) {
        this.clock = Objects.requireNonNull(value, "clock");
        return this;
    }

    /** Accepted difference between the request's Timestamp and the clock (default 15 min). */
    public EmulatorOptions timestampSkew(Duration value) {
        this.timestampSkew = Objects.requireNonNull(value, "timestampSkew");
        return this;
    }

    /** How long a SignatureNonce is remembered (default 15 min). */
    public EmulatorOptions nonceTtl(Duration value) {
        this.nonceTtl = Objects.requireNonNull(value, "nonceTtl");
        return this;
    }

    /** Upper bound of remembered nonces; beyond it the oldest are forgotten early (default 500,000). */
    public EmulatorOptions nonceCacheSize(int value) {
        this.nonceCacheSize = positive(value, "nonceCacheSize");
        return this;
    }

    /** How many {@link RecordedRequest}s the log keeps (the oldest are dropped; counts stay exact). */
    public EmulatorOptions requestLogSize(int value) {
        this.requestLogSize = positive(value, "requestLogSize");
        return this;
    }

    /** Worker threads answering requests (default 32). */
    public EmulatorOptions threads(int value) {
        this.threads = positive(value, "threads");
        return this;
    }

    /**
     * How long a {@code noAnswer} fault keeps a connection open before dropping it (default 10 min), so a
     * long-running emulator does not collect sockets that clients gave up on long ago.
     */
    public EmulatorOptions noAnswerHold(Duration value) {
        this.noAnswerHold = Objects.requireNonNull(value, "noAnswerHold");
        return this;
    }

    private static int positive(int value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be >= 1, was " + value);
        }
        return value;
    }

    public String bindAddress() { return bindAddress; }
    public int port() { return port; }
    public boolean rateLimits() { return rateLimits; }
    public int openPerSecond() { return openPerSecond; }
    public int describePerSecond() { return describePerSecond; }
    public Clock clock() { return clock; }
    public Duration timestampSkew() { return timestampSkew; }
    public Duration nonceTtl() { return nonceTtl; }
    public int nonceCacheSize() { return nonceCacheSize; }
    public int requestLogSize() { return requestLogSize; }
    public int threads() { return threads; }
    public Duration noAnswerHold() { return noAnswerHold; }

    EmulatorOptions copy() {
        EmulatorOptions c = new EmulatorOptions();
        c.bindAddress = bindAddress;
        c.port = port;
        c.rateLimits = rateLimits;
        c.openPerSecond = openPerSecond;
        c.describePerSecond = describePerSecond;
        c.clock = clock;
        c.timestampSkew = timestampSkew;
        c.nonceTtl = nonceTtl;
        c.nonceCacheSize = nonceCacheSize;
        c.requestLogSize = requestLogSize;
        c.threads = threads;
        c.noAnswerHold = noAnswerHold;
        return c;
    }
}
