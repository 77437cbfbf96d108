// Signature mirror of org.jenkins-ci.plugins:credentials:1502.v5c95e620ddfe — com.cloudbees.plugins.credentials.BaseCredentials
// Declarations only, for compiling the plugin offline; no behaviour (bodies throw or return defaults).
package com.cloudbees.plugins.credentials;

public class BaseCredentials implements Credentials {
    protected BaseCredentials() {
    }

    @Override
    public CredentialsDescriptor getDescriptor() {
        throw new UnsupportedOperationException("signature mirror");
    }
}
