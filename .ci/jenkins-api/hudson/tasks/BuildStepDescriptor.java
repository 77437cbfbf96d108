// Signature mirror of org.jenkins-ci.main:jenkins-core:2.541.3 — hudson.tasks.BuildStepDescriptor
// Declarations only, for compiling the plugin offline; no behaviour (bodies throw or return defaults).
package hudson.tasks;

import hudson.model.AbstractProject;
import hudson.model.Describable;
import hudson.model.Descriptor;

public abstract class BuildStepDescriptor<T extends BuildStep & Describable<T>> extends Descriptor<T> {
    protected BuildStepDescriptor() {
    }

    public abstract boolean isApplicable(Class<? extends AbstractProject> jobType);
}
