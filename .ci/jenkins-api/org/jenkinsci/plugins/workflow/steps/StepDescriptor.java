// Signature mirror of org.jenkins-ci.plugins.workflow:workflow-step-api:716.v0773c3c68734 — org.jenkinsci.plugins.workflow.steps.StepDescriptor
// Declarations only, for compiling the plugin offline; no behaviour (bodies throw or return defaults).
package org.jenkinsci.plugins.workflow.steps;

import hudson.model.Descriptor;
import java.util.Set;

public abstract class StepDescriptor extends Descriptor<Step> {
    public abstract Set<? extends Class<?>> getRequiredContext();

    public abstract String getFunctionName();
}
