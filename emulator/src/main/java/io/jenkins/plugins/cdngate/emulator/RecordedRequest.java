package io.jenkins.plugins.cdngate.emulator;

/**
 * One request the emulator received, including rejected ones.
 *
 * @param action      the {@code Action} parameter as sent (may be {@code null} when missing)
 * @param accessKeyId the {@code AccessKeyId} parameter as sent (may be {@code null})
 * @param method      HTTP method
 * @param status      HTTP status answered; {@code 0} when no HTTP answer was given
 *                    (fault {@code noAnswer} or {@code closeConnection})
 * @param code        the error {@code Code} answered, {@code null} on success or when the body has no code
 * @param nanoTime    {@link System#nanoTime()} when the request was received
 * @param fault       the name of the injected fault that shaped the answer, {@code null} if none
 */
public record RecordedRequest(String action, String accessKeyId, String method, int status, String code,
                              long nanoTime, String fault) {

    /** Whether the request got a 2xx answer without an injected fault. */
    public boolean succeeded() {
        return status >= 200 && status < 300 && code == null && fault == null;
    }
}
