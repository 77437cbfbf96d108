package io.jenkins.plugins.cdngate.core;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a front end says when a gate is interrupted (issue 8 item 3), one text for the CLI and the Jenkins steps.
 * Activation cannot be undone: an interrupt while an OpenCdnService request is on the wire must not claim that
 * nothing happened.
 */
public final class Interruptions {
    /** An interrupt with no activation request in flight. */
    public static final String NOTHING_VERIFIED = "interrupted; nothing was verified, do not deploy";

    /** An interrupt while an OpenCdnService request was on the wire without an answer. */
    public static final String ACTIVATION_UNKNOWN = "interrupted while activating CDN: an activation request"
            + " (OpenCdnService) was sent and its outcome is unknown (an activation cannot be undone). Do not deploy yet:"
            + " check the CDN service of this account in the Alibaba Cloud console, or run ensure-active again, which"
            + " reports whether CDN is active now.";

    /** An interrupt after OpenCdnService succeeded in this run, before the activation was confirmed. */
    public static final String ACTIVATED_UNCONFIRMED = "interrupted after CDN was activated by this run (OpenCdnService"
            + " succeeded; an activation cannot be undone) and before it was confirmed. Do not deploy yet: run ensure-active"
            + " again to verify the service.";

    /** OpenCdnService requests on the wire in this JVM (sent, answer not yet read). */
    private static final AtomicInteger OPEN_IN_FLIGHT = new AtomicInteger();

    private Interruptions() {
    }

    /** The line for an interrupt: the gate's own when it is a {@link GateInterruptedException}. */
    public static String message(InterruptedException e) {
        if (e instanceof GateInterruptedException g) {
            return g.getMessage();
        }
        return NOTHING_VERIFIED;
    }

    /** The exception for an interrupted ensure-active, from what is known of its activation request. */
    static GateInterruptedException interrupted(boolean openSentWithoutAnswer, boolean activated, InterruptedException cause) {
        GateInterruptedException e = openSentWithoutAnswer
                ? new GateInterruptedException(ACTIVATION_UNKNOWN, true)
                : new GateInterruptedException(activated ? ACTIVATED_UNCONFIRMED : NOTHING_VERIFIED, false);
        e.initCause(cause);
        return e;
    }

    /**
     * The line for a process that is ending on a signal while a gate runs (the CLI's shutdown hook): the gate's
     * thread never sees that interrupt, so this asks whether an OpenCdnService request is on the wire in this JVM.
     */
    public static String onSignal() {
        return activationInFlight() ? ACTIVATION_UNKNOWN : NOTHING_VERIFIED;
    }

    /** Whether an OpenCdnService request of this JVM is on the wire without an answer. */
    public static boolean activationInFlight() {
        return OPEN_IN_FLIGHT.get() > 0;
    }

    static void openSent() {
        OPEN_IN_FLIGHT.incrementAndGet();
    }

    static void openAnswered() {
        OPEN_IN_FLIGHT.decrementAndGet();
    }
}
