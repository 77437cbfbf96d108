// Signature mirror of org.jenkins-ci.main:jenkins-core:2.541.3 — hudson.tasks.BuildStepCompatibilityLayer
// Declarations only, for compiling the plugin offline; no behaviour (bodies throw or return defaults).
package hudson.tasks;

public abstract class BuildStepCompatibilityLayer implements BuildStep {
}
