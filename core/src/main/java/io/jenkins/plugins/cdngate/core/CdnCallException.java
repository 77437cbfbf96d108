package io.jenkins.plugins.cdngate.core;

/**
 * A CDN API call that ended without a usable answer: an Alibaba Cloud error, an SDK transport failure,
 * a malformed answer, or the deadline. The message never holds a secret (see {@link Redactor}).
 */
public final class CdnCallException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String action;
    private final String code;
    private final String errorMessage;
    private final String requestId;
    private final int httpStatus;
    private final int attempts;
    private final java.time.Duration budgetSpent;
    private final transient ErrorCatalog.Entry entry;

    CdnCallException(String action, String code, String errorMessage, String requestId, int httpStatus,
                     int attempts) {
        this(action, code, errorMessage, requestId, httpStatus, attempts, null);
    }

    private CdnCallException(String action, String code, String errorMessage, String requestId, int httpStatus,
                             int attempts, java.time.Duration budgetSpent) {
        super(Text.oneLine(describe(action, code, errorMessage, requestId, httpStatus)));
        this.action = action;
        this.code = code;
        this.errorMessage = errorMessage;
        this.requestId = requestId == null || requestId.isBlank() || requestId.equals(ErrorCatalog.NULL_CODE)
                ? null : requestId;
        this.httpStatus = httpStatus;
        this.attempts = attempts;
        this.budgetSpent = budgetSpent;
        this.entry = ErrorCatalog.resolve(code);
    }

    CdnCallException withAttempts(int count) {
        return new CdnCallException(action, code, errorMessage, requestId, httpStatus, count, budgetSpent);
    }

    /** This failure, marked as the last one before the gate's total time budget ({@code deadline}) ran out. */
    CdnCallException withBudgetSpent(java.time.Duration deadline) {
        return new CdnCallException(action, code, errorMessage, requestId, httpStatus, attempts,
                deadline == null ? java.time.Duration.ZERO : deadline);
    }

    /**
     * The gate's total time budget when it ran out with this failure, cutting the retries (or the attempt) short;
     * null when the attempts ended otherwise (all used, or an error that is not retried).
     */
    public java.time.Duration budgetSpent() {
        return budgetSpent;
    }

    private static String describe(String action, String code, String message, String requestId, int status) {
        return action + " failed with " + code + (status > 0 ? " (HTTP " + status + ")" : "")
                + (message == null || message.isBlank() ? "" : ": " + message)
                + (requestId == null || requestId.isBlank() ? "" : " [RequestId " + requestId + "]");
    }

    /** The API action, e.g. {@code DescribeCdnService}. */
    public String action() {
        return action;
    }

    /** The Alibaba Cloud / SDK / CdnGate error code; {@code (null)} when the error body was not JSON. */
    public String code() {
        return code;
    }

    /** The error message (redacted, one line), possibly empty. */
    public String errorMessage() {
        return errorMessage;
    }

    /** The RequestId, or null when there was none. */
    public String requestId() {
        return requestId;
    }

    /** The HTTP status, or 0 when there was no HTTP answer. */
    public int httpStatus() {
        return httpStatus;
    }

    /** How many attempts were made. */
    public int attempts() {
        return attempts;
    }

    /** The catalog entry for {@link #code()} (an UNKNOWN entry for a code the catalog lacks). */
    public ErrorCatalog.Entry entry() {
        return entry == null ? ErrorCatalog.resolve(code) : entry;
    }

    /** Whether another, re-signed attempt may succeed. */
    public boolean retryable() {
        return ErrorCatalog.retryable(entry(), httpStatus);
    }
}
