package io.jenkins.plugins.cdngate.core;

/**
 * A gate ended by an interrupt (an aborted build, Ctrl-C, SIGTERM). Its message is the one line a front end prints
 * ({@link Interruptions#message}); {@link #activationOutcomeUnknown()} says whether an OpenCdnService request had been
 * sent without its answer arriving, so the account may have been activated (permanently) by this run.
 */
public final class GateInterruptedException extends InterruptedException {
    private static final long serialVersionUID = 1L;

    private final boolean activationOutcomeUnknown;

    GateInterruptedException(String message, boolean activationOutcomeUnknown) {
        super(message);
        this.activationOutcomeUnknown = activationOutcomeUnknown;
    }

    /** Whether an activation request was sent and its outcome is unknown. */
    public boolean activationOutcomeUnknown() {
        return activationOutcomeUnknown;
    }
}
