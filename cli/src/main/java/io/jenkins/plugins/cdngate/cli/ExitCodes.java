package io.jenkins.plugins.cdngate.cli;

import io.jenkins.plugins.cdngate.core.Verdict;

/**
 * The process exit codes of {@code cdn-gate}, one per outcome, so that a CI can tell "do not deploy"
 * from "deploy, but look" from "the gate itself is misconfigured" (documented in docs/cli.md).
 */
public final class ExitCodes {
    /** The account is ready: deploy. */
    public static final int PASS = 0;
    /** Do not deploy (the gate failed, or nothing could be verified: fail closed). */
    public static final int FAIL = 1;
    /** The command line or its configuration is wrong (unknown option, bad value, no credentials). */
    public static final int USAGE = 2;
    /** Ready enough to deploy, but someone must look (for GitLab: {@code allow_failure: exit_codes: 3}). */
    public static final int UNSTABLE = 3;
    /** A defect in cdn-gate itself; nothing was verified, so treat it as FAIL. */
    public static final int INTERNAL_ERROR = 4;
    /**
     * Interrupted: Ctrl-C (SIGINT) or a cancelled CI job (SIGTERM); nothing was verified. 128 + SIGINT, the shell
     * convention, for both: the shutdown hook in {@link CdnGate#main} cannot tell them apart, and a pipeline only
     * needs to know the gate did not decide.
     */
    public static final int INTERRUPTED = 130;

    private ExitCodes() {
    }

    public static int of(Verdict verdict) {
        return switch (verdict) {
            case PASS -> PASS;
            case UNSTABLE -> UNSTABLE;
            case FAIL -> FAIL;
        };
    }

    /** The name shown next to an exit code in human output. */
    public static String describe(int exitCode) {
        return switch (exitCode) {
            case PASS -> "PASS";
            case FAIL -> "FAIL";
            case USAGE -> "usage or configuration error";
            case UNSTABLE -> "UNSTABLE";
            case INTERNAL_ERROR -> "internal error";
            case INTERRUPTED -> "interrupted";
            default -> "exit code " + exitCode;
        };
    }
}
