// Signature mirror of org.jenkins-ci.main:jenkins-core:2.541.3 — hudson.model.Node
// Declarations only, for compiling the plugin offline; no behaviour (bodies throw or return defaults).
package hudson.model;

import hudson.ExtensionPoint;

public abstract class Node extends AbstractModelObject implements ExtensionPoint {
}
