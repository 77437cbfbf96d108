// Signature mirror of org.jenkins-ci.plugins:credentials:1502.v5c95e620ddfe — com.cloudbees.plugins.credentials.SystemCredentialsProvider
// Declarations only, for compiling the plugin offline; no behaviour (bodies throw or return defaults).
package com.cloudbees.plugins.credentials;

import hudson.model.AbstractDescribableImpl;
import hudson.model.Saveable;
import java.io.IOException;
import java.util.List;

public class SystemCredentialsProvider extends AbstractDescribableImpl<SystemCredentialsProvider> implements Saveable {
    public static SystemCredentialsProvider getInstance() {
        throw new UnsupportedOperationException("signature mirror");
    }

    public List<Credentials> getCredentials() {
        throw new UnsupportedOperationException("signature mirror");
    }

    @Override
    public void save() throws IOException {
        throw new UnsupportedOperationException("signature mirror");
    }
}
