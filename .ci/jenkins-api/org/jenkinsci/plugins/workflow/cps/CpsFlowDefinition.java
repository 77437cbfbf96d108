// Signature mirror of org.jenkins-ci.plugins.workflow:workflow-cps:4356.ve007b_7ff2178 — org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition
// Declarations only, for compiling the plugin offline; no behaviour (bodies throw or return defaults).
package org.jenkinsci.plugins.workflow.cps;

import hudson.model.Descriptor;
import org.jenkinsci.plugins.workflow.flow.FlowDefinition;

public class CpsFlowDefinition extends FlowDefinition {
    public CpsFlowDefinition(String script, boolean sandbox) throws Descriptor.FormException {
    }
}
