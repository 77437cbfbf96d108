// Signature mirror of org.jenkins-ci.main:jenkins-core:2.541.3 — hudson.security.ACL
// Declarations only, for compiling the plugin offline; no behaviour (bodies throw or return defaults).
package hudson.security;

import org.springframework.security.core.Authentication;

public abstract class ACL {
    public static final Authentication SYSTEM2 = null;

    public static ACLContext as2(Authentication auth) {
        throw new UnsupportedOperationException("signature mirror");
    }
}
