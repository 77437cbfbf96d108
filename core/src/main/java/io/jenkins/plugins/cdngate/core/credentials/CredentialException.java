package io.jenkins.plugins.cdngate.core.credentials;

import io.jenkins.plugins.cdngate.core.Text;

/**
 * Credentials could not be obtained: the message is one line that names the source (or the STS call) and the fix,
 * never a secret or token; {@link #code()} is Alibaba Cloud's error code when there is one (e.g. {@code NoPermission}).
 */
public class CredentialException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String code;
    private final String requestId;
    private final String source;

    public CredentialException(String message) {
        this(message, null, null, null);
    }

    /**
     * @param message   one line naming the source and the fix
     * @param code      Alibaba Cloud's error code, or null
     * @param requestId the RequestId of the failed call, or null
     * @param source    the credential source that failed (e.g. "aliyun CLI profile 'ci'"), or null
     */
    public CredentialException(String message, String code, String requestId, String source) {
        super(Text.oneLine(message));
        this.code = code == null || code.isBlank() ? null : Text.oneLine(code);
        this.requestId = requestId == null || requestId.isBlank() ? null : Text.oneLine(requestId);
        this.source = source == null || source.isBlank() ? null : Text.oneLine(source);
    }

    /** Alibaba Cloud's error code, or null when the failure did not come from an API answer. */
    public String code() {
        return code;
    }

    /** The RequestId of the failed call, or null. */
    public String requestId() {
        return requestId;
    }

    /** The credential source that failed, or null. */
    public String source() {
        return source;
    }

    /** No stack trace: this is a user-facing, one-line failure (and never carries a secret in a cause). */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
