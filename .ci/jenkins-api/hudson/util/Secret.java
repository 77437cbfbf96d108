// Signature mirror of org.jenkins-ci.main:jenkins-core:2.541.3 — hudson.util.Secret
// Declarations only, for compiling the plugin offline; no behaviour (bodies throw or return defaults).
package hudson.util;

import java.io.Serializable;

public final class Secret implements Serializable {
    private Secret() {
    }

    public static Secret fromString(String data) {
        throw new UnsupportedOperationException("signature mirror");
    }

    public static String toString(Secret s) {
        throw new UnsupportedOperationException("signature mirror");
    }
}
