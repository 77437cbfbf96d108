// Signature mirror of org.jenkins-ci.main:jenkins-core:2.541.3 — hudson.model.BuildableItem
// Declarations only, for compiling the plugin offline; no behaviour (bodies throw or return defaults).
package hudson.model;

import hudson.model.Queue.Task;

public interface BuildableItem extends Item, Task {
}
