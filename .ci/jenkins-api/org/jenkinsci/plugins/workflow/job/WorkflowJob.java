// Signature mirror of org.jenkins-ci.plugins.workflow:workflow-job:1589.vcef6b_a_eff0cc — org.jenkinsci.plugins.workflow.job.WorkflowJob
// Declarations only, for compiling the plugin offline; no behaviour (bodies throw or return defaults).
package org.jenkinsci.plugins.workflow.job;

import hudson.model.ItemGroup;
import hudson.model.Job;
import hudson.model.TopLevelItem;
import jenkins.model.ParameterizedJobMixIn;
import org.jenkinsci.plugins.workflow.flow.FlowDefinition;

public final class WorkflowJob extends Job<WorkflowJob, WorkflowRun>
        implements ParameterizedJobMixIn.ParameterizedJob<WorkflowJob, WorkflowRun>, TopLevelItem {
    public WorkflowJob(ItemGroup parent, String name) {
        super(parent, name);
    }

    public void setDefinition(FlowDefinition definition) {
        throw new UnsupportedOperationException("signature mirror");
    }
}
