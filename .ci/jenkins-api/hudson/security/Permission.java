// Signature mirror of org.jenkins-ci.main:jenkins-core:2.541.3 — hudson.security.Permission
// Declarations only, for compiling the plugin offline; no behaviour (bodies throw or return defaults).
package hudson.security;

public final class Permission {
    private Permission() {
    }
}
