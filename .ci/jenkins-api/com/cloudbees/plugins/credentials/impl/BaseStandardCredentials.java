// Signature mirror of org.jenkins-ci.plugins:credentials:1502.v5c95e620ddfe — com.cloudbees.plugins.credentials.impl.BaseStandardCredentials
// Declarations only, for compiling the plugin offline; no behaviour (bodies throw or return defaults).
package com.cloudbees.plugins.credentials.impl;

import com.cloudbees.plugins.credentials.BaseCredentials;
import com.cloudbees.plugins.credentials.CredentialsDescriptor;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.common.StandardCredentials;

public abstract class BaseStandardCredentials extends BaseCredentials implements StandardCredentials {
    public BaseStandardCredentials(CredentialsScope scope, String id, String description) {
    }

    @Override
    public String getDescription() {
        throw new UnsupportedOperationException("signature mirror");
    }

    @Override
    public String getId() {
        throw new UnsupportedOperationException("signature mirror");
    }

    protected static abstract class BaseStandardCredentialsDescriptor extends CredentialsDescriptor {
        protected BaseStandardCredentialsDescriptor() {
        }
    }
}
