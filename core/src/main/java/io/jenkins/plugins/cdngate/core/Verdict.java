package io.jenkins.plugins.cdngate.core;

/** The outcome of a gate, ordered from best to worst. */
public enum Verdict {
    /** The account is ready; the deployment goes on. */
    PASS,
    /** Ready enough to deploy, but someone must look. */
    UNSTABLE,
    /** Do not deploy. */
    FAIL;

    /** The worse of the two verdicts. */
    public Verdict worst(Verdict other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
