// Signature mirror of org.jenkins-ci.main:jenkins-core:2.541.3 — hudson.tasks.Builder
// Declarations only, for compiling the plugin offline; no behaviour (bodies throw or return defaults).
package hudson.tasks;

import hudson.ExtensionPoint;
import hudson.model.Describable;

public abstract class Builder extends BuildStepCompatibilityLayer implements Describable<Builder>, ExtensionPoint {
}
