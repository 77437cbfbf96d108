// Signature mirror of org.jenkins-ci.plugins:credentials-binding:728.v902a_273b_8947 — org.jenkinsci.plugins.credentialsbinding.impl.CredentialNotFoundException
// Declarations only, for compiling the plugin offline; no behaviour (bodies throw or return defaults).
package org.jenkinsci.plugins.credentialsbinding.impl;

import hudson.AbortException;

public class CredentialNotFoundException extends AbortException {
    public CredentialNotFoundException(String message) {
        super(message);
    }
}
