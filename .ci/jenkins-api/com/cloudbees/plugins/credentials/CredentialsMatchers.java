// Signature mirror of org.jenkins-ci.plugins:credentials:1502.v5c95e620ddfe — com.cloudbees.plugins.credentials.CredentialsMatchers
// Declarations only, for compiling the plugin offline; no behaviour (bodies throw or return defaults).
package com.cloudbees.plugins.credentials;

public class CredentialsMatchers {
    private CredentialsMatchers() {
    }

    public static CredentialsMatcher not(CredentialsMatcher matcher) {
        throw new UnsupportedOperationException("signature mirror");
    }

    public static CredentialsMatcher withScopes(java.util.Collection<CredentialsScope> scopes) {
        throw new UnsupportedOperationException("signature mirror");
    }

    public static CredentialsMatcher instanceOf(Class clazz) {
        throw new UnsupportedOperationException("signature mirror");
    }

    public static CredentialsMatcher withId(String id) {
        throw new UnsupportedOperationException("signature mirror");
    }

    public static CredentialsMatcher allOf(CredentialsMatcher... matchers) {
        throw new UnsupportedOperationException("signature mirror");
    }

    public static CredentialsMatcher anyOf(CredentialsMatcher... matchers) {
        throw new UnsupportedOperationException("signature mirror");
    }
}
