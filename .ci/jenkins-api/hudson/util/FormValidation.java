// Signature mirror of org.jenkins-ci.main:jenkins-core:2.541.3 — hudson.util.FormValidation
// Declarations only, for compiling the plugin offline; no behaviour (bodies throw or return defaults).
package hudson.util;

import java.io.IOException;

public abstract class FormValidation extends IOException {
    public final Kind kind = null;

    private FormValidation() {
    }

    public enum Kind {
        OK, WARNING, ERROR
    }

    public static FormValidation error(String message) {
        throw new UnsupportedOperationException("signature mirror");
    }

    public static FormValidation warning(String message) {
        throw new UnsupportedOperationException("signature mirror");
    }

    public static FormValidation ok(String message) {
        throw new UnsupportedOperationException("signature mirror");
    }

    public static FormValidation ok() {
        throw new UnsupportedOperationException("signature mirror");
    }

    public static FormValidation validateNonNegativeInteger(String value) {
        throw new UnsupportedOperationException("signature mirror");
    }

    public static FormValidation validatePositiveInteger(String value) {
        throw new UnsupportedOperationException("signature mirror");
    }
}
