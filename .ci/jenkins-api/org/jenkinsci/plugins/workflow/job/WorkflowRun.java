// Signature mirror of org.jenkins-ci.plugins.workflow:workflow-job:1589.vcef6b_a_eff0cc — org.jenkinsci.plugins.workflow.job.WorkflowRun
// Declarations only, for compiling the plugin offline; no behaviour (bodies throw or return defaults).
package org.jenkinsci.plugins.workflow.job;

import hudson.model.Queue;
import hudson.model.Run;
import java.io.IOException;
import org.jenkinsci.plugins.workflow.flow.FlowExecution;

public final class WorkflowRun extends Run<WorkflowJob, WorkflowRun> implements Queue.Executable {
    public WorkflowRun(WorkflowJob job) throws IOException {
        super(job);
    }

    public FlowExecution getExecution() {
        throw new UnsupportedOperationException("signature mirror");
    }
}
