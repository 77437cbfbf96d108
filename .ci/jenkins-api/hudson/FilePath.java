// Signature mirror of org.jenkins-ci.main:jenkins-core:2.541.3 — hudson.FilePath
// Declarations only, for compiling the plugin offline; no behaviour (bodies throw or return defaults).
// Upstream implements SerializableOnlyOverRemoting (remoting); only the type is used here, as a parameter type.
package hudson;

public final class FilePath {
    private FilePath() {
    }
}
