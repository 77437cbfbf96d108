// Signature mirror of org.jenkins-ci.plugins.workflow:workflow-step-api:716.v0773c3c68734 — org.jenkinsci.plugins.workflow.steps.StepContext
// Declarations only, for compiling the plugin offline; no behaviour (bodies throw or return defaults).
package org.jenkinsci.plugins.workflow.steps;

import java.io.IOException;
import java.io.Serializable;

public abstract class StepContext implements Serializable {
    public abstract <T> T get(Class<T> key) throws IOException, InterruptedException;
}
