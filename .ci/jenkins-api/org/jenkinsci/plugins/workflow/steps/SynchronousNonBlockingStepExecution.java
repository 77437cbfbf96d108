// Signature mirror of org.jenkins-ci.plugins.workflow:workflow-step-api:716.v0773c3c68734 — org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution
// Declarations only, for compiling the plugin offline; no behaviour (bodies throw or return defaults).
package org.jenkinsci.plugins.workflow.steps;

public abstract class SynchronousNonBlockingStepExecution<T> extends StepExecution {
    protected SynchronousNonBlockingStepExecution(StepContext context) {
        super(context);
    }

    protected abstract T run() throws Exception;

    @Override
    public final boolean start() throws Exception {
        throw new UnsupportedOperationException("signature mirror");
    }
}
