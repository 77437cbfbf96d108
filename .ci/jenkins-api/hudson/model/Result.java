// Signature mirror of org.jenkins-ci.main:jenkins-core:2.541.3 — hudson.model.Result
// Declarations only, for compiling the plugin offline; no behaviour (bodies throw or return defaults).
package hudson.model;

import java.io.Serializable;

public final class Result implements Serializable {
    public static final Result SUCCESS = null;
    public static final Result UNSTABLE = null;
    public static final Result FAILURE = null;
    public static final Result ABORTED = null;

    private Result() {
    }
}
