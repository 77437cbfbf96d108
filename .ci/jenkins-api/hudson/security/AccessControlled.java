// Signature mirror of org.jenkins-ci.main:jenkins-core:2.541.3 — hudson.security.AccessControlled
// Declarations only, for compiling the plugin offline; no behaviour (bodies throw or return defaults).
package hudson.security;

public interface AccessControlled {
    default boolean hasPermission(Permission permission) {
        throw new UnsupportedOperationException("signature mirror");
    }
}
