// Signature mirror of org.jenkins-ci.main:jenkins-core:2.541.3 — hudson.AbortException
// Declarations only, for compiling the plugin offline; no behaviour (bodies throw or return defaults).
package hudson;

import java.io.IOException;

public class AbortException extends IOException {
    public AbortException(String message) {
        super(message);
    }
}
