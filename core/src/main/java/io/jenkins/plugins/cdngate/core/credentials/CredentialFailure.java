package io.jenkins.plugins.cdngate.core.credentials;

import io.jenkins.plugins.cdngate.core.AccessKey;
import io.jenkins.plugins.cdngate.core.Mode;
import io.jenkins.plugins.cdngate.core.Report;
import io.jenkins.plugins.cdngate.core.ReportBuilder;

/**
 * A gate that could not get its credentials: a FAIL report (fail closed, nothing was verified). Mode warn softens it to
 * UNSTABLE exactly as it softens every other configuration error (ReportBuilder's rule), with the same warn line.
 */
public final class CredentialFailure {
    private CredentialFailure() {
    }

    /**
     * @param gate {@code ensure-active} or {@code require-quota}
     * @param e    the failure; its message, code and RequestId become the report's one finding
     * @param mode the gate's mode (null means enforce)
     */
    public static Report report(String gate, CredentialException e, Mode mode) {
        return report(gate, e, mode, null);
    }

    /** As {@link #report(String, CredentialException, Mode)}, naming the base key that was used (masked), if any. */
    public static Report report(String gate, CredentialException e, Mode mode, AccessKey baseKey) {
        return ReportBuilder.failedBeforeAnyCall(gate, mode, baseKey, e.source(),
                "Credentials: " + e.getMessage(), e.code(), e.requestId());
    }
}
