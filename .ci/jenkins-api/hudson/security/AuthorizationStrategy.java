// Signature mirror of org.jenkins-ci.main:jenkins-core:2.541.3 — hudson.security.AuthorizationStrategy
// Declarations only, for compiling the plugin offline; no behaviour (bodies throw or return defaults).
package hudson.security;

import hudson.ExtensionPoint;
import hudson.model.Describable;

public abstract class AuthorizationStrategy implements Describable<AuthorizationStrategy>, ExtensionPoint {
}
