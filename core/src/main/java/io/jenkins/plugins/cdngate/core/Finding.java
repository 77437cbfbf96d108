package io.jenkins.plugins.cdngate.core;

/**
 * One line of a report: what was seen, how it weighs, and, when it came from Alibaba Cloud,
 * the error code and RequestId (either may be null).
 */
public record Finding(Verdict verdict, String message, String errorCode, String requestId) {
    public static Finding of(Verdict verdict, String message) {
        return new Finding(verdict, message, null, null);
    }
}
