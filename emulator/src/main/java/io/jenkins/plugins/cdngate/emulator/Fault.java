package io.jenkins.plugins.cdngate.emulator;

import java.util.Locale;

/**
 * A fault to inject for an action (see {@link CdnEmulator#inject(String, Fault)}). Immutable: the
 * modifiers return a new fault. Without modifiers a fault fires for every matching request until
 * {@link CdnEmulator#clearFaults()}.
 *
 * <p>Faults are applied to authenticated requests only (after signature, timestamp and nonce checks),
 * before RAM, rate limits and the operation itself, so a fault never consumes a count on a request
 * that would have been rejected anyway.
 */
public final class Fault {

    /** What the fault does. */
    public enum Kind {
        /** Waits {@code latencyMs}, then answers normally. */
        LATENCY("latency"),
        /** Reads the request and never answers; the connection stays open until the client gives up or the emulator closes. */
        NO_ANSWER("noAnswer"),
        /** Closes the TCP connection without an HTTP answer. */
        CLOSE_CONNECTION("closeConnection"),
        /** 500 {@code InternalError}. */
        STATUS_500("status500"),
        /** 503 {@code ServiceUnavailable}. */
        STATUS_503("status503"),
        /** 502 with an HTML page and {@code Content-Type: text/html}, as a proxy would send. */
        HTML_502("html502"),
        /** 200 with {@code Content-Type: application/json} and an empty body. */
        EMPTY_200("empty200"),
        /** 200 with the normal body cut in half (invalid JSON). */
        MALFORMED_JSON("malformedJson"),
        /** 200 with a body lacking {@code RequestId} and the operation's main fields. */
        MISSING_FIELDS("missingFields"),
        /** 200 with fields of the wrong JSON type (capacities as objects/booleans, locks as a bare string). */
        WRONG_TYPES("wrongTypes"),
        /** 400 {@code Throttling.User}, as if the rate limit were hit now. */
        THROTTLE("throttle");

        private final String wireName;

        Kind(String wireName) {
            this.wireName = wireName;
        }

        /** The name used in the admin API, the accounts file and {@link RecordedRequest#fault()}. */
        public String wireName() {
            return wireName;
        }

        /** Parses a wire name such as {@code status500} (case-insensitive). */
        public static Kind parse(String name) {
            for (Kind k : values()) {
                if (k.wireName.equalsIgnoreCase(name)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("Unknown fault '" + name + "'; use one of latency, noAnswer,"
                    + " closeConnection, status500, status503, html502, empty200, malformedJson, missingFields,"
                    + " wrongTypes, throttle");
        }
    }

    private final Kind kind;
    private final long latencyMs;
    private final int times;            // -1 = unlimited
    private final double probability;   // 1.0 = always
    private final long seed;

    private Fault(Kind kind, long latencyMs, int times, double probability, long seed) {
        this.kind = kind;
        this.latencyMs = latencyMs;
        this.times = times;
        this.probability = probability;
        this.seed = seed;
    }

    private static Fault of(Kind kind) {
        return new Fault(kind, 0, -1, 1.0, 0);
    }

    /** Adds {@code ms} milliseconds before the normal answer. */
    public static Fault latency(long ms) {
        if (ms < 0) {
            throw new IllegalArgumentException("latency must be >= 0 ms, was " + ms);
        }
        return new Fault(Kind.LATENCY, ms, -1, 1.0, 0);
    }

    public static Fault noAnswer() { return of(Kind.NO_ANSWER); }
    public static Fault closeConnection() { return of(Kind.CLOSE_CONNECTION); }
    public static Fault status500() { return of(Kind.STATUS_500); }
    public static Fault status503() { return of(Kind.STATUS_503); }
    public static Fault html502() { return of(Kind.HTML_502); }
    public static Fault empty200() { return of(Kind.EMPTY_200); }
    public static Fault malformedJson() { return of(Kind.MALFORMED_JSON); }
    public static Fault missingFields() { return of(Kind.MISSING_FIELDS); }
    public static Fault wrongTypes() { return of(Kind.WRONG_TYPES); }
    public static Fault throttle() { return of(Kind.THROTTLE); }

    /** A fault by its wire name; {@code latencyMs} is used by {@code latency} only. */
    public static Fault named(String name, long latencyMs) {
        Kind k = Kind.parse(name);
        return k == Kind.LATENCY ? latency(latencyMs) : of(k);
    }

    /** Fires for the next {@code n} matching requests only, then disappears. */
    public Fault times(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("times must be >= 1, was " + n);
        }
        return new Fault(kind, latencyMs, n, probability, seed);
    }

    /**
     * Fires for each matching request with probability {@code p}, drawn from a {@link java.util.Random}
     * seeded with {@code seed}: the same sequence of requests sees the same faults on every run.
     */
    public Fault probability(double p, long seed) {
        if (!(p >= 0.0 && p <= 1.0)) {
            throw new IllegalArgumentException("probability must be within 0..1, was " + p);
        }
        return new Fault(kind, latencyMs, times, p, seed);
    }

    public Kind kind() { return kind; }
    public long latencyMs() { return latencyMs; }
    /** How many times it fires; {@code -1} for unlimited. */
    public int times() { return times; }
    public double probability() { return probability; }
    public long seed() { return seed; }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(kind.wireName());
        if (kind == Kind.LATENCY) {
            sb.append('(').append(latencyMs).append(" ms)");
        }
        if (times > 0) {
            sb.append(" x").append(times);
        }
        if (probability < 1.0) {
            sb.append(String.format(Locale.ROOT, " p=%.3f seed=%d", probability, seed));
        }
        return sb.toString();
    }
}
