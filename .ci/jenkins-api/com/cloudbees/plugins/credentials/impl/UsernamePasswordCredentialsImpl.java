// Signature mirror of org.jenkins-ci.plugins:credentials:1502.v5c95e620ddfe — com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl
// Declarations only, for compiling the plugin offline; no behaviour (bodies throw or return defaults).
package com.cloudbees.plugins.credentials.impl;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.model.Descriptor;
import hudson.util.Secret;

public class UsernamePasswordCredentialsImpl extends BaseStandardCredentials implements
        StandardUsernamePasswordCredentials {
    public UsernamePasswordCredentialsImpl(CredentialsScope scope, String id, String description, String username,
            String password) throws Descriptor.FormException {
        super(scope, id, description);
    }

    @Override
    public String getUsername() {
        throw new UnsupportedOperationException("signature mirror");
    }

    @Override
    public Secret getPassword() {
        throw new UnsupportedOperationException("signature mirror");
    }
}
