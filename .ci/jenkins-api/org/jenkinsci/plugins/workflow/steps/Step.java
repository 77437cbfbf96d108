// Signature mirror of org.jenkins-ci.plugins.workflow:workflow-step-api:716.v0773c3c68734 — org.jenkinsci.plugins.workflow.steps.Step
// Declarations only, for compiling the plugin offline; no behaviour (bodies throw or return defaults).
package org.jenkinsci.plugins.workflow.steps;

import hudson.ExtensionPoint;
import hudson.model.AbstractDescribableImpl;

public abstract class Step extends AbstractDescribableImpl<Step> implements ExtensionPoint {
    public abstract StepExecution start(StepContext context) throws Exception;
}
