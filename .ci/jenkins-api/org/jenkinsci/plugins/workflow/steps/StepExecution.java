// Signature mirror of org.jenkins-ci.plugins.workflow:workflow-step-api:716.v0773c3c68734 — org.jenkinsci.plugins.workflow.steps.StepExecution
// Declarations only, for compiling the plugin offline; no behaviour (bodies throw or return defaults).
package org.jenkinsci.plugins.workflow.steps;

import java.io.Serializable;

public abstract class StepExecution implements Serializable {
    protected StepExecution(StepContext context) {
    }

    public StepContext getContext() {
        throw new UnsupportedOperationException("signature mirror");
    }

    public abstract boolean start() throws Exception;
}
