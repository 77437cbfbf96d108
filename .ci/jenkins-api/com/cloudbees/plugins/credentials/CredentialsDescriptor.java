// Signature mirror of org.jenkins-ci.plugins:credentials:1502.v5c95e620ddfe — com.cloudbees.plugins.credentials.CredentialsDescriptor
// Declarations only, for compiling the plugin offline; no behaviour (bodies throw or return defaults).
package com.cloudbees.plugins.credentials;

import hudson.model.Descriptor;

public abstract class CredentialsDescriptor extends Descriptor<Credentials> {
    protected CredentialsDescriptor() {
    }
}
