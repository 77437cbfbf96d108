// Signature mirror of org.jenkins-ci.main:jenkins-core:2.541.3 — hudson.ProxyConfiguration
// Declarations only, for compiling the plugin offline; no behaviour (bodies throw or return defaults).
// Upstream also implements Describable, Saveable and Serializable, which the plugin does not use.
package hudson;

import hudson.util.Secret;

public final class ProxyConfiguration {
    public final String name;
    public final int port;

    public ProxyConfiguration(String name, int port, String userName, String password, String noProxyHost) {
        this.name = null;
        this.port = 0;
    }

    public String getUserName() {
        throw new UnsupportedOperationException("signature mirror");
    }

    public Secret getSecretPassword() {
        throw new UnsupportedOperationException("signature mirror");
    }

    public String getNoProxyHost() {
        throw new UnsupportedOperationException("signature mirror");
    }
}
