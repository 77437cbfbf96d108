// Signature mirror of org.jenkins-ci.main:jenkins-core:2.541.3 — hudson.security.ACLContext
// Declarations only, for compiling the plugin offline; no behaviour (bodies throw or return defaults).
package hudson.security;

public class ACLContext implements AutoCloseable {
    private ACLContext() {
    }

    @Override
    public void close() {
        throw new UnsupportedOperationException("signature mirror");
    }
}
